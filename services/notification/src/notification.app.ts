import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startService } from '@lers/http';
import { NotificationEnv } from './notification.config';
import { NotificationModule } from './notification.module';

export function startNotification(config: NotificationEnv): Promise<NestFastifyApplication> {
  return startService(NotificationModule.forRoot(config), {
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    opsPort: config.OPS_PORT,
    trustedProxies: config.TRUSTED_PROXIES,
    consumeKafka: true,
  });
}
