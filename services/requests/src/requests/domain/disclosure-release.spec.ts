import { violationOf } from '@lers/domain';
import {
  addDisclosurePackage,
  closedGate,
  type Disclosable,
  type DisclosurePackage,
  isGateOpen,
  type NoticeOutcome,
  settleNotice,
} from './disclosure-release';
import { draftRequest, type HistoryEntry } from './information-request';
import { REQUEST_STATUSES, type RequestStatus } from './request-lifecycle';

const approvedAt = new Date('2026-03-02T09:00:00Z');
const t1 = new Date('2026-03-03T10:00:00.001Z');
const t2 = new Date('2026-03-04T11:00:00.002Z');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const approval: HistoryEntry = {
  from: 'in_review',
  to: 'approved',
  verb: 'approve',
  actor: { kind: 'staff', id: 'staff-7' },
  at: approvedAt,
};

type Notices = (NoticeOutcome | null)[];

/** An approved two-subject request (unless told otherwise), frozen so a rule that mutates it fails. */
function requestWith(
  fields: { status?: RequestStatus; notices?: Notices | null; disclosures?: DisclosurePackage[] } = {},
): Disclosable & { caseNumber: string } {
  const notices = fields.notices === undefined ? [null, null] : fields.notices;
  return deepFreeze({
    ...draftRequest({ processType: 'court_order', documents: [{ id: 'doc-1', kind: 'court_order' }] }),
    status: fields.status ?? 'approved',
    history: [approval],
    caseNumber: 'LERS-2026-000042',
    releaseGate: notices && { notices },
    disclosures: fields.disclosures ?? [],
  });
}

const held = (id: string, uploadedBy = 'staff-7', uploadedAt = approvedAt): DisclosurePackage => ({
  id,
  uploadedBy,
  uploadedAt,
  releasedAt: null,
});

