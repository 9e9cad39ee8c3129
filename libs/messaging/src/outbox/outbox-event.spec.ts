import { runWithCorrelation } from '@lers/observability';
import { EVENT_TOPICS } from '@lers/contracts';
import { newEvent } from './outbox-event';

const payload = {
  applicationId: 'a1',
  agency: { name: 'Police', country: 'GB' },
  officer: { fullName: 'A', email: 'a@police.uk' },
  verificationToken: 't'.repeat(43),
  verificationExpiresAt: '2026-01-01T00:00:00.000Z',
};

describe('newEvent', () => {
  it('routes a catalogued type to its topic and version, keyed by the aggregate', () => {
    const event = newEvent(
      'access',
      'access.application.submitted',
      'a1',
      payload,
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(event).toMatchObject({
      type: 'access.application.submitted',
      version: 1,
      topic: EVENT_TOPICS.accessEvents,
      key: 'a1',
      producer: 'access',
      occurredAt: '2026-01-01T00:00:00.000Z',
      payload,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the correlation id of the work that caused it', () => {
    const event = runWithCorrelation('corr-1', () =>
      newEvent('access', 'access.application.submitted', 'a1', payload),
    );
    expect(event.correlationId).toBe('corr-1');
  });

  it('refuses, at compile time, a payload of the wrong shape', () => {
    // @ts-expect-error: officer is missing
    const wrong = () => newEvent('access', 'access.application.submitted', 'a1', { applicationId: 'a1' });
    expect(typeof wrong).toBe('function');
  });
});
