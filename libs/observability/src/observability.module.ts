import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller';
import { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
import { Readiness } from './health/readiness';
import { loggingModule } from './logging/logging.module';
import { Metrics } from './metrics/metrics';

export interface ObservabilityOptions {
  service: string;
  logLevel: string;
  /** Providers (from the infrastructure modules) that readiness must ask. */
  readiness: Type<ReadinessCheck>[];
}

@Module({})
export class ObservabilityModule {
  static forService(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [loggingModule(options.service, options.logLevel), TerminusModule.forRoot({ logger: false })],
      // /metrics is served on the operations listener only (ops/ops-listener.ts).
      controllers: [HealthController],
      providers: [
        { provide: Metrics, useValue: new Metrics(options.service) },
        Readiness,
        {
          provide: READINESS_CHECKS,
          useFactory: (...checks: ReadinessCheck[]) => checks,
          inject: options.readiness,
        },
      ],
      exports: [Metrics, Readiness],
    };
  }
}
