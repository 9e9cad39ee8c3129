import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceConfigModule } from '@lers/config';
import { KafkaReadiness, MessagingModule, messagingOptionsFrom } from '@lers/messaging';
import { ObservabilityModule } from '@lers/observability';
import { MongoReadiness, PersistenceModule } from '@lers/persistence';
import { MinioReadiness, StorageModule } from '@lers/storage';
import { UpstreamEventsConsumer } from './upstream-events/upstream-events.consumer';
import { PreservationEnv } from './preservation.config';

@Module({})
export class PreservationModule {
  static forRoot(config: PreservationEnv): DynamicModule {
    return {
      module: PreservationModule,
      imports: [
        ServiceConfigModule.provide(PreservationEnv, config),
        ObservabilityModule.forService({
          service: 'preservation',
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaReadiness, MongoReadiness, MinioReadiness],
        }),
        PersistenceModule.forService({
          url: config.MONGO_URL,
          database: config.MONGO_DB,
          maxPoolSize: config.MONGO_MAX_POOL_SIZE,
        }),
        StorageModule.forService({
          endpoint: config.MINIO_ENDPOINT,
          accessKey: config.MINIO_ACCESS_KEY,
          secretKey: config.MINIO_SECRET_KEY,
          buckets: [],
        }),
        MessagingModule.forDataService(messagingOptionsFrom('preservation', config)),
      ],
      controllers: [UpstreamEventsConsumer],
    };
  }
}
