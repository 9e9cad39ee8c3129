import { leaseVerdict, type LeaseState } from './event-lease';

const now = new Date('2026-11-29T10:00:00Z');
const in1s = new Date(now.getTime() + 1000);
const entry = (state: Partial<LeaseState>): LeaseState => ({
  status: 'processing',
  owner: 'consumer-b',
  leaseUntil: in1s,
  ...state,
});

describe('leaseVerdict', () => {
  it('lets a consumer claim an event nobody has seen', () => {
    expect(leaseVerdict(null, 'consumer-a', now)).toEqual({ kind: 'claimable' });
  });

  it('refuses while another consumer holds a live lease, saying for how long', () => {
    expect(leaseVerdict(entry({}), 'consumer-a', now)).toEqual({
      kind: 'held',
      by: 'consumer-b',
      remainingMs: 1000,
    });
  });

  it('lets a consumer take over a lease that ran out (its holder died midway)', () => {
    expect(leaseVerdict(entry({ leaseUntil: now }), 'consumer-a', now)).toEqual({ kind: 'claimable' });
    expect(leaseVerdict(entry({ leaseUntil: new Date(0) }), 'consumer-a', now)).toEqual({
      kind: 'claimable',
    });
  });

  it('lets the holder take its own lease again (its earlier try failed)', () => {
    expect(leaseVerdict(entry({}), 'consumer-b', now)).toEqual({ kind: 'claimable' });
  });

  it('lets anyone claim an entry without a lease (a failure record, or an entry from before leases)', () => {
    expect(leaseVerdict(entry({ owner: null, leaseUntil: null }), 'consumer-a', now)).toEqual({
      kind: 'claimable',
    });
    expect(leaseVerdict(entry({ leaseUntil: null }), 'consumer-a', now)).toEqual({ kind: 'claimable' });
  });

  it('never lets anyone apply a done event again, the former holder included', () => {
    expect(leaseVerdict(entry({ status: 'done' }), 'consumer-a', now)).toEqual({ kind: 'done' });
    expect(leaseVerdict(entry({ status: 'done' }), 'consumer-b', now)).toEqual({ kind: 'done' });
    expect(leaseVerdict(entry({ status: 'done', leaseUntil: null }), 'consumer-a', now)).toEqual({
      kind: 'done',
    });
  });
});
