import {
  isPastLifetime,
  endedSessionCutoffs,
  isIdle,
  MAX_USED_REFRESH_HASHES,
  rememberRetired,
  SESSION_IDLE_MS,
} from './session-rules';

describe('session idle rule', () => {
  const last = new Date('2026-01-01T10:00:00Z');
  it('is live up to 30 minutes after the last use', () => {
    expect(isIdle(last, new Date(last.getTime() + SESSION_IDLE_MS - 1))).toBe(false);
  });
  it('is over at 30 minutes without use', () => {
    expect(isIdle(last, new Date(last.getTime() + SESSION_IDLE_MS))).toBe(true);
  });
});

describe('remembered refresh-token hashes', () => {
  it('keeps every retired hash up to the maximum', () => {
    expect(rememberRetired(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
  });

  it('forgets the oldest beyond the maximum and always keeps the one just retired', () => {
    const full = Array.from({ length: MAX_USED_REFRESH_HASHES }, (_, i) => `h${i}`);
    const next = rememberRetired(full, 'newest');
    expect(next).toHaveLength(MAX_USED_REFRESH_HASHES);
    expect(next[0]).toBe('h1');
    expect(next.at(-1)).toBe('newest');
  });
});

describe('ended-session cutoffs', () => {
  it('counts an idle session as ended 30 minutes after its last use', () => {
    const cutoff = new Date('2026-02-01T00:00:00Z');
    expect(endedSessionCutoffs(cutoff)).toEqual({
      revokedBefore: cutoff,
      lastUsedBefore: new Date('2026-01-31T23:30:00Z'),
    });
  });
});

describe('absolute session lifetime', () => {
  const login = new Date('2026-03-02T08:00:00Z');
  const twelveHours = 12 * 60 * 60 * 1000;
  it('ends a session exactly its lifetime after login, whatever its use', () => {
    expect(isPastLifetime(login, new Date(login.getTime() + twelveHours - 1), twelveHours)).toBe(false);
    expect(isPastLifetime(login, new Date(login.getTime() + twelveHours), twelveHours)).toBe(true);
  });
});
