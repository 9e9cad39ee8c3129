import { isIdle, SESSION_IDLE_MS } from './session-rules';

describe('session idle rule', () => {
  const last = new Date('2026-01-01T10:00:00Z');
  it('is live up to 30 minutes after the last use', () => {
    expect(isIdle(last, new Date(last.getTime() + SESSION_IDLE_MS - 1))).toBe(false);
  });
  it('is over at 30 minutes without use', () => {
    expect(isIdle(last, new Date(last.getTime() + SESSION_IDLE_MS))).toBe(true);
  });
});
