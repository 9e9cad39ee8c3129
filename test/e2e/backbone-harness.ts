import { AccessEnv } from '../../services/access/src/access.config';
import { startAccess } from '../../services/access/src/access.app';
import { GatewayEnv } from '../../services/gateway/src/gateway.config';
import { startGateway } from '../../services/gateway/src/gateway.app';
import { NotificationEnv } from '../../services/notification/src/notification.config';
import { startNotification } from '../../services/notification/src/notification.app';
import { bootService } from '@lers/testing';

export const bootAccess = (overrides?: Record<string, string>) =>
  bootService('access', AccessEnv, startAccess, overrides);
export const bootGateway = (overrides?: Record<string, string>) =>
  bootService('gateway', GatewayEnv, startGateway, overrides);
export const bootNotification = (overrides?: Record<string, string>) =>
  bootService('notification', NotificationEnv, startNotification, overrides);
