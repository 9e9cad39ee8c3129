import { loadConfig } from '@lers/config';
import { RequestsEnv } from './requests.config';
import { startRequests } from './requests.app';

startRequests(loadConfig(RequestsEnv)).catch((error) => {
  process.stderr.write(
    `requests service failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
