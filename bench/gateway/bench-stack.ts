import { openTestDatabase, testEnvironment } from '@lers/testing';
import { adminLogin } from '../../services/access/test/identity-helpers';
import { bootRequestsStack, loggedInOfficer } from '../../test/e2e/backbone-harness';
import { startServiceProcess, type ChildServer } from '../support/service-processes';

/** Notification, access, requests and the gateway, with a way to get a logged-in officer. */
export interface BenchStack {
  gatewayUrl: string;
  databases: { access: string; requests: string };
  /** The process the gateway runs in: its own, or (in-process mode) this one, shared with all. */
  gatewayPid: number;
  officer(): Promise<{ accessToken: string }>;
  close(): Promise<void>;
}

const SERVICES = ['notification', 'access', 'requests', 'gateway'] as const;

/**
 * Each service in its own Node process, compiled from this checkout, as production runs them: the gateway's CPU and
 * memory are its own, and the bench's event loop only drives requests.
 */
export async function startServiceProcesses(
  logDir: string,
  gatewayOverrides: Record<string, string>,
): Promise<BenchStack> {
  const started: ChildServer[] = [];
  const database = (service: (typeof SERVICES)[number]) => String(testEnvironment(service).MONGO_DB);
  const stopAllAndDropDatabases = async () => {
    for (const child of [...started].reverse()) await child.stop();
    for (const service of SERVICES) {
      const db = await openTestDatabase(database(service));
      await db.dropDatabase();
      await db.close();
    }
  };
  try {
    for (const service of SERVICES) {
      const overrides = service === 'gateway' ? gatewayOverrides : {};
      // Warnings and errors only: request logs would cost the gateway CPU under load.
      started.push(await startServiceProcess(service, logDir, { LOG_LEVEL: 'warn', ...overrides }));
    }
    const [, access, , gateway] = started;
    const adminToken = (await adminLogin(access.url)).accessToken;
    return {
      gatewayUrl: gateway.url,
      databases: { access: database('access'), requests: database('requests') },
      gatewayPid: gateway.pid,
      officer: () => loggedInOfficer(gateway.url, access.url, adminToken),
      close: stopAllAndDropDatabases,
    };
  } catch (error) {
    await stopAllAndDropDatabases();
    throw error;
  }
}

/** The services booted in this process, sharing its event loop (`BENCH_IN_PROCESS=1`, for comparison). */
export async function bootServicesInProcess(gatewayOverrides: Record<string, string>): Promise<BenchStack> {
  const stack = await bootRequestsStack({ gateway: gatewayOverrides });
  return {
    gatewayUrl: stack.gateway.url,
    databases: { access: stack.access.config.MONGO_DB, requests: stack.requests.config.MONGO_DB },
    gatewayPid: process.pid,
    officer: stack.officer,
    close: stack.close,
  };
}
