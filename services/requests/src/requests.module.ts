import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceConfigModule } from '@lers/config';
import { KafkaReadiness, MessagingModule, messagingOptionsFrom } from '@lers/messaging';
import { ObservabilityModule } from '@lers/observability';
import { MongoReadiness, PersistenceModule } from '@lers/persistence';
import { MinioReadiness, StorageModule } from '@lers/storage';
import { UpstreamEventsConsumer } from './upstream-events/upstream-events.consumer';
import { RequestsEnv } from './requests.config';

@Module({})
export class RequestsModule {
  static forRoot(config: RequestsEnv): DynamicModule {
    return {
      module: RequestsModule,
      imports: [
        ServiceConfigModule.provide(RequestsEnv, config),
        ObservabilityModule.forService({
          service: 'requests',
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
        MessagingModule.forDataService(messagingOptionsFrom('requests', config)),
      ],
      controllers: [UpstreamEventsConsumer],
    };
  }
}
