import { GroupCommit } from './group-commit';

/** A write whose round trips the test completes by hand. */
function manualWrite() {
  const calls: { items: number[]; finish(results?: (number | Error)[]): void; fail(error: Error): void }[] =
    [];
  const write = (items: number[]) =>
    new Promise<(number | Error)[]>((resolve, reject) => {
      calls.push({
        items,
        finish: (results) => resolve(results ?? items.map((item) => item * 10)),
        fail: reject,
      });
    });
  return { calls, write };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes a lone item at once, alone', async () => {
    const { calls, write } = manualWrite();
    const commit = new GroupCommit(write);
    const result = commit.submit(1);
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1]]);
    calls[0].finish();
    await expect(result).resolves.toBe(10);
  });

  it('puts everything submitted during a write into the next one, in order', async () => {
    const { calls, write } = manualWrite();
    const commit = new GroupCommit(write);
    const first = commit.submit(1);
    await settle();
    const queued = [2, 3, 4].map((item) => commit.submit(item));
    await settle();
    expect(calls).toHaveLength(1);
    calls[0].finish();
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].finish();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(queued)).resolves.toEqual([20, 30, 40]);
  });

  it('shares the first write among items submitted in the same turn', async () => {
    const { calls, write } = manualWrite();
    const commit = new GroupCommit(write);
    const results = [1, 2].map((item) => commit.submit(item));
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1, 2]]);
    calls[0].finish();
    await expect(Promise.all(results)).resolves.toEqual([10, 20]);
  });

  it('rejects only the item whose result is an error', async () => {
    const { calls, write } = manualWrite();
    const commit = new GroupCommit(write);
    const results = [1, 2].map((item) => commit.submit(item));
    await settle();
    calls[0].finish([10, new Error('refused')]);
    await expect(results[0]).resolves.toBe(10);
    await expect(results[1]).rejects.toThrow('refused');
  });

  it('rejects the whole batch when the write fails, and keeps writing later batches', async () => {
    const { calls, write } = manualWrite();
    const commit = new GroupCommit(write);
    const failed = [1, 2].map((item) => commit.submit(item));
    await settle();
    const later = commit.submit(3);
    calls[0].fail(new Error('connection closed'));
    await expect(Promise.all(failed)).rejects.toThrow('connection closed');
    await settle();
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3]]);
    calls[1].finish();
    await expect(later).resolves.toBe(30);
  });

  it('caps the size of one batch', async () => {
    const { calls, write } = manualWrite();
    const commit = new GroupCommit(write, 2);
    const results = [1, 2, 3].map((item) => commit.submit(item));
    await settle();
    calls[0].finish();
    await settle();
    calls[1].finish();
    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30]);
    expect(calls.map((call) => call.items)).toEqual([[1, 2], [3]]);
  });
});
