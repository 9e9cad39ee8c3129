import { createHash } from 'node:crypto';
import { chainEntry, entryHash, verifyChain } from './audit-chain';
import { GENESIS_HASH, type AuditEntry, type AuditIntent } from './audit-entry';

const intent = (n: number, overrides: Partial<AuditIntent> = {}): AuditIntent => ({
  id: `intent-${n}`,
  at: `2026-03-01T10:00:0${n % 10}.000Z`,
  actor: { kind: 'staff', id: 'staff-1', agencyId: null, roles: ['legal'] },
  action: 'request.approve',
  outcome: 'success',
  entity: { type: 'request', id: `req-${n}` },
  ip: '10.0.0.1',
  userAgent: 'curl/8',
  correlationId: `corr-${n}`,
  details: { from: 'in_review', to: 'approved' },
  ...overrides,
});

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= count; n++) entries.push(chainEntry(intent(n), entries.at(-1) ?? null));
  return entries;
}

describe('chainEntry', () => {
  it('opens the chain at seq 1 after the genesis hash', () => {
    const first = chainEntry(intent(1), null);
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
  });

  it('hashes SHA-256 over the previous hash and the canonical JSON of the entry', () => {
    const [first, second] = chainOf(2);
    const canonical =
      '{"action":"request.approve","actor":{"agencyId":null,"id":"staff-1","kind":"staff","roles":["legal"]},' +
      '"at":"2026-03-01T10:00:02.000Z","correlationId":"corr-2","details":{"from":"in_review","to":"approved"},' +
      '"entity":{"id":"req-2","type":"request"},"id":"intent-2","ip":"10.0.0.1","outcome":"success","seq":2,' +
      '"userAgent":"curl/8"}';
    const expected = createHash('sha256').update(first.hash).update(canonical).digest('hex');
    expect(second.prevHash).toBe(first.hash);
    expect(second.seq).toBe(2);
    expect(second.hash).toBe(expected);
  });

  it('stores absent optional values as null or {} so the stored entry hashes the same', () => {
    const bare = {
      ...intent(1),
      ip: undefined,
      userAgent: undefined,
      details: undefined,
    } as unknown as AuditIntent;
    const entry = chainEntry(bare, null);
    expect(entry).toMatchObject({ ip: null, userAgent: null, details: {} });
    expect(entryHash(GENESIS_HASH, entry)).toBe(entry.hash);
  });

  it('makes every field count: any change gives another hash', () => {
    const base = chainEntry(intent(1), null).hash;
    const variants: Partial<AuditIntent>[] = [
      { id: 'other' },
      { at: '2026-03-01T10:00:09.000Z' },
      { actor: { kind: 'officer', id: 'staff-1', agencyId: null, roles: ['legal'] } },
      { actor: { kind: 'staff', id: 'staff-2', agencyId: null, roles: ['legal'] } },
      { actor: { kind: 'staff', id: 'staff-1', agencyId: 'a', roles: ['legal'] } },
      { actor: { kind: 'staff', id: 'staff-1', agencyId: null, roles: ['admin'] } },
      { action: 'request.reject' },
      { outcome: 'denied' },
      { entity: { type: 'request', id: 'req-9' } },
      { entity: { type: 'preservation', id: 'req-1' } },
      { ip: '10.0.0.2' },
      { userAgent: 'other' },
      { correlationId: 'other' },
      { details: { from: 'in_review', to: 'rejected' } },
    ];
    const hashes = variants.map((variant) => chainEntry(intent(1, variant), null).hash);
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts it', () => {
    expect(verifyChain(chainOf(5))).toEqual({ valid: true, entries: 5 });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ valid: true, entries: 0 });
  });

  it('locates an edited entry', () => {
    const entries = chainOf(5);
    entries[2] = { ...entries[2], outcome: 'denied' };
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 3, entries: 2 });
  });

  it('locates an entry whose hash was recomputed after editing (the next one no longer links)', () => {
    const entries = chainOf(5);
    const edited = { ...entries[2], action: 'request.close' };
    entries[2] = { ...edited, hash: entryHash(edited.prevHash, edited) };
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 4, entries: 3 });
  });

  it('locates a deleted entry at the seq that is missing', () => {
    const entries = chainOf(5);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toEqual({ valid: false, brokenAt: 2, entries: 1 });
  });

  it('refuses a first entry that does not start from the genesis hash', () => {
    const entries = chainOf(2)
      .slice(1)
      .map((entry) => ({ ...entry, seq: 1 }));
    expect(verifyChain(entries)).toMatchObject({ valid: false, brokenAt: 1 });
  });

  it('finds a deleted last entry from the head', () => {
    const entries = chainOf(5);
    const head = { seq: 5, hash: entries[4].hash };
    expect(verifyChain(entries.slice(0, 4), head)).toEqual({ valid: false, brokenAt: 5, entries: 4 });
  });

  it('accepts a head that lags behind the chain (a crash between append and head update)', () => {
    const entries = chainOf(5);
    expect(verifyChain(entries, { seq: 3, hash: entries[2].hash })).toEqual({ valid: true, entries: 5 });
  });

  it('finds a chain rewritten with fresh hashes up to the head', () => {
    const entries = chainOf(3);
    const rewritten = [entries[0], chainEntry({ ...intent(2), outcome: 'failed' }, entries[0])];
    rewritten.push(chainEntry(intent(3), rewritten[1]));
    expect(verifyChain(rewritten, { seq: 3, hash: entries[2].hash })).toEqual({
      valid: false,
      brokenAt: 3,
      entries: 2,
    });
  });

  it('stops at the first break', () => {
    const entries = chainOf(5);
    entries[1] = { ...entries[1], action: 'x' };
    entries[3] = { ...entries[3], action: 'y' };
    expect(verifyChain(entries)).toMatchObject({ brokenAt: 2 });
  });
});
