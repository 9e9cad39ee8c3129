import { runMessagingBench } from './run';

/**
 * Not a test: `npm run bench:messaging` runs the messaging benchmark through jest (which compiles
 * Nest 12's ES modules). It prints and stores figures and asserts only correctness, never timings.
 */
it('measures the backbone hop against raw Kafka and raw writes', async () => {
  const { correctness } = await runMessagingBench();

  expect(correctness.a.received).toBe(correctness.a.sent);
  expect(correctness.c.emailRecords).toBe(correctness.c.submitted);
  expect(correctness.c.ledgerDone).toBe(correctness.c.submitted);
  expect(correctness.c.outboxStillPending).toBe(0);
});
