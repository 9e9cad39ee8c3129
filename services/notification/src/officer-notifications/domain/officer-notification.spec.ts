import { REQUEST_STATUSES } from '@lers/contracts';
import { officerNotificationFor, preservationReminderFor } from './officer-notification';

const caseNumber = 'LERS-2026-000123';

describe('officerNotificationFor', () => {
  it.each([
    ['submitted', 'in_review', 'status_changed', 'under review'],
    ['in_review', 'info_requested', 'info_requested', 'information requested'],
    ['in_review', 'approved', 'status_changed', 'approved'],
    ['in_review', 'rejected', 'status_changed', 'rejected'],
    ['approved', 'disclosed', 'status_changed', 'records released'],
    ['disclosed', 'closed', 'status_changed', 'closed'],
  ] as const)('%s → %s is a %s notification: "%s"', (from, to, kind, words) => {
    expect(officerNotificationFor({ from, to, caseNumber })).toEqual({
      kind,
      message: `Request ${caseNumber}: ${words}`,
    });
  });

  it('stays silent about the officer’s own moves', () => {
    expect(officerNotificationFor({ from: null, to: 'draft', caseNumber: null })).toBeNull();
    expect(officerNotificationFor({ from: 'draft', to: 'submitted', caseNumber })).toBeNull();
    expect(officerNotificationFor({ from: 'in_review', to: 'withdrawn', caseNumber })).toBeNull();
    expect(officerNotificationFor({ from: 'info_requested', to: 'in_review', caseNumber })).toBeNull();
  });

  it('words a request without a case number', () => {
    expect(officerNotificationFor({ from: 'rejected', to: 'closed', caseNumber: null })?.message).toBe(
      'Request (no case number): closed',
    );
  });

  it('has an answer for every status', () => {
    const told = REQUEST_STATUSES.filter((to) =>
      officerNotificationFor({ from: 'submitted', to, caseNumber }),
    );
    expect(told).toEqual(['in_review', 'info_requested', 'approved', 'rejected', 'disclosed', 'closed']);
  });
});

describe('preservationReminderFor', () => {
  it.each([
    [14, 'Preservation order ends in 14 days (2027-02-27); extend it if the records are still needed'],
    [1, 'Preservation order ends in 1 day (2027-02-27); extend it if the records are still needed'],
    [0, 'Preservation order ends in 0 days (2027-02-27); extend it if the records are still needed'],
  ])('words %i days left', (daysLeft, message) => {
    expect(preservationReminderFor({ daysLeft, preservedUntil: '2027-02-27T23:59:59.999Z' })).toBe(message);
  });
});
