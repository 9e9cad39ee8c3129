import { loadConfig } from '@lers/config';
import { GatewayEnv } from './gateway.config';
import { startGateway } from './gateway.app';

startGateway(loadConfig(GatewayEnv)).catch((error) => {
  process.stderr.write(
    `gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
