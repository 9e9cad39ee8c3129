/** Latency percentiles (nearest rank) and closed-loop throughput, in milliseconds and events/s. */
export interface LatencySummary {
  samples: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export interface BenchSettings {
  /** Samples run and discarded before measuring latency. */
  warmup: number;
  /** Latency samples, one operation in flight at a time… */
  samples: number;
  /**
   * …each started this long after the previous one ended, so that it meets an idle pipeline (a
   * consumer waiting in its fetch), as a lone event does. Back to back, kafkajs alone is slower.
   */
  pauseMs: number;
  /** Operations in the throughput run… */
  throughputEvents: number;
  /** …with this many in flight at once (closed loop). */
  inFlight: number;
  /** Driver pool of the raw-write connection (b): below FerretDB's 50 PostgreSQL connections. */
  mongoPoolSize: number;
}

export interface ThroughputSummary {
  events: number;
  inFlight: number;
  seconds: number;
  perSecond: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    samples: values.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/**
 * Runs `one` `warmup` times (discarded), then `samples` times, one at a time, `pauseMs` apart;
 * `one` returns its latency in ms.
 */
export async function measureLatency(
  warmup: number,
  samples: number,
  one: () => Promise<number>,
  pauseMs = 0,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const latency = await one();
    if (i >= warmup) out.push(latency);
  }
  return out;
}

/** Closed loop: `inFlight` workers each start the next of `events` operations as soon as theirs ends. */
export async function measureThroughput(
  events: number,
  inFlight: number,
  one: (index: number) => Promise<void>,
): Promise<ThroughputSummary> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(inFlight, events) }, async () => {
      while (next < events) await one(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { events, inFlight, seconds: round(seconds, 2), perSecond: round(events / seconds, 1) };
}

/**
 * Arrival times by key, recorded by whoever observes the event (a consumer, a hook), and awaited
 * by the sample that sent it — whichever comes first.
 */
export class Arrivals {
  private readonly times = new Map<string, number>();
  private readonly waiters = new Map<string, (at: number) => void>();
  duplicates = 0;

  arrive(key: string, at = performance.now()): void {
    if (this.times.has(key)) {
      this.duplicates += 1;
      return;
    }
    this.times.set(key, at);
    this.waiters.get(key)?.(at);
    this.waiters.delete(key);
  }

  get size(): number {
    return this.times.size;
  }

  at(key: string): number | undefined {
    return this.times.get(key);
  }

  wait(key: string, timeoutMs = 30_000): Promise<number> {
    const known = this.times.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        reject(new Error(`no arrival for ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

/** Fails a benchmark that stalls instead of letting it hang. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took over ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
