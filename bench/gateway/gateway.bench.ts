import { runGatewayBench } from './run';

/**
 * Not a test: `npm run bench:gateway` runs the gateway benchmark through jest (which compiles
 * Nest 12's ES modules). It prints and stores figures and asserts only correctness, never timings.
 */
it('measures authenticated reads and uploads through the gateway against raw reads and puts', async () => {
  const { p1 } = await runGatewayBench();

  for (const run of [p1.requests.gateway, p1.requests.raw, p1.me.gateway, p1.me.raw]) {
    expect(run.non2xx).toBe(0);
    expect(run.errors).toBe(0);
  }
});
