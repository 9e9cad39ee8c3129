import { type DynamicModule, Module } from '@nestjs/common';

/** Makes a service's validated configuration injectable by its class. */
@Module({})
export class ServiceConfigModule {
  static provide<T extends object>(schema: new () => T, value: T): DynamicModule {
    return {
      module: ServiceConfigModule,
      global: true,
      providers: [{ provide: schema, useValue: value }],
      exports: [schema],
    };
  }
}
