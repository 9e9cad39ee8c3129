import { MongoClient, type Collection, type Db } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { testInfra } from '@lers/testing';

/**
 * The local MongoDB-wire store must make each single-document write atomic, as MongoDB does:
 * revision guards, leases, counters and the outbox clear all rely on it. FerretDB 1.24 as
 * published reads, applies the update in Go and writes back by _id with no re-check, and fails
 * every case below; deploy/local/patches/ferretdb-1.24-write-lock.patch makes it pass.
 */
describe('the local store makes single-document writes atomic', () => {
  const IN_FLIGHT = 20;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    // One connection per concurrent call, so the server really runs them side by side.
    client = await MongoClient.connect(testInfra.mongoUrl, {
      maxPoolSize: IN_FLIGHT,
      minPoolSize: IN_FLIGHT,
    });
    db = client.db(`lers_atomicity_${randomBytes(4).toString('hex')}`);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  type Doc = { _id: string; revision: number; n?: number; outbox?: string[]; state?: string };
  const collection = (): Collection<Doc> => db.collection<Doc>('documents');

  it('lets exactly one of 8 concurrent guarded updates win, in every round', async () => {
    const rounds = 20;
    const winnersPerRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const _id = `guarded-${round}`;
      await collection().insertOne({ _id, revision: 0 });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, contender) =>
          collection().findOneAndUpdate(
            { _id, revision: 0 },
            { $inc: { revision: 1 }, $set: { state: `won-by-${contender}` } },
            { returnDocument: 'after' },
          ),
        ),
      );
      winnersPerRound.push(results.filter((result) => result !== null).length);
      const stored = await collection().findOne({ _id });
      expect(stored?.revision).toBe(1);
    }
    expect(winnersPerRound).toEqual(Array(rounds).fill(1));
  });

  it('never lets an outbox clear erase a domain write made at the same revision', async () => {
    const rounds = 50;
    let erased = 0;
    for (let round = 0; round < rounds; round++) {
      const _id = `outbox-${round}`;
      await collection().insertOne({ _id, revision: 1, state: 'submitted', outbox: ['e1'] });
      // The relay clears what it published, guarded by the revision it read; the use case moves
      // the aggregate on from the same revision and appends its event.
      const [clear, domain] = await Promise.all([
        collection().updateOne({ _id, revision: 1 }, { $set: { outbox: [] } }),
        collection().findOneAndUpdate(
          { _id, revision: 1 },
          { $set: { state: 'approved' }, $inc: { revision: 1 }, $push: { outbox: 'e2' } },
          { returnDocument: 'after' },
        ),
      ]);
      const stored = await collection().findOne({ _id });
      const domainWon = domain !== null;
      const clearWon = clear.matchedCount === 1;
      // Atomic: whichever ran second saw the other's result. The acknowledged domain write
      // and its event must both still be there.
      if (domainWon && (stored?.state !== 'approved' || !stored.outbox?.includes('e2'))) erased++;
      expect(domainWon || clearWon).toBe(true);
    }
    expect(erased).toBe(0);
  });

  it('counts every one of 500 concurrent $inc on one document', async () => {
    const _id = 'counter';
    await collection().insertOne({ _id, revision: 0, n: 0 });
    const increments = 500;
    let next = 0;
    const worker = async () => {
      while (next < increments) {
        next++;
        await collection().updateOne({ _id }, { $inc: { n: 1 } });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const stored = await collection().findOne({ _id });
    expect(stored?.n).toBe(increments);
  });
});
