import { loadConfig } from '@lers/config';
import { AccessEnv } from './access.config';
import { startAccess } from './access.app';

startAccess(loadConfig(AccessEnv)).catch((error) => {
  process.stderr.write(
    `access service failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
