import { SessionCache } from './session-cache';

const TTL = 60_000;
const FORGET_AFTER = 90_000;
const token = { accountId: 'officer-1' };

function runningCache(): SessionCache {
  const cache = new SessionCache(TTL, FORGET_AFTER);
  cache.streamStarted();
  return cache;
}

/** A check that started at `startedAt` and came back live at `answeredAt`. */
function checkedLive(cache: SessionCache, sessionId: string, startedAt: number, answeredAt = startedAt) {
  return cache.rememberLive(cache.startCheck(startedAt), sessionId, token, answeredAt);
}

describe('session cache: time to live', () => {
  it('answers from memory until the TTL, counted from when the check started, then asks again', () => {
    const cache = runningCache();
    expect(cache.answer('s1', 1000)).toBe('ask');
    expect(checkedLive(cache, 's1', 1000, 1200)).toBe(true);
    expect(cache.answer('s1', 1000 + TTL - 1)).toBe('live');
    expect(cache.answer('s1', 1000 + TTL)).toBe('ask');
  });

  it('never keeps a session past its token expiry', () => {
    const cache = runningCache();
    cache.rememberLive(cache.startCheck(0), 's1', { ...token, expiresAt: 5000 }, 0);
    expect(cache.answer('s1', 4999)).toBe('live');
    expect(cache.answer('s1', 5000)).toBe('ask');
  });

  it('remembers nothing with a TTL of 0', () => {
    const cache = new SessionCache(0, FORGET_AFTER);
    cache.streamStarted();
    expect(checkedLive(cache, 's1', 0)).toBe(false);
    expect(cache.answer('s1', 0)).toBe('ask');
  });

  it('drops expired entries, so memory is bounded by the sessions used within one TTL', () => {
    const cache = runningCache();
    for (let i = 0; i < 100; i++) checkedLive(cache, `s${i}`, 0);
    expect(cache.size).toBe(100);
    cache.answer('other', TTL);
    expect(cache.size).toBe(0);
  });
});

describe('session cache: ended sessions and suspended accounts', () => {
  it('refuses an ended session from memory and drops its entry', () => {
    const cache = runningCache();
    checkedLive(cache, 's1', 0);
    cache.sessionEnded('s1', 10);
    expect(cache.answer('s1', 11)).toBe('ended');
  });

  it('does not let a check that was in flight when the session ended put it back (tombstone)', () => {
    const cache = runningCache();
    const ticket = cache.startCheck(0);
    cache.sessionEnded('s1', 5);
    expect(cache.rememberLive(ticket, 's1', token, 10)).toBe(false);
    expect(cache.answer('s1', 11)).toBe('ended');
  });

  it('forgets a tombstone after forgetAfterMs (access answers from then on)', () => {
    const cache = runningCache();
    cache.sessionEnded('s1', 0);
    expect(cache.answer('s1', FORGET_AFTER - 1)).toBe('ended');
    expect(cache.answer('s1', FORGET_AFTER)).toBe('ask');
  });

  it('drops every session of a suspended account and refuses checks that started before it', () => {
    const cache = runningCache();
    checkedLive(cache, 's1', 0);
    checkedLive(cache, 's2', 0);
    cache.rememberLive(cache.startCheck(0), 'other-officer', { accountId: 'officer-2' }, 0);
    const inFlight = cache.startCheck(1);
    cache.accountSuspended('officer-1', 2);
    expect(cache.answer('s1', 3)).toBe('ask');
    expect(cache.answer('s2', 3)).toBe('ask');
    expect(cache.answer('other-officer', 3)).toBe('live');
    expect(cache.rememberLive(inFlight, 's3', token, 4)).toBe(false);
  });

  it("remembers a session of that account checked after the suspension (access's answer already saw it)", () => {
    const cache = runningCache();
    cache.accountSuspended('officer-1', 0);
    expect(checkedLive(cache, 's-after-reactivation', 1)).toBe(true);
  });

  it('does not remember an answer to a check older than forgetAfterMs (its tombstone may be gone)', () => {
    const cache = runningCache();
    const ticket = cache.startCheck(0);
    expect(cache.rememberLive(ticket, 's1', token, FORGET_AFTER)).toBe(false);
  });
});

describe('session cache: bypass while the event stream is not running', () => {
  it('starts bypassed: asks access and remembers nothing until the stream runs', () => {
    const cache = new SessionCache(TTL, FORGET_AFTER);
    expect(cache.isBypassed).toBe(true);
    expect(checkedLive(cache, 's1', 0)).toBe(false);
    expect(cache.answer('s1', 1)).toBe('ask');
  });

  it('forgets every live answer when the stream stops, and asks until it runs again', () => {
    const cache = runningCache();
    checkedLive(cache, 's1', 0);
    cache.streamStopped();
    expect(cache.isBypassed).toBe(true);
    expect(cache.answer('s1', 1)).toBe('ask');
    expect(checkedLive(cache, 's1', 2)).toBe(false);
    cache.streamStarted();
    expect(cache.answer('s1', 3)).toBe('ask');
  });

  it('does not remember a check that started before a stop, even if the stream runs again by its answer', () => {
    const cache = runningCache();
    const ticket = cache.startCheck(0);
    cache.streamStopped();
    cache.streamStarted();
    expect(cache.rememberLive(ticket, 's1', token, 1)).toBe(false);
  });

  it('still refuses a tombstoned session while bypassed (an ended session never comes back)', () => {
    const cache = runningCache();
    cache.sessionEnded('s1', 0);
    cache.streamStopped();
    expect(cache.answer('s1', 1)).toBe('ended');
  });
});
