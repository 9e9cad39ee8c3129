import { violationOf } from '@lers/domain';
import {
  type Actor,
  answer,
  approve,
  close,
  disclose,
  draftRequest,
  type InformationRequest,
  MAX_REJECTION_REASON_LENGTH,
  reject,
  requestInfo,
  startReview,
  submit,
  withdraw,
} from './information-request';
import { REQUEST_STATUSES, REQUEST_VERBS, type RequestStatus, type RequestVerb } from './request-lifecycle';

const officer: Actor = { kind: 'officer', id: 'officer-1' };
const staff: Actor = { kind: 'staff', id: 'staff-7' };
// Monday 2 March 2026, 10:00 in Berlin: ten German business days later is Monday 16 March, 10:00.
const at = new Date('2026-03-02T09:00:00.123Z');
const earlier = new Date('2026-03-01T08:00:00Z');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A court-order request standing in `status`, with one earlier move in its history. */
function requestIn(status: RequestStatus): InformationRequest {
  return deepFreeze({
    ...draftRequest({ processType: 'court_order', documents: [{ id: 'doc-1', kind: 'court_order' }] }),
    status,
    history: [{ from: 'draft', to: status, verb: 'submit', actor: officer, at: earlier }],
  });
}

const ACTOR_OF: Record<RequestVerb, Actor> = {
  submit: officer,
  start_review: staff,
  request_info: staff,
  answer: officer,
  approve: staff,
  reject: staff,
  disclose: staff,
  close: staff,
  withdraw: officer,
};

function perform(verb: RequestVerb, request: InformationRequest, actor = ACTOR_OF[verb]): InformationRequest {
  switch (verb) {
    case 'submit':
      return submit(request, actor, at, 'DE');
    case 'start_review':
      return startReview(request, actor, at);
    case 'request_info':
      return requestInfo(request, actor, at);
    case 'answer':
      return answer(request, actor, at);
    case 'approve':
      return approve(request, actor, at, true);
    case 'reject':
      return reject(request, actor, at, 'No court order attached for this account.');
    case 'disclose':
      return disclose(request, actor, at);
    case 'close':
      return close(request, actor, at);
    case 'withdraw':
      return withdraw(request, actor, at);
  }
}

/** What each verb records besides the status and the history entry. */
const CHANGES_OF: Record<RequestVerb, Partial<InformationRequest>> = {
  submit: {
    submittedAt: at,
    dueBy: new Date('2026-03-16T09:00:00.123Z'),
    supervisorConfirmation: 'not_requested',
  },
  start_review: { assignedTo: 'staff-7' },
  request_info: {},
  answer: {},
  approve: { nonDisclosureUpheld: true },
  reject: { rejectionReason: 'No court order attached for this account.' },
  disclose: {},
  close: {},
  withdraw: {},
};

