import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceConfigModule } from '@lers/config';
import { KafkaReadiness, MessagingModule, messagingOptionsFrom } from '@lers/messaging';
import { ObservabilityModule } from '@lers/observability';
import { MinioReadiness, StorageModule } from '@lers/storage';
import { AccessApplicationsController } from './access-applications/access-applications.controller';
import { GatewayEnv } from './gateway.config';

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
      ],
      controllers: [AccessApplicationsController],
    };
  }
}
