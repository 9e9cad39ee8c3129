import { PollingWorker } from './polling-worker';

describe('PollingWorker', () => {
  it('coalesces nudges during a pass into exactly one more pass', async () => {
    let passes = 0;
    let release!: () => void;
    let secondPassDone!: () => void;
    const secondPass = new Promise<void>((resolve) => (secondPassDone = resolve));
    const worker = new PollingWorker(async () => {
      passes += 1;
      if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
      if (passes === 2) secondPassDone();
    }, 60_000);
    worker.nudge();
    worker.nudge();
    worker.nudge();
    release();
    await secondPass;
    await worker.stop();
    expect(passes).toBe(2);
  });

  it('does nothing once stopped', async () => {
    let passes = 0;
    const worker = new PollingWorker(async () => void (passes += 1), 60_000);
    await worker.stop();
    worker.nudge();
    expect(passes).toBe(0);
  });
});