describe('the release gate', () => {
  it.each([1, 3])('starts closed with one empty slot for each of %s subjects', (subjects) => {
    expect(closedGate(subjects)).toEqual({ notices: Array(subjects).fill(null) });
    expect(isGateOpen(closedGate(subjects))).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a gate for %s subjects',
    (subjects) => {
      const violation = violationOf(() => closedGate(subjects));
      expect(violation.code).toBe('invalid_subject_count');
      expect(violation.field).toBe('subjects');
      expect(violation.message).toBe('A request has at least one subject.');
    },
  );

  it.each([
    ['no gate (the request was never approved)', null, false],
    ['a missing gate', undefined, false],
    ['one notice settled of two', { notices: ['delivered', null] }, false],
    ['one notice settled of two, the other first', { notices: [null, 'waived'] }, false],
    ['every notice settled, whatever the outcome', { notices: ['delivered', 'suppressed', 'waived'] }, true],
  ] as const)('with %s is %s', (_, gate, open) => {
    expect(isGateOpen(gate)).toBe(open);
  });
});

describe('staff add a package of records', () => {
  it.each(REQUEST_STATUSES.filter((status) => status !== 'approved' && status !== 'disclosed'))(
    'refuses a package for a request that is %s',
    (status) => {
      const violation = violationOf(() =>
        addDisclosurePackage(requestWith({ status }), { id: 'pkg-1', uploadedBy: 'staff-7' }, t1),
      );
      expect(violation.code).toBe('invalid_transition');
      expect(violation.field).toBe('status');
      expect(violation.message).toBe(
        `Records can be disclosed only for an approved request, not one that is ${status.replaceAll('_', ' ')}.`,
      );
    },
  );

  it('words the refusal for people', () => {
    expect(
      violationOf(() =>
        addDisclosurePackage(requestWith({ status: 'in_review' }), { id: 'p', uploadedBy: 's' }, t1),
      ).message,
    ).toBe('Records can be disclosed only for an approved request, not one that is in review.');
  });

  it('holds the package while a notice is due, and the request stays approved', () => {
    const before = requestWith({ notices: ['delivered', null] });
    const snapshot = structuredClone(before);
    const after = addDisclosurePackage(before, { id: 'pkg-1', uploadedBy: 'staff-7' }, t1);
    expect(after).toEqual({ ...snapshot, disclosures: [held('pkg-1', 'staff-7', t1)] });
    expect(after.disclosures[0].uploadedAt).not.toBe(t1);
    expect(before).toEqual(snapshot);
  });

  it('holds the package of a request that has no gate', () => {
    const after = addDisclosurePackage(
      requestWith({ notices: null }),
      { id: 'pkg-1', uploadedBy: 'staff-7' },
      t1,
    );
    expect(after.disclosures).toEqual([held('pkg-1', 'staff-7', t1)]);
    expect(after.status).toBe('approved');
  });

  it('offers the first package at once when every notice is settled, and discloses the request', () => {
    const before = requestWith({ notices: ['delivered', 'suppressed'] });
    const snapshot = structuredClone(before);
    const after = addDisclosurePackage(before, { id: 'pkg-1', uploadedBy: 'staff-9' }, t1);
    expect(after).toEqual({
      ...snapshot,
      status: 'disclosed',
      disclosures: [{ id: 'pkg-1', uploadedBy: 'staff-9', uploadedAt: t1, releasedAt: t1 }],
      history: [
        approval,
        {
          from: 'approved',
          to: 'disclosed',
          verb: 'disclose',
          actor: { kind: 'staff', id: 'staff-9' },
          at: t1,
        },
      ],
    });
    expect(after.disclosures[0].releasedAt).not.toBe(t1);
    expect(before).toEqual(snapshot);
  });

  it('offers a later package of a disclosed request at once, without another move', () => {
    const first = { id: 'pkg-1', uploadedBy: 'staff-9', uploadedAt: t1, releasedAt: t1 };
    const before = requestWith({
      status: 'disclosed',
      notices: ['waived', 'delivered'],
      disclosures: [first],
    });
    const after = addDisclosurePackage(before, { id: 'pkg-2', uploadedBy: 'staff-7' }, t2);
    expect(after).toEqual({
      ...structuredClone(before),
      disclosures: [first, { id: 'pkg-2', uploadedBy: 'staff-7', uploadedAt: t2, releasedAt: t2 }],
    });
  });

  it('takes the same package once: a redelivered upload changes nothing', () => {
    const once = addDisclosurePackage(requestWith(), { id: 'pkg-1', uploadedBy: 'staff-7' }, t1);
    const twice = addDisclosurePackage(deepFreeze(once), { id: 'pkg-1', uploadedBy: 'staff-8' }, t2);
    expect(twice).toBe(once);
    expect(twice.disclosures).toEqual([held('pkg-1', 'staff-7', t1)]);
  });
});

describe('notices settle one subject at a time', () => {
  it('refuses a notice for a request that was never approved', () => {
    for (const notices of [null, undefined]) {
      const request = { ...requestWith({ status: 'in_review' }), releaseGate: notices };
      const violation = violationOf(() => settleNotice(request, 0, 'delivered', t1));
      expect(violation.code).toBe('not_approved');
      expect(violation.field).toBe('status');
      expect(violation.message).toBe('The request has not been approved: no notice is due.');
    }
  });

  it.each([-1, 2, 3, 0.5, Number.NaN])('refuses a notice for subject %s of two', (subjectIndex) => {
    const violation = violationOf(() => settleNotice(requestWith(), subjectIndex, 'delivered', t1));
    expect(violation.code).toBe('unknown_subject');
    expect(violation.field).toBe('subjectIndex');
    expect(violation.message).toBe(`The request has no subject ${subjectIndex}.`);
  });

  it('fills the slot of that subject and keeps the packages held while another is due', () => {
    const before = requestWith({ disclosures: [held('pkg-1')] });
    const snapshot = structuredClone(before);
    const after = settleNotice(before, 1, 'suppressed', t1);
    expect(after).toEqual({ ...snapshot, releaseGate: { notices: [null, 'suppressed'] } });
    expect(before).toEqual(snapshot);
  });

  it('keeps the first outcome when a notice is settled again (events are redelivered)', () => {
    const settled = settleNotice(requestWith({ disclosures: [held('pkg-1')] }), 0, 'delivered', t1);
    expect(settleNotice(deepFreeze(settled), 0, 'waived', t2)).toBe(settled);
  });

  it('releases every held package with the last notice, once, and discloses the request', () => {
    const earlier = { id: 'pkg-0', uploadedBy: 'staff-1', uploadedAt: approvedAt, releasedAt: approvedAt };
    const before = requestWith({
      notices: ['delivered', null],
      disclosures: [earlier, held('pkg-1', 'staff-5'), held('pkg-2', 'staff-6')],
    });
    const snapshot = structuredClone(before);
    const after = settleNotice(before, 1, 'waived', t2);
    expect(after).toEqual({
      ...snapshot,
      status: 'disclosed',
      releaseGate: { notices: ['delivered', 'waived'] },
      disclosures: [
        earlier,
        { ...held('pkg-1', 'staff-5'), releasedAt: t2 },
        { ...held('pkg-2', 'staff-6'), releasedAt: t2 },
      ],
      history: [
        approval,
        // The move is recorded in the name of whoever uploaded the first package it releases.
        {
          from: 'approved',
          to: 'disclosed',
          verb: 'disclose',
          actor: { kind: 'staff', id: 'staff-5' },
          at: t2,
        },
      ],
    });
    expect(before).toEqual(snapshot);
    expect(settleNotice(deepFreeze(after), 1, 'delivered', t2)).toBe(after);
  });

  it('opens the gate with nothing to release: the request stays approved until a package comes', () => {
    const opened = settleNotice(requestWith({ notices: [null] }), 0, 'delivered', t1);
    expect(opened.status).toBe('approved');
    expect(opened.releaseGate).toEqual({ notices: ['delivered'] });
    expect(opened.history).toEqual([approval]);
    const released = addDisclosurePackage(deepFreeze(opened), { id: 'pkg-1', uploadedBy: 'staff-7' }, t2);
    expect(released.status).toBe('disclosed');
    expect(released.disclosures).toEqual([{ ...held('pkg-1', 'staff-7', t2), releasedAt: t2 }]);
  });
});
