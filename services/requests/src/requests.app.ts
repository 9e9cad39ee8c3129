import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startService } from '@lers/http';
import { RequestsEnv } from './requests.config';
import { RequestsModule } from './requests.module';

export function startRequests(config: RequestsEnv): Promise<NestFastifyApplication> {
  return startService(RequestsModule.forRoot(config), {
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    opsPort: config.OPS_PORT,
    trustedProxies: config.TRUSTED_PROXIES,
    consumeKafka: true,
    // Staff upload disclosure packages here (streamed to MinIO, never buffered whole).
    configure: async (app) => {
      await app.register(multipart, { throwFileSizeLimit: false });
    },
  });
}
