import type { DynamicModule, Type } from '@nestjs/common';
import { ClockModule } from '@lers/clock';
import { ServiceConfigModule, type ServiceEnv } from '@lers/config';
import {
  KafkaReadiness,
  MessagingModule,
  messagingOptionsFrom,
  type MessagingOptions,
} from '@lers/messaging';
import { JobsModule } from '@lers/jobs';
import { ObservabilityModule, type ReadinessCheck } from '@lers/observability';
import { MongoReadiness, PersistenceModule } from '@lers/persistence';
import { MinioReadiness, StorageModule } from '@lers/storage';

interface MongoConfig {
  MONGO_URL: string;
  MONGO_DB: string;
  MONGO_MAX_POOL_SIZE: number;
  MONGO_WRITE_TIMEOUT_MS: number;
  PROCESSED_EVENT_RETENTION_DAYS: number;
}

interface MinioConfig {
  MINIO_ENDPOINT: string;
  MINIO_ACCESS_KEY: string;
  MINIO_SECRET_KEY: string;
}

export interface DataServiceOptions<Config> {
  service: Exclude<MessagingOptions['service'], 'gateway'>;
  schema: new () => Config;
  config: Config;
  /** Mongoose models whose documents carry an outbox. */
  outboxModels?: string[];
  /** With document storage: the buckets this service creates at start. */
  buckets?: string[];
  /** The service calls others over request–reply (e.g. access, for staff sessions). */
  commandClient?: boolean;
}

/**
 * What every service that owns data stands on, wired the same way in each: its validated
 * configuration, logs/health/metrics, its own database, leased periodic jobs (pruning), Kafka
 * (outbox, inbox, commands) and, where it keeps documents, MinIO. Readiness asks exactly the
 * dependencies wired here.
 */
export function dataServiceInfrastructure<Config extends ServiceEnv & MongoConfig & Partial<MinioConfig>>(
  options: DataServiceOptions<Config>,
): DynamicModule[] {
  const { config } = options;
  const storage = options.buckets !== undefined;
  const readiness: Type<ReadinessCheck>[] = [
    KafkaReadiness,
    MongoReadiness,
    ...(storage ? [MinioReadiness] : []),
  ];
  return [
    ServiceConfigModule.provide(options.schema, config),
    { module: ClockModule },
    ObservabilityModule.forService({ service: options.service, logLevel: config.LOG_LEVEL, readiness }),
    PersistenceModule.forService({
      url: config.MONGO_URL,
      database: config.MONGO_DB,
      maxPoolSize: config.MONGO_MAX_POOL_SIZE,
      writeTimeoutMs: config.MONGO_WRITE_TIMEOUT_MS,
    }),
    JobsModule.forService(),
    ...(storage
      ? [
          StorageModule.forService({
            endpoint: config.MINIO_ENDPOINT ?? '',
            accessKey: config.MINIO_ACCESS_KEY ?? '',
            secretKey: config.MINIO_SECRET_KEY ?? '',
            buckets: options.buckets ?? [],
          }),
        ]
      : []),
    MessagingModule.forDataService({
      ...messagingOptionsFrom(options.service, config, options.outboxModels),
      commandClient: options.commandClient,
      processedEventRetentionDays: config.PROCESSED_EVENT_RETENTION_DAYS,
    }),
  ];
}
