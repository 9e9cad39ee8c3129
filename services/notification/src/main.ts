import { loadConfig } from '@lers/config';
import { NotificationEnv } from './notification.config';
import { startNotification } from './notification.app';

startNotification(loadConfig(NotificationEnv)).catch((error) => {
  process.stderr.write(
    `notification service failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
