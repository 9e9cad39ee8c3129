import { COMMAND_TOPICS } from '@lers/contracts';
import { KafkaProbe, waitFor } from '@lers/testing';
import request from 'supertest';
import { bootRequestsStack, type RequestsStack } from './backbone-harness';

/**
 * Passport keeps strategies in one registry per process. Several applications share a process in
 * tests and benches; each must still check bearer tokens with its own session source. The requests
 * service asks access on every staff call; the gateway (booted after it) would remember the answer.
 */
describe('each application checks bearer tokens with its own strategy', () => {
  let stack: RequestsStack;
  let probe: KafkaProbe;
  let staff: { accessToken: string };

  beforeAll(async () => {
    stack = await bootRequestsStack();
    staff = await stack.staff(['legal']);
    probe = await KafkaProbe.watch(COMMAND_TOPICS.accessCheckSession);
  }, 180_000);

  afterAll(async () => {
    await probe?.stop();
    await stack?.close();
  });

  it('the requests service asks access about the session on each of three calls', async () => {
    const sessionId = JSON.parse(Buffer.from(staff.accessToken.split('.')[1], 'base64url').toString()).sid;
    const checks = () => probe.seen.filter((message) => message.value?.includes(sessionId)).length;
    for (let call = 0; call < 3; call++) {
      await request(stack.requests.url)
        .get('/internal/requests')
        .set('authorization', `Bearer ${staff.accessToken}`)
        .expect(200);
    }
    // The gateway's session view would have asked once and remembered the answer.
    await waitFor('three session checks', () => checks() >= 3 || undefined, { timeoutMs: 5000 });
    expect(checks()).toBe(3);
  });
});
