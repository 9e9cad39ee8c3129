import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceConfigModule } from '@lers/config';
import { KafkaReadiness, MessagingModule, messagingOptionsFrom } from '@lers/messaging';
import { ObservabilityModule } from '@lers/observability';
import { MongoReadiness, PersistenceModule } from '@lers/persistence';
import { AccessEventsModule } from './access-events/access-events.module';
import { NotificationEnv } from './notification.config';

@Module({})
export class NotificationModule {
  static forRoot(config: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ServiceConfigModule.provide(NotificationEnv, config),
        ObservabilityModule.forService({
          service: 'notification',
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaReadiness, MongoReadiness],
        }),
        PersistenceModule.forService({
          url: config.MONGO_URL,
          database: config.MONGO_DB,
          maxPoolSize: config.MONGO_MAX_POOL_SIZE,
        }),
        MessagingModule.forDataService(messagingOptionsFrom('notification', config)),
        AccessEventsModule,
      ],
    };
  }
}
