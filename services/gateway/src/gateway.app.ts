import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startService } from '@lers/http';
import { GatewayEnv } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { setUpOpenApi } from './openapi/openapi';

export function startGateway(config: GatewayEnv): Promise<NestFastifyApplication> {
  return startService(GatewayModule.forRoot(config), {
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    opsPort: config.OPS_PORT,
    trustedProxies: config.TRUSTED_PROXIES,
    consumeKafka: false,
    configure: async (app) => {
      await app.register(multipart, { throwFileSizeLimit: false });
      setUpOpenApi(app);
    },
  });
}
