import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startService } from '@lers/http';
import { AccessEnv } from './access.config';
import { AccessModule } from './access.module';

export function startAccess(config: AccessEnv): Promise<NestFastifyApplication> {
  return startService(AccessModule.forRoot(config), {
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    opsPort: config.OPS_PORT,
    trustedProxies: config.TRUSTED_PROXIES,
    consumeKafka: true,
  });
}
