import { AuditTrail, type AuditIntent } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SessionLiveness } from '@lers/auth';
import type { SessionEndReason } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { AccessEnv } from '../access.config';
import { ACCOUNT_MODEL, type AccountDocument } from '../accounts/account.schema';
import { SESSION_MODEL, type SessionDocument } from './session.schema';
import { isIdle, isPastLifetime, rememberRetired, TOUCH_EVERY_MS } from './session-rules';

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export type RotationOutcome =
  | { outcome: 'rotated'; session: SessionDocument; refreshToken: string }
  | { outcome: 'invalid' }
  | { outcome: 'reused' };

/**
 * Sessions and their rotating refresh tokens; the only writer of the `sessions` collection. Opening,
 * refreshing and ending a session are audited in the session's own write (never the token or its hash).
 */
@Injectable()
export class SessionStore implements SessionLiveness {
  constructor(
    private readonly clock: Clock,
    @InjectModel(SESSION_MODEL) private readonly sessions: Model<SessionDocument>,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly outbox: OutboxWriter,
    @Inject(AccessEnv) private readonly config: AccessEnv,
    private readonly audit: AuditTrail,
  ) {}

  /** Revoked, idle for 30 minutes, or past its absolute lifetime. */
  private hasEnded(session: SessionDocument, now: Date): boolean {
    const lifetimeMs = this.config.SESSION_ABSOLUTE_LIFETIME_HOURS * 60 * 60 * 1000;
    return (
      !!session.revokedAt ||
      isIdle(session.lastUsedAt, now) ||
      isPastLifetime(session.createdAt, now, lifetimeMs)
    );
  }

  /** `loggedIn`: the log-on's audit intent, stored with the session it opens. */
  async open(accountId: string, kind: 'officer' | 'staff', now: Date, loggedIn: AuditIntent) {
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const intent = { ...loggedIn, details: { ...loggedIn.details, sessionId: id } };
    const session = await this.sessions.create({
      _id: id,
      accountId,
      kind,
      refreshHash: hashSecret(secret),
      usedRefreshHashes: [],
      createdAt: now,
      lastUsedAt: now,
      revokedAt: null,
      revokedReason: null,
      revision: 1,
      ...this.audit.queue(null, intent),
    });
    const stored = session.toObject();
    this.audit.written(this.sessions as never, stored);
    return { session: stored, refreshToken: `${session._id}.${secret}` };
  }

  /** `kind`: the route's audience; another kind's token is refused untouched (not rotated, not revoked). */
  async rotate(
    refreshToken: string,
    kind: 'officer' | 'staff',
    now = this.clock.now(),
  ): Promise<RotationOutcome> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret) return { outcome: 'invalid' };
    const session = await this.sessions.findById(sessionId).lean();
    if (!session || session.kind !== kind || this.hasEnded(session, now)) return { outcome: 'invalid' };
    const presented = hashSecret(secret);
    if (session.usedRefreshHashes.includes(presented)) {
      await this.revoke(session._id, 'refresh_token_reuse', now);
      return { outcome: 'reused' };
    }
    if (!sameHash(presented, session.refreshHash)) return { outcome: 'invalid' };
    const refreshed = this.audit.intent(
      'session.refresh',
      { type: 'session', id: session._id },
      { actor: { kind: session.kind, id: session.accountId, agencyId: null, roles: [] } },
    );
    const nextSecret = randomBytes(32).toString('base64url');
    // Trimmed here under the revision guard: FerretDB stores `$push` with `$each` + `$slice`
    // without the slice (read back: 30 pushes kept 30), so the bound cannot be left to the server.
    const rotated = await this.sessions
      .findOneAndUpdate(
        { _id: session._id, revision: session.revision, revokedAt: null },
        {
          $set: {
            refreshHash: hashSecret(nextSecret),
            lastUsedAt: now,
            usedRefreshHashes: rememberRetired(session.usedRefreshHashes, session.refreshHash),
            ...this.audit.queue(session, refreshed),
          },
          $inc: { revision: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean();
    // Lost a race with a concurrent refresh of the same token: one of the two is a replay.
    if (!rotated) return this.rotate(refreshToken, kind, now);
    this.audit.written(this.sessions as never, rotated);
    return { outcome: 'rotated', session: rotated, refreshToken: `${session._id}.${nextSecret}` };
  }

  /**
   * Ends a session and announces it (`access.session.ended`, for the gateways' session views) in
   * the same write, with its audit entry (`session.revoke`, the reason, by whoever is acting).
   * Returns false when it had already ended (nothing is written or announced).
   */
  async revoke(sessionId: string, reason: SessionEndReason, now = this.clock.now()): Promise<boolean> {
    for (;;) {
      const session = await this.sessions.findById(sessionId).lean<SessionDocument>();
      if (!session || session.revokedAt) return false;
      const ended = this.outbox.event(
        'access.session.ended',
        session._id,
        { sessionId: session._id, accountId: session.accountId, reason },
        now,
      );
      const revoked = this.audit.intent(
        'session.revoke',
        { type: 'session', id: session._id },
        { details: { reason, accountId: session.accountId } },
      );
      const written = await this.outbox.update(
        this.sessions,
        { _id: session._id, revokedAt: null },
        session.revision,
        { revokedAt: now, revokedReason: reason, ...this.audit.queue(session, revoked) },
        [ended],
      );
      if (written) {
        this.audit.written(this.sessions as never, written);
        return true;
      }
      // A concurrent rotation moved the revision on: read again (or find it ended by someone else).
    }
  }

  /** One write (and one event) per session: an update of many documents cannot carry each one's event. */
  async revokeAllOf(accountId: string, reason: SessionEndReason, now = this.clock.now()): Promise<number> {
    const live = await this.sessions.find({ accountId, revokedAt: null }, { _id: 1 }).lean();
    const revoked = await Promise.all(live.map(({ _id }) => this.revoke(_id, reason, now)));
    return revoked.filter(Boolean).length;
  }

  /**
   * Live = not revoked, used within the idle window, and its account still active: suspension
   * takes effect with the account's own write, even if revoking the sessions never happens (a
   * crash in between). Use is recorded at most once a minute.
   */
  isLive(sessionId: string): Promise<boolean> {
    return this.isLiveAt(sessionId, this.clock.now());
  }

  async isLiveAt(sessionId: string, now: Date): Promise<boolean> {
    const session = await this.sessions.findById(sessionId).lean();
    if (!session || this.hasEnded(session, now)) return false;
    const account = await this.accounts.findById(session.accountId, { status: 1 }).lean();
    if (account?.status !== 'active') return false;
    if (now.getTime() - session.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
      await this.sessions.updateOne({ _id: sessionId }, { $set: { lastUsedAt: now } });
    }
    return true;
  }

  find(sessionId: string) {
    return this.sessions.findById(sessionId).lean();
  }
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
