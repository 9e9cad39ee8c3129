import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startService } from '@lers/http';
import { PreservationEnv } from './preservation.config';
import { PreservationModule } from './preservation.module';

export function startPreservation(config: PreservationEnv): Promise<NestFastifyApplication> {
  return startService(PreservationModule.forRoot(config), {
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    opsPort: config.OPS_PORT,
    trustedProxies: config.TRUSTED_PROXIES,
    consumeKafka: true,
  });
}
