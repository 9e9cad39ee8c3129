import { Controller, Inject, Module } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { ServiceEnv, WithMongo, loadConfig } from '@lers/config';
import { dataServiceInfrastructure, startService } from '@lers/http';
import { EventInbox, KafkaReadiness } from '@lers/messaging';
import { testEnvironment, testRunId, waitFor, type RunningService } from '@lers/testing';

class ProbeEnv extends WithMongo(ServiceEnv) {}

export type ProbeHandler = (raw: unknown, context: KafkaContext, inbox: EventInbox) => Promise<void>;

/**
 * A consumer for tests: the real messaging stack of a data service (LersKafkaServer, EventInbox,
 * ledger, dead letters) with handlers the test writes, in its own consumer group and database.
 * Resolves once it consumes (joined its group and fetching).
 */
export async function bootProbeConsumer(
  name: string,
  topics: string[],
  handle: ProbeHandler,
  overrides: Record<string, string> = {},
): Promise<RunningService<ProbeEnv>> {
  const config = loadConfig(
    ProbeEnv,
    testEnvironment('notification', {
      KAFKA_GROUP_ID: `lers-probe-${name}-${testRunId}`,
      MONGO_DB: `lers_probe_${name}_${testRunId}`,
      ...overrides,
    }),
  );

  @Controller()
  class ProbeController {
    constructor(@Inject(EventInbox) private readonly inbox: EventInbox) {}

    @EventPattern(topics)
    async on(@Payload() raw: unknown, @Ctx() context: KafkaContext): Promise<void> {
      await handle(raw, context, this.inbox);
    }
  }

  @Module({
    imports: dataServiceInfrastructure({ service: 'notification', schema: ProbeEnv, config }),
    controllers: [ProbeController],
  })
  class ProbeModule {}

  const app = await startService({ module: ProbeModule }, { host: '127.0.0.1', port: 0, consumeKafka: true });
  const readiness = app.get(KafkaReadiness);
  await waitFor('the probe consumer to consume', () => readiness.check().then(() => true), {
    timeoutMs: 30_000,
  });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}
