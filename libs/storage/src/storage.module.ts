import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import type { ReadinessCheck } from '@lers/observability';
import { DocumentStore } from './document-store';
import { STORAGE_OPTIONS, type StorageOptions } from './minio-options';

@Injectable()
export class MinioReadiness implements ReadinessCheck {
  readonly name = 'minio';

  constructor(private readonly store: DocumentStore) {}

  async check(): Promise<void> {
    await this.store.client.listBuckets();
  }
}

@Module({})
export class StorageModule {
  static forService(options: StorageOptions): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [{ provide: STORAGE_OPTIONS, useValue: options }, DocumentStore, MinioReadiness],
      exports: [DocumentStore, MinioReadiness],
    };
  }
}
