import { loadConfig } from '@lers/config';
import { PreservationEnv } from './preservation.config';
import { startPreservation } from './preservation.app';

startPreservation(loadConfig(PreservationEnv)).catch((error) => {
  process.stderr.write(
    `preservation service failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
