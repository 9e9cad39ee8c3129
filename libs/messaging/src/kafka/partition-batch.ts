/** What the batch runner needs of a Kafka message. */
export interface OffsetMessage {
  offset: string;
  key: Buffer | string | null;
}

/**
 * A partition's batch split by message key, each chain in offset order. Kafka orders a partition;
 * what we promise is the order of one aggregate's events, and an aggregate's events share a key:
 * chains may run side by side, a chain's messages one after another.
 */
export function chainsByKey<M extends OffsetMessage>(messages: M[]): M[][] {
  const chains = new Map<string, M[]>();
  for (const message of messages) {
    const key = message.key === null ? '\u0000no key' : message.key.toString();
    const chain = chains.get(key);
    if (chain) chain.push(message);
    else chains.set(key, [message]);
  }
  return [...chains.values()];
}

/**
 * The offset to resolve after a batch: the last message before the first one that was not
 * applied (failed, or not tried because an earlier message of its chain failed). Messages after
 * that point that were applied come again and are recognised as duplicates; nothing is skipped.
 */
export function lastResolvableOffset(
  messages: OffsetMessage[],
  applied: ReadonlySet<string>,
): string | undefined {
  let last: string | undefined;
  for (const message of messages) {
    if (!applied.has(message.offset)) break;
    last = message.offset;
  }
  return last;
}

/** Runs `work` over the chains, at most `limit` chains at a time; a chain stops at its first false. */
export async function runChains<M>(
  chains: M[][],
  limit: number,
  work: (message: M) => Promise<boolean>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < chains.length) {
      const chain = chains[next++];
      for (const message of chain) {
        if (!(await work(message))) break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, chains.length) }, worker));
}