describe('request state machine, every status × every verb', () => {
  // Written out by hand, not derived from the transition table; every pair not listed is illegal.
  const legal: ReadonlyArray<readonly [RequestStatus, RequestVerb, RequestStatus]> = [
    ['draft', 'submit', 'submitted'],
    ['draft', 'withdraw', 'withdrawn'],
    ['submitted', 'start_review', 'in_review'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['in_review', 'request_info', 'info_requested'],
    ['in_review', 'approve', 'approved'],
    ['in_review', 'reject', 'rejected'],
    ['in_review', 'withdraw', 'withdrawn'],
    ['info_requested', 'answer', 'in_review'],
    ['info_requested', 'withdraw', 'withdrawn'],
    ['approved', 'disclose', 'disclosed'],
    ['rejected', 'close', 'closed'],
    ['disclosed', 'close', 'closed'],
  ];
  const expected = (status: RequestStatus, verb: RequestVerb): RequestStatus | null =>
    legal.find(([from, by]) => from === status && by === verb)?.[2] ?? null;
  const pairs = REQUEST_STATUSES.flatMap((status) =>
    REQUEST_VERBS.map((verb) => [status, verb, expected(status, verb)] as const),
  );

  it('covers all 81 pairs, 13 of them legal', () => {
    expect(pairs).toHaveLength(81);
    expect(pairs.filter(([, , next]) => next !== null)).toHaveLength(13);
  });

  it.each(pairs)('%s + %s → %s', (status, verb, next) => {
    const before = requestIn(status);
    const snapshot = structuredClone(before);
    if (next) {
      const after = perform(verb, before);
      expect(after).toEqual({
        ...snapshot,
        ...CHANGES_OF[verb],
        status: next,
        history: [...snapshot.history, { from: status, to: next, verb, actor: ACTOR_OF[verb], at }],
      });
      // Copies: the caller's Date may change later.
      expect(after.history[1].at).not.toBe(at);
      if (after.submittedAt) expect(after.submittedAt).not.toBe(at);
    } else {
      const violation = violationOf(() => perform(verb, before));
      expect(violation.code).toBe('invalid_transition');
      expect(violation.field).toBe('status');
      expect(violation.message).toMatch(/^Cannot \S.* a request that is /);
      expect(violation.message).toContain(`a request that is ${status.replaceAll('_', ' ')}.`);
    }
    expect(before).toEqual(snapshot);
  });

  it.each([
    ['draft', 'start_review', 'Cannot start reviewing a request that is draft.'],
    ['closed', 'request_info', 'Cannot ask for more information on a request that is closed.'],
    ['in_review', 'disclose', 'Cannot disclose the data of a request that is in review.'],
    ['info_requested', 'submit', 'Cannot submit a request that is info requested.'],
    ['withdrawn', 'answer', 'Cannot answer a request that is withdrawn.'],
    ['approved', 'approve', 'Cannot approve a request that is approved.'],
    ['rejected', 'reject', 'Cannot reject a request that is rejected.'],
    ['submitted', 'close', 'Cannot close a request that is submitted.'],
    ['disclosed', 'withdraw', 'Cannot withdraw a request that is disclosed.'],
  ] as const)('words the refusal of %s + %s for people', (status, verb, message) => {
    expect(violationOf(() => perform(verb, requestIn(status))).message).toBe(message);
  });

  it('is illegal before it is forbidden: a wrong actor on an illegal move still gets invalid_transition', () => {
    expect(violationOf(() => perform('approve', requestIn('closed'), officer)).code).toBe(
      'invalid_transition',
    );
    expect(violationOf(() => perform('reject', requestIn('draft'), officer)).code).toBe('invalid_transition');
  });
});

describe('who may move a request', () => {
  const legalFrom: Record<RequestVerb, RequestStatus> = {
    submit: 'draft',
    start_review: 'submitted',
    request_info: 'in_review',
    answer: 'info_requested',
    approve: 'in_review',
    reject: 'in_review',
    disclose: 'approved',
    close: 'disclosed',
    withdraw: 'submitted',
  };

  it.each(REQUEST_VERBS)('refuses %s by the other kind of actor and changes nothing', (verb) => {
    const wrong: Actor = ACTOR_OF[verb].kind === 'officer' ? { kind: 'staff', id: 'staff-7' } : officer;
    const before = requestIn(legalFrom[verb]);
    const snapshot = structuredClone(before);
    const violation = violationOf(() => perform(verb, before, wrong));
    expect(violation.code).toBe('actor_not_allowed');
    expect(violation.field).toBe('actor');
    expect(violation.message).toContain(`can ${verb.replaceAll('_', ' ')} a request.`);
    expect(violation.message).toContain(
      ACTOR_OF[verb].kind === 'officer' ? 'requesting officer' : 'legal staff',
    );
    expect(before).toEqual(snapshot);
  });

  it.each(REQUEST_VERBS)('refuses %s without the id of whoever makes it', (verb) => {
    const violation = violationOf(() =>
      perform(verb, requestIn(legalFrom[verb]), { kind: ACTOR_OF[verb].kind, id: '  ' }),
    );
    expect(violation.code).toBe('actor_required');
    expect(violation.field).toBe('actor');
    expect(violation.message).toMatch(/person making it/);
  });

  it('records the actor id without surrounding blanks', () => {
    const after = startReview(requestIn('submitted'), { kind: 'staff', id: ' staff-9 ' }, at);
    expect(after.assignedTo).toBe('staff-9');
    expect(after.history[1].actor).toEqual({ kind: 'staff', id: 'staff-9' });
  });

  it('checks the actor before the decision: an officer cannot reject even with a blank reason', () => {
    expect(violationOf(() => reject(requestIn('in_review'), officer, at, ' ')).code).toBe(
      'actor_not_allowed',
    );
    expect(violationOf(() => approve(requestIn('in_review'), officer, at, false)).code).toBe(
      'actor_not_allowed',
    );
  });

  it('checks the state before the decision and the submission rules', () => {
    expect(violationOf(() => reject(requestIn('closed'), staff, at, ' ')).code).toBe('invalid_transition');
    const undecided = undefined as unknown as boolean;
    expect(violationOf(() => approve(requestIn('closed'), staff, at, undecided)).code).toBe(
      'invalid_transition',
    );
    const bareSubmitted = deepFreeze({
      ...draftRequest({ processType: 'court_order' }),
      status: 'submitted' as const,
    });
    expect(violationOf(() => submit(bareSubmitted, officer, at, 'DE')).code).toBe('invalid_transition');
  });

  it('checks the actor before the submission rules', () => {
    const bare = deepFreeze(draftRequest({ processType: 'court_order' }));
    expect(violationOf(() => submit(bare, staff, at, 'DE')).code).toBe('actor_not_allowed');
  });
});

describe('decisions', () => {
  it('records that the non-disclosure order is not upheld', () => {
    expect(approve(requestIn('in_review'), staff, at, false).nonDisclosureUpheld).toBe(false);
  });

  it('needs an explicit yes or no on non-disclosure', () => {
    const violation = violationOf(() =>
      approve(requestIn('in_review'), staff, at, undefined as unknown as boolean),
    );
    expect(violation.code).toBe('non_disclosure_decision_required');
    expect(violation.field).toBe('nonDisclosureUpheld');
    expect(violation.message).toMatch(/non-disclosure/);
  });

  it('keeps the rejection reason trimmed', () => {
    expect(reject(requestIn('in_review'), staff, at, '  Out of scope.\n').rejectionReason).toBe(
      'Out of scope.',
    );
  });

  it.each(['', '   \n\t'])('refuses a rejection without a reason (%j)', (reason) => {
    const violation = violationOf(() => reject(requestIn('in_review'), staff, at, reason));
    expect(violation.code).toBe('rejection_reason_required');
    expect(violation.field).toBe('reason');
    expect(violation.message).toMatch(/needs a reason/);
  });

  it('allows a reason of exactly the limit, counting code points, and refuses one more', () => {
    const atLimit = '🔒'.repeat(MAX_REJECTION_REASON_LENGTH);
    expect(MAX_REJECTION_REASON_LENGTH).toBe(2000);
    expect(reject(requestIn('in_review'), staff, at, atLimit).rejectionReason).toBe(atLimit);
    const violation = violationOf(() => reject(requestIn('in_review'), staff, at, `${atLimit}x`));
    expect(violation.code).toBe('rejection_reason_too_long');
    expect(violation.field).toBe('reason');
    expect(violation.message).toContain('2000');
  });
});

describe('a whole life', () => {
  it('keeps every move in order: submit, review, question, answer, approve, disclose, close', () => {
    let request = draftRequest({ processType: 'subpoena', documents: [{ id: 'd', kind: 'subpoena' }] });
    request = submit(request, officer, at, 'DE');
    request = startReview(request, staff, at);
    request = requestInfo(request, staff, at);
    request = answer(request, officer, at);
    request = approve(request, staff, at, false);
    request = disclose(request, staff, at);
    request = close(request, staff, at);
    expect(request.status).toBe('closed');
    expect(request.history.map(({ from, verb, to }) => `${from} -${verb}-> ${to}`)).toEqual([
      'draft -submit-> submitted',
      'submitted -start_review-> in_review',
      'in_review -request_info-> info_requested',
      'info_requested -answer-> in_review',
      'in_review -approve-> approved',
      'approved -disclose-> disclosed',
      'disclosed -close-> closed',
    ]);
  });

  it('starts as a draft with no history, copying the documents it is given', () => {
    const documents = [{ id: 'd', kind: 'court_order' as const }];
    const draft = draftRequest({ processType: 'court_order', documents });
    expect(draft).toEqual({
      status: 'draft',
      processType: 'court_order',
      emergency: null,
      documents,
      history: [],
    });
    expect(draft.documents).not.toBe(documents);
    expect(draftRequest({ processType: 'emergency', emergency: { certification: true } })).toEqual({
      status: 'draft',
      processType: 'emergency',
      emergency: { certification: true },
      documents: [],
      history: [],
    });
  });
});

describe('an emergency waits for the supervisor before staff act on it', () => {
  const emergencyDraft = () =>
    deepFreeze(draftRequest({ processType: 'emergency', emergency: { certification: true } }));

  it('is submitted pending the supervisor’s confirmation; an emergency EU order too', () => {
    expect(submit(emergencyDraft(), officer, at, 'DE').supervisorConfirmation).toBe('pending');
    const euOrder = deepFreeze(
      draftRequest({
        processType: 'eu_production_order',
        emergency: { certification: true },
        documents: [{ id: 'epoc', kind: 'epoc_certificate' }],
      }),
    );
    // EU production orders apply from 18 August 2026.
    const inForce = new Date('2026-09-01T10:00:00Z');
    expect(submit(euOrder, officer, inForce, 'DE').supervisorConfirmation).toBe('pending');
  });

  /** A request standing in `status` with the given confirmation, from the table's starting points. */
  const confirmationIn = (
    status: RequestStatus,
    supervisorConfirmation: 'pending' | 'confirmed' | 'not_requested',
  ) => deepFreeze({ ...requestIn(status), supervisorConfirmation });

  const legalFrom: ReadonlyArray<readonly [RequestVerb, RequestStatus, boolean]> = [
    ['start_review', 'submitted', true],
    ['request_info', 'in_review', true],
    ['approve', 'in_review', true],
    ['reject', 'in_review', true],
    ['withdraw', 'submitted', false],
    ['answer', 'info_requested', false],
    ['disclose', 'approved', false],
    ['close', 'disclosed', false],
  ];

  it.each(legalFrom)('%s from %s while pending: refused %s, and nothing changes', (verb, status, refused) => {
    const before = confirmationIn(status, 'pending');
    const snapshot = structuredClone(before);
    if (refused) {
      const violation = violationOf(() => perform(verb, before));
      expect(violation.code).toBe('emergency_unconfirmed');
      expect(violation.field).toBe('supervisorConfirmation');
      expect(violation.message).toMatch(/supervisor has not yet confirmed/);
    } else {
      const after = perform(verb, before);
      expect(after.history.at(-1)).toEqual({
        from: status,
        to: after.status,
        verb,
        actor: ACTOR_OF[verb],
        at,
      });
      expect(after.supervisorConfirmation).toBe('pending');
    }
    expect(before).toEqual(snapshot);
  });

  it.each(
    legalFrom.flatMap(([verb, status]) =>
      (['confirmed', 'not_requested'] as const).map((c) => [verb, status, c] as const),
    ),
  )('%s from %s once %s is allowed', (verb, status, confirmation) => {
    const after = perform(verb, confirmationIn(status, confirmation));
    expect(after.history).toHaveLength(2);
    expect(after.supervisorConfirmation).toBe(confirmation);
  });

  it('checks the state and the actor first: an illegal or foreign move is refused as such', () => {
    expect(violationOf(() => approve(confirmationIn('submitted', 'pending'), staff, at, true)).code).toBe(
      'invalid_transition',
    );
    expect(violationOf(() => startReview(confirmationIn('submitted', 'pending'), officer, at)).code).toBe(
      'actor_not_allowed',
    );
  });

  it('checks the confirmation before the decision itself', () => {
    const pending = confirmationIn('in_review', 'pending');
    expect(violationOf(() => approve(pending, staff, at, undefined as unknown as boolean)).code).toBe(
      'emergency_unconfirmed',
    );
    expect(violationOf(() => reject(pending, staff, at, ' ')).code).toBe('emergency_unconfirmed');
  });
});

describe('requests that carry more than the rules see', () => {
  it('keep their other fields through every move', () => {
    const withCase = deepFreeze({ ...requestIn('submitted'), caseNumber: 'LERS-2026-000042' });
    const reviewed = startReview(withCase, staff, at);
    const approved = approve(reviewed, staff, at, false);
    expect(approved.caseNumber).toBe('LERS-2026-000042');
    expect(close(reject(reviewed, staff, at, 'No.'), staff, at).caseNumber).toBe('LERS-2026-000042');
  });
});
