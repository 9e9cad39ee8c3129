import { opsUrlOf } from '@lers/http';
import request from 'supertest';
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { COMMAND_TOPICS, replyTopicOf } from '@lers/contracts';
import { COMMAND_CLIENT } from '@lers/messaging';
import {
  accessApplicationForm,
  samplePdf,
  testInfra,
  testRunId,
  waitFor,
  type RunningService,
} from '@lers/testing';
import type { ReplyClient } from '../../libs/messaging/src/kafka/reply-client';
import { bootAccess, bootGateway } from './backbone-harness';

const REPLICAS = 4;
const replyTopics = Object.values(COMMAND_TOPICS).map(replyTopicOf);

/**
 * Request–reply with more gateway replicas than reply partitions (3): each replica has a reply
 * group of its own, so every one can call and hears the replies to its own calls.
 */
describe('four gateway replicas', () => {
  let access: RunningService<object>;
  const gateways: RunningService<object>[] = [];
  let admin: Admin;

  beforeAll(async () => {
    admin = new Kafka({ brokers: [testInfra.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    // Every app at `warn`: outside a request, nestjs-pino logs through the first app's logger.
    const warnings = { LOG_LEVEL: 'warn' };
    access = await bootAccess(warnings);
    for (let replica = 0; replica < REPLICAS; replica += 1) gateways.push(await bootGateway(warnings));
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await access?.close();
    await admin?.disconnect();
  });

  const replyGroupsOfThisRun = async () =>
    (await admin.listGroups()).groups
      .map(({ groupId }) => groupId)
      .filter((groupId) => groupId.startsWith(`lers-gateway-${testRunId}-`))
      // Each replica also has a group for the session view's event stream; only reply groups count here.
      .filter((groupId) => !groupId.startsWith(`lers-gateway-${testRunId}-sessions-`));

  const apply = (url: string, correlationId: string) =>
    request(url)
      .post('/v1/access-applications')
      .set('x-correlation-id', correlationId)
      .field('application', JSON.stringify(accessApplicationForm()))
      .attach('proofOfAuthority', samplePdf(), 'proof.pdf');

  it('has every replica ready, each in a reply group of its own holding a partition of every reply topic', async () => {
    for (const gateway of gateways) await request(gateway.url).get('/health/ready').expect(200);

    const groupIds = await replyGroupsOfThisRun();
    expect(groupIds).toHaveLength(REPLICAS);
    const { groups } = await admin.describeGroups(groupIds);
    for (const gateway of gateways) {
      const client = gateway.app.get<ReplyClient>(COMMAND_CLIENT);
      const group = groups.find(({ groupId }) => groupId === client.consumerGroupId)!;
      expect(group.state).toBe('Stable');
      expect(group.members).toHaveLength(1);
      const { assignment } = AssignerProtocol.MemberAssignment.decode(group.members[0].memberAssignment)!;
      expect(Object.keys(assignment).sort()).toEqual([...replyTopics].sort());
      for (const topic of replyTopics) {
        expect(assignment[topic]).toHaveLength(1);
        // The partition the services are told to answer on is the one this replica reads.
        expect(client.getConsumerAssignments()[topic]).toBe(assignment[topic][0]);
      }
    }
  });

  it('answers concurrent calls spread over all replicas, each on the replica that asked, without a warning', async () => {
    // Four replicas on three partitions: some read each other's replies and must drop them quietly.
    const logged: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    const results = await Promise.all(
      Array.from({ length: 4 * REPLICAS }, (_, index) =>
        apply(gateways[index % REPLICAS].url, `replica-${index}`).then((response) => ({ index, response })),
      ),
    ).finally(() => (process.stdout.write = write));

    for (const { index, response } of results) {
      expect(response.status).toBe(201);
      expect(response.headers['x-correlation-id']).toBe(`replica-${index}`);
    }
    expect(new Set(results.map(({ response }) => response.body.id)).size).toBe(results.length);
    const fromReplyClientOrErrors = logged.filter(
      (line) => line.includes('"context":"ClientKafka"') || /"level":(50|60)/.test(line),
    );
    expect(fromReplyClientOrErrors).toEqual([]);
  });

  it('reports not ready and refuses calls at once while its reply consumer is stopped, and recovers', async () => {
    const gateway = gateways[REPLICAS - 1];
    const client = gateway.app.get<ReplyClient>(COMMAND_CLIENT);
    await request(gateway.url).get('/health/ready').expect(200);

    await client.consumer.stop();
    // The operations listener's readiness names the reason; the public one only says "down".
    const down = await waitFor('readiness to report the stopped reply consumer', async () => {
      const response = await request(opsUrlOf(gateway.app)).get('/health/ready');
      return response.status === 503 ? response : undefined;
    });
    expect((await request(gateway.url).get('/health/ready')).status).toBe(503);
    expect(JSON.stringify(down.body)).toContain('reply consumer not receiving: stopped');
    const refused = await apply(gateway.url, 'while-stopped');
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('service_unavailable');

    await client.close();
    await client.connect();
    await waitFor(
      'readiness after the reply consumer is back',
      async () => (await request(gateway.url).get('/health/ready')).status === 200,
    );
    expect((await apply(gateway.url, 'after-restart')).status).toBe(201);
  });

  it('deletes the reply group of a replica that shuts down', async () => {
    const gateway = gateways.pop()!;
    const groupId = gateway.app.get<ReplyClient>(COMMAND_CLIENT).consumerGroupId;
    expect(await replyGroupsOfThisRun()).toContain(groupId);
    await gateway.close();
    expect(await replyGroupsOfThisRun()).not.toContain(groupId);
  });
});
