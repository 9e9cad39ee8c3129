import { type DynamicModule, Module } from '@nestjs/common';
import { BUCKETS } from '@lers/contracts';
import { ServiceConfigModule } from '@lers/config';
import { KafkaReadiness, MessagingModule, messagingOptionsFrom } from '@lers/messaging';
import { ObservabilityModule } from '@lers/observability';
import { MongoReadiness, PersistenceModule } from '@lers/persistence';
import { MinioReadiness, StorageModule } from '@lers/storage';
import { ACCESS_APPLICATION_MODEL } from './applications/access-application.schema';
import { ApplicationsModule } from './applications/applications.module';
import { AccountsModule } from './accounts/accounts.module';
import { ACCOUNT_MODEL } from './accounts/account.schema';
import { SessionStore } from './sessions/session-store';
import { AuthModule } from '@lers/auth';
import { AccessEnv } from './access.config';

@Module({})
export class AccessModule {
  static forRoot(config: AccessEnv): DynamicModule {
    return {
      module: AccessModule,
      imports: [
        ServiceConfigModule.provide(AccessEnv, config),
        ObservabilityModule.forService({
          service: 'access',
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
          buckets: [BUCKETS.accessDocuments],
        }),
        MessagingModule.forDataService(
          messagingOptionsFrom('access', config, [ACCESS_APPLICATION_MODEL, ACCOUNT_MODEL]),
        ),
        AccountsModule,
        AuthModule.forService({ publicKey: config.JWT_PUBLIC_KEY }, SessionStore, AccountsModule),
        ApplicationsModule,
      ],
    };
  }
}
