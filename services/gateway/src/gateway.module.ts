import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceConfigModule } from '@lers/config';
import { KafkaReadiness, MessagingModule, messagingOptionsFrom } from '@lers/messaging';
import { ObservabilityModule } from '@lers/observability';
import { MinioReadiness, StorageModule } from '@lers/storage';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from '@lers/auth';
import { AccessApplicationsController } from './access-applications/access-applications.controller';
import { AuthController } from './auth/auth.controller';
import { GatewaySessionModule } from './auth/gateway-auth.module';
import { SessionView } from './auth/session-view';
import { MeController } from './me/me.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OfficerLocalStrategy } from './auth/officer-local.strategy';
import { PRESERVATION_CONTROLLERS } from './preservations/preservation-controllers';
import { REQUEST_CONTROLLERS } from './requests/request-controllers';
import { GatewayEnv } from './gateway.config';
import { UploadingCommands } from './uploads/upload-batch';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceConfigModule.provide(GatewayEnv, config),
        ObservabilityModule.forService({
          service: 'gateway',
          logLevel: config.LOG_LEVEL,
          readiness: [KafkaReadiness, MinioReadiness],
        }),
        StorageModule.forService({
          endpoint: config.MINIO_ENDPOINT,
          accessKey: config.MINIO_ACCESS_KEY,
          secretKey: config.MINIO_SECRET_KEY,
          buckets: [],
        }),
        MessagingModule.forGateway(messagingOptionsFrom('gateway', config)),
        ThrottlerModule.forRoot([
          { name: 'default', ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE },
        ]),
        AuthModule.forService({ publicKey: config.JWT_PUBLIC_KEY }, SessionView, GatewaySessionModule),
      ],
      controllers: [
        AccessApplicationsController,
        AuthController,
        MeController,
        ...REQUEST_CONTROLLERS,
        ...PRESERVATION_CONTROLLERS,
        NotificationsController,
      ],
      providers: [OfficerLocalStrategy, UploadingCommands],
    };
  }
}
