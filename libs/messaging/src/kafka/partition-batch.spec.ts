import { chainsByKey, lastResolvableOffset, runChains } from './partition-batch';

const message = (offset: number, key: string | null) => ({ offset: String(offset), key });

describe('chainsByKey', () => {
  it('keeps each key’s messages together and in offset order', () => {
    const chains = chainsByKey([message(1, 'a'), message(2, 'b'), message(3, 'a'), message(4, null)]);
    expect(chains.map((chain) => chain.map((m) => m.offset))).toEqual([['1', '3'], ['2'], ['4']]);
  });

  it('puts messages without a key in one chain (their order is all Kafka gives them)', () => {
    const chains = chainsByKey([message(1, null), message(2, 'a'), message(3, null)]);
    expect(chains.map((chain) => chain.map((m) => m.offset))).toEqual([['1', '3'], ['2']]);
  });

  it('treats a Buffer key like the same string', () => {
    const chains = chainsByKey([
      { offset: '1', key: Buffer.from('a') },
      { offset: '2', key: 'a' },
    ]);
    expect(chains).toHaveLength(1);
  });
});

describe('lastResolvableOffset', () => {
  const batch = [message(10, 'a'), message(11, 'b'), message(12, 'a'), message(13, 'c')];

  it('is the last message when all were applied', () => {
    expect(lastResolvableOffset(batch, new Set(['10', '11', '12', '13']))).toBe('13');
  });

  it('stops before the first message not applied, even if later ones were', () => {
    expect(lastResolvableOffset(batch, new Set(['10', '12', '13']))).toBe('10');
  });

  it('is nothing when the first message was not applied', () => {
    expect(lastResolvableOffset(batch, new Set(['11', '12', '13']))).toBeUndefined();
  });
});

describe('runChains', () => {
  it('runs a chain in order and stops it at its first failure, other chains going on', async () => {
    const seen: string[] = [];
    await runChains(
      [
        ['a1', 'a2', 'a3'],
        ['b1', 'b2'],
      ],
      2,
      async (item) => {
        seen.push(item);
        return item !== 'a2';
      },
    );
    expect(seen.filter((item) => item.startsWith('a'))).toEqual(['a1', 'a2']);
    expect(seen.filter((item) => item.startsWith('b'))).toEqual(['b1', 'b2']);
  });

  it('runs at most `limit` chains at once', async () => {
    let running = 0;
    let most = 0;
    const chains = Array.from({ length: 10 }, (_, i) => [`k${i}`]);
    await runChains(chains, 3, async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return true;
    });
    expect(most).toBe(3);
  });
});
