import { AccessEnv } from '../../services/access/src/access.config';
import { startAccess } from '../../services/access/src/access.app';
import { GatewayEnv } from '../../services/gateway/src/gateway.config';
import { startGateway } from '../../services/gateway/src/gateway.app';
import { NotificationEnv } from '../../services/notification/src/notification.config';
import { startNotification } from '../../services/notification/src/notification.app';
import { PreservationEnv } from '../../services/preservation/src/preservation.config';
import { startPreservation } from '../../services/preservation/src/preservation.app';
import { RequestsEnv } from '../../services/requests/src/requests.config';
import { startRequests } from '../../services/requests/src/requests.app';
import request from 'supertest';
import { bootService, openTestDatabase } from '@lers/testing';
import {
  activeOfficer,
  adminLogin,
  codeIn,
  latestMailTo,
  staffLogin,
  totpNow,
} from '../../services/access/test/identity-helpers';

export const bootAccess = (overrides?: Record<string, string>) =>
  bootService('access', AccessEnv, startAccess, overrides);
export const bootGateway = (overrides?: Record<string, string>) =>
  bootService('gateway', GatewayEnv, startGateway, overrides);
export const bootNotification = (overrides?: Record<string, string>) =>
  bootService('notification', NotificationEnv, startNotification, overrides);
export const bootRequests = (overrides?: Record<string, string>) =>
  bootService('requests', RequestsEnv, startRequests, overrides);
export const bootPreservation = (overrides?: Record<string, string>) =>
  bootService('preservation', PreservationEnv, startPreservation, overrides);

/** An active officer of a new agency, logged in through the gateway. */
export async function loggedInOfficer(gatewayUrl: string, accessUrl: string, adminToken: string) {
  const officer = await activeOfficer(gatewayUrl, accessUrl, adminToken);
  const login = await request(gatewayUrl)
    .post('/v1/auth/login')
    .send({ email: officer.email, password: officer.password, totp: totpNow(officer.totpSecret) })
    .expect(200);
  return { ...officer, accessToken: login.body.accessToken as string };
}

/** A staff member with `roles`, invited by the admin, activated and logged in on access. */
export async function loggedInStaff(accessUrl: string, adminToken: string, roles: string[]) {
  const email = `${roles.join('-')}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exchange.test`;
  await request(accessUrl)
    .post('/internal/staff')
    .set('authorization', `Bearer ${adminToken}`)
    .send({ email, fullName: 'Lee Legal', roles })
    .expect(201);
  const token = codeIn((await latestMailTo(email, 'added as staff')).text);
  const password = 'legal team passphrase 2026!';
  const enrolment = await request(accessUrl)
    .post('/internal/auth/activate')
    .send({ token, password })
    .expect(200);
  await request(accessUrl)
    .post('/internal/auth/totp/confirm')
    .send({ token, code: totpNow(enrolment.body.totpSecret) })
    .expect(200);
  return { email, ...(await staffLogin(accessUrl, email, password, enrolment.body.totpSecret)) };
}

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

/**
 * Notification, access, requests and gateway, each on its own database, with the bootstrap admin
 * logged in. Staff act on the requests service's internal API (`requests.url`).
 */
export async function bootRequestsStack(
  overrides: { gateway?: Record<string, string>; requests?: Record<string, string> } = {},
) {
  const notification = await bootNotification();
  const access = await bootAccess();
  const requests = await bootRequests(overrides.requests);
  const gateway = await bootGateway(overrides.gateway);
  const accessDb = await openTestDatabase(access.config.MONGO_DB);
  const requestsDb = await openTestDatabase(requests.config.MONGO_DB);
  const notificationDb = await openTestDatabase(notification.config.MONGO_DB);
  const adminToken = (await adminLogin(access.url)).accessToken;
  return {
    gateway,
    access,
    requests,
    notification,
    accessDb,
    requestsDb,
    notificationDb,
    adminToken,
    /** An active officer of a new agency, logged in through the gateway. */
    officer: () => loggedInOfficer(gateway.url, access.url, adminToken),
    /** A staff member with `roles`, invited by the admin, activated and logged in on access. */
    staff: (roles: string[] = ['legal']) => loggedInStaff(access.url, adminToken, roles),
    async close() {
      await gateway.close();
      await requests.close();
      await access.close();
      await notification.close();
      for (const db of [accessDb, requestsDb, notificationDb]) {
        await db.dropDatabase();
        await db.close();
      }
    },
  };
}

export type RequestsStack = Awaited<ReturnType<typeof bootRequestsStack>>;

/**
 * Notification, access, preservation and gateway (and requests, for orders cited by requests),
 * each on its own database, with the bootstrap admin logged in. Staff act on the preservation
 * service's internal API (`preservation.url`).
 */
export async function bootPreservationStack(options: { withRequests?: boolean } = {}) {
  const notification = await bootNotification();
  const access = await bootAccess();
  const preservation = await bootPreservation();
  const requests = options.withRequests ? await bootRequests() : undefined;
  const gateway = await bootGateway();
  const preservationDb = await openTestDatabase(preservation.config.MONGO_DB);
  const adminToken = (await adminLogin(access.url)).accessToken;
  return {
    gateway,
    access,
    preservation,
    requests,
    notification,
    preservationDb,
    adminToken,
    officer: () => loggedInOfficer(gateway.url, access.url, adminToken),
    staff: (roles: string[] = ['legal']) => loggedInStaff(access.url, adminToken, roles),
    async close() {
      await gateway.close();
      await requests?.close();
      await preservation.close();
      await access.close();
      await notification.close();
      const names = [
        access.config.MONGO_DB,
        notification.config.MONGO_DB,
        ...(requests ? [requests.config.MONGO_DB] : []),
      ];
      for (const name of names) {
        const db = await openTestDatabase(name);
        await db.dropDatabase();
        await db.close();
      }
      await preservationDb.dropDatabase();
      await preservationDb.close();
    },
  };
}

export type PreservationStack = Awaited<ReturnType<typeof bootPreservationStack>>;
