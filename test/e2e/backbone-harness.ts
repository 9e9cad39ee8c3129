import { AccessEnv } from '../../services/access/src/access.config';
import { startAccess } from '../../services/access/src/access.app';
import { GatewayEnv } from '../../services/gateway/src/gateway.config';
import { startGateway } from '../../services/gateway/src/gateway.app';
import { NotificationEnv } from '../../services/notification/src/notification.config';
import { startNotification } from '../../services/notification/src/notification.app';
import { bootService, openTestDatabase } from '@lers/testing';
import { adminLogin } from '../../services/access/test/identity-helpers';

export const bootAccess = (overrides?: Record<string, string>) =>
  bootService('access', AccessEnv, startAccess, overrides);
export const bootGateway = (overrides?: Record<string, string>) =>
  bootService('gateway', GatewayEnv, startGateway, overrides);
export const bootNotification = (overrides?: Record<string, string>) =>
  bootService('notification', NotificationEnv, startNotification, overrides);

/** Gateway, access and notification, each on its own database, with the bootstrap admin logged in. */
export async function bootIdentityStack() {
  const notification = await bootNotification();
  const access = await bootAccess();
  const gateway = await bootGateway();
  const accessDb = await openTestDatabase(access.config.MONGO_DB);
  const notificationDb = await openTestDatabase(notification.config.MONGO_DB);
  const adminToken = (await adminLogin(access.url)).accessToken;
  return {
    gateway,
    access,
    notification,
    accessDb,
    notificationDb,
    adminToken,
    async close() {
      await gateway.close();
      await access.close();
      await notification.close();
      for (const db of [accessDb, notificationDb]) {
        await db.dropDatabase();
        await db.close();
      }
    },
  };
}

export type IdentityStack = Awaited<ReturnType<typeof bootIdentityStack>>;
