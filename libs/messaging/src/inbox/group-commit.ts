interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Coalesces writes: one batch is written at a time, and everything submitted meanwhile goes in
 * the next batch. A lone item is written at once (no timer, no added latency); under load each
 * round trip carries what queued behind the previous one. `write` returns one result per item, in
 * order; an Error in that list rejects that item only, a thrown error rejects the whole batch.
 */
export class GroupCommit<Item, Result> {
  private readonly queue: Waiting<Item, Result>[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: Item[]) => Promise<(Result | Error)[]>,
    private readonly maxBatch = 500,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // Items submitted in the same turn of the event loop share the first batch.
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((waiting) => waiting.item));
        batch.forEach((waiting, index) => {
          const result = results[index];
          if (result instanceof Error) waiting.reject(result);
          else waiting.resolve(result);
        });
      } catch (error) {
        batch.forEach((waiting) => waiting.reject(error));
      }
    }
    this.writing = false;
  }
}
