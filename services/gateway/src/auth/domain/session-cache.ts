/** What the cache can say about a session without asking access: `ask` when it does not know. */
export type CachedAnswer = 'live' | 'ended' | 'ask';

/** Taken when a check with access starts; its answer is remembered only if nothing happened since. */
export interface CheckTicket {
  readonly startedAt: number;
  /** Events that ended sessions, counted up to the start of the check. */
  readonly endings: number;
  /** The event stream's run the check started in; undefined when the stream was down. */
  readonly streamRun: number | undefined;
}

interface LiveEntry {
  accountId: string;
  until: number;
}

/**
 * The gateway's memory of session liveness, fed by access's events (pure: times are passed in).
 *
 * A positive answer from access is kept at most `ttlMs`, never past the token's expiry, and only
 * while the event stream runs: when it stops, everything is forgotten and every call asks access,
 * so a lost event can never keep a revoked session alive. An ended session leaves a tombstone,
 * and a suspended account a marker, for `forgetAfterMs` — long enough that a check already on its
 * way (it may have read the session just before it ended) cannot put it back; a check older
 * than that is not remembered at all.
 */
export class SessionCache {
  private readonly live = new Map<string, LiveEntry>();
  private readonly endedSessions = new Map<string, number>();
  /** Account → the `endings` count when it was suspended, and when. */
  private readonly suspendedAccounts = new Map<string, { ending: number; at: number }>();
  private endings = 0;
  private run = 0;
  private streamRunning = false;
  private lastSweep = 0;

  constructor(
    readonly ttlMs: number,
    readonly forgetAfterMs: number,
  ) {}

  get isBypassed(): boolean {
    return !this.streamRunning;
  }

  get size(): number {
    return this.live.size;
  }

  /** The event stream now delivers every event from here on. */
  streamStarted(): void {
    if (this.streamRunning) return;
    this.streamRunning = true;
    this.run += 1;
  }

  /** Events may be missed from now on: forget every live answer. */
  streamStopped(): void {
    this.streamRunning = false;
    this.live.clear();
  }

  answer(sessionId: string, now: number): CachedAnswer {
    this.sweep(now);
    const endedAt = this.endedSessions.get(sessionId);
    if (endedAt !== undefined && now - endedAt < this.forgetAfterMs) return 'ended';
    if (!this.streamRunning) return 'ask';
    const entry = this.live.get(sessionId);
    if (!entry) return 'ask';
    if (entry.until > now) return 'live';
    this.live.delete(sessionId);
    return 'ask';
  }

  startCheck(now: number): CheckTicket {
    return { startedAt: now, endings: this.endings, streamRun: this.streamRunning ? this.run : undefined };
  }

  /** Keeps access's positive answer, unless something since the check started makes it stale. */
  rememberLive(
    ticket: CheckTicket,
    sessionId: string,
    token: { accountId: string; expiresAt?: number },
    now: number,
  ): boolean {
    const stale =
      this.ttlMs <= 0 ||
      !this.streamRunning ||
      ticket.streamRun !== this.run ||
      now - ticket.startedAt >= this.forgetAfterMs ||
      this.endedSessions.has(sessionId) ||
      (this.suspendedAccounts.get(token.accountId)?.ending ?? 0) > ticket.endings;
    const until = Math.min(ticket.startedAt + this.ttlMs, token.expiresAt ?? Infinity);
    if (stale || until <= now) return false;
    this.live.set(sessionId, { accountId: token.accountId, until });
    return true;
  }

  sessionEnded(sessionId: string, now: number): void {
    this.endings += 1;
    this.live.delete(sessionId);
    this.endedSessions.set(sessionId, now);
  }

  accountSuspended(accountId: string, now: number): void {
    this.endings += 1;
    for (const [sessionId, entry] of this.live)
      if (entry.accountId === accountId) this.live.delete(sessionId);
    this.suspendedAccounts.set(accountId, { ending: this.endings, at: now });
  }

  /** Drops expired entries and old tombstones, at most once per `ttlMs`, so memory stays bounded. */
  private sweep(now: number): void {
    if (now - this.lastSweep < Math.min(this.ttlMs, this.forgetAfterMs)) return;
    this.lastSweep = now;
    for (const [sessionId, entry] of this.live) if (entry.until <= now) this.live.delete(sessionId);
    for (const [sessionId, at] of this.endedSessions)
      if (now - at >= this.forgetAfterMs) this.endedSessions.delete(sessionId);
    for (const [accountId, { at }] of this.suspendedAccounts)
      if (now - at >= this.forgetAfterMs) this.suspendedAccounts.delete(accountId);
  }
}
