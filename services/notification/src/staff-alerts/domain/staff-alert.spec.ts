import { ALERT_WORDS, awaitsStaff, deadlineStage, STAFF_ALERT_KINDS } from './staff-alert';

describe('deadlineStage', () => {
  const due = new Date('2026-05-10T12:00:00.000Z');
  const at = (msBefore: number) => new Date(due.getTime() - msBefore);
  const soon = 24 * 3_600_000;

  it('is nothing while more than the warning time is left', () => {
    expect(deadlineStage(due, at(soon + 1), soon)).toBeNull();
  });

  it('is due soon from the warning time on, until the due moment', () => {
    expect(deadlineStage(due, at(soon), soon)).toBe('request_due_soon');
    expect(deadlineStage(due, at(1), soon)).toBe('request_due_soon');
  });

  it('is overdue from the due moment on', () => {
    expect(deadlineStage(due, at(0), soon)).toBe('request_overdue');
    expect(deadlineStage(due, at(-1), soon)).toBe('request_overdue');
  });
});

describe('awaitsStaff', () => {
  it('only submitted and in-review requests wait for staff', () => {
    expect(awaitsStaff('submitted')).toBe(true);
    expect(awaitsStaff('in_review')).toBe(true);
    for (const status of [
      'draft',
      'info_requested',
      'approved',
      'rejected',
      'withdrawn',
      'disclosed',
      'closed',
    ] as const)
      expect(awaitsStaff(status)).toBe(false);
  });
});

describe('ALERT_WORDS', () => {
  it('words every kind, and tells staff what to decide', () => {
    expect(Object.keys(ALERT_WORDS).sort()).toEqual([...STAFF_ALERT_KINDS].sort());
    expect(ALERT_WORDS.notice_no_matching_user).toMatch(/decide \(waive\)/);
    expect(ALERT_WORDS.request_overdue).toBe('This request is past its due date.');
  });
});
