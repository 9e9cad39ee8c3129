import { DomainRuleViolation, rejectionReasonOf } from '@lers/domain';
import {
  type ActorKind,
  REQUEST_VERB_ACTORS,
  requestLifecycle,
  type RequestStatus,
  type RequestVerb,
} from './request-lifecycle';
import { requireSupervisorConfirmation, type SupervisorConfirmation } from './emergency-confirmation';
import { dueBy } from './response-deadline';
import {
  checkSubmittable,
  type EmergencyDeclaration,
  isEmergency,
  type ProcessType,
  type RequestDocument,
} from './submission-rules';

export { MAX_REJECTION_REASON_LENGTH } from '@lers/domain';

export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
}

/** One move of the request, kept for the audit trail. */
export interface HistoryEntry {
  readonly from: RequestStatus;
  readonly to: RequestStatus;
  readonly verb: RequestVerb;
  readonly actor: Actor;
  readonly at: Date;
}

/** A request for information, as its rules see it; every move returns a new value and leaves the old one as it was. */
export interface InformationRequest {
  readonly status: RequestStatus;
  readonly processType: ProcessType;
  readonly emergency?: EmergencyDeclaration | null;
  readonly documents: readonly RequestDocument[];
  readonly submittedAt?: Date;
  readonly dueBy?: Date;
  readonly assignedTo?: string;
  readonly nonDisclosureUpheld?: boolean;
  readonly rejectionReason?: string;
  /** For an emergency: whether the officer's supervisor has vouched for it (see emergency-confirmation.ts). */
  readonly supervisorConfirmation?: SupervisorConfirmation;
  readonly history: readonly HistoryEntry[];
}

function requireActor(verb: RequestVerb, actor: Actor): Actor {
  const id = actor.id.trim();
  if (id === '')
    throw new DomainRuleViolation('actor_required', 'The move needs the person making it.', 'actor');
  const allowed = REQUEST_VERB_ACTORS[verb];
  if (actor.kind !== allowed) {
    throw new DomainRuleViolation(
      'actor_not_allowed',
      `Only ${allowed === 'officer' ? 'the requesting officer' : 'the exchange’s legal staff'} can ${verb.replaceAll('_', ' ')} a request.`,
      'actor',
    );
  }
  return { kind: actor.kind, id };
}

/** The state check comes first: a move that is illegal now is a conflict whoever attempts it. */
function authorize(request: InformationRequest, verb: RequestVerb, actor: Actor): void {
  requestLifecycle.next(request.status, verb);
  requireActor(verb, actor);
  requireSupervisorConfirmation(request, verb);
}

function move<R extends InformationRequest>(
  request: R,
  verb: RequestVerb,
  actor: Actor,
  at: Date,
  changes: Partial<InformationRequest> = {},
): R {
  const to = requestLifecycle.next(request.status, verb);
  const by = requireActor(verb, actor);
  requireSupervisorConfirmation(request, verb);
  const entry: HistoryEntry = { from: request.status, to, verb, actor: by, at: new Date(at) };
  return { ...request, ...changes, status: to, history: [...request.history, entry] };
}

export function draftRequest(fields: {
  processType: ProcessType;
  emergency?: EmergencyDeclaration | null;
  documents?: readonly RequestDocument[];
}): InformationRequest {
  return {
    status: 'draft',
    processType: fields.processType,
    emergency: fields.emergency ?? null,
    documents: [...(fields.documents ?? [])],
    history: [],
  };
}

/** The officer sends the request; its answer is due by the policy of its instrument on the reviewing team's calendar. */
export function submit<R extends InformationRequest>(
  request: R,
  officer: Actor,
  at: Date,
  reviewCalendarCountry: string,
): R {
  authorize(request, 'submit', officer);
  checkSubmittable(request);
  return move(request, 'submit', officer, at, {
    submittedAt: new Date(at),
    dueBy: dueBy(request.processType, isEmergency(request), at, reviewCalendarCountry),
    supervisorConfirmation: isEmergency(request) ? 'pending' : 'not_requested',
  });
}

/** A member of the legal staff takes the request on. */
export const startReview = <R extends InformationRequest>(request: R, staff: Actor, at: Date): R =>
  move(request, 'start_review', staff, at, { assignedTo: staff.id.trim() });

export const requestInfo = <R extends InformationRequest>(request: R, staff: Actor, at: Date): R =>
  move(request, 'request_info', staff, at);

/** The officer's reply to a request for more information puts the request back in review. */
export const answer = <R extends InformationRequest>(request: R, officer: Actor, at: Date): R =>
  move(request, 'answer', officer, at);

/** `nonDisclosureUpheld`: the staff accept the court's ban on telling the user, so no notice goes out. */
export function approve<R extends InformationRequest>(
  request: R,
  staff: Actor,
  at: Date,
  nonDisclosureUpheld: boolean,
): R {
  authorize(request, 'approve', staff);
  if (typeof nonDisclosureUpheld !== 'boolean') {
    throw new DomainRuleViolation(
      'non_disclosure_decision_required',
      'An approval must say whether the non-disclosure order is upheld.',
      'nonDisclosureUpheld',
    );
  }
  return move(request, 'approve', staff, at, { nonDisclosureUpheld });
}

/** The reason is shown to the agency and kept for audit, so it is required; lengths count code points. */
export function reject<R extends InformationRequest>(request: R, staff: Actor, at: Date, reason: string): R {
  authorize(request, 'reject', staff);
  const rejectionReason = rejectionReasonOf(reason);
  return move(request, 'reject', staff, at, { rejectionReason });
}

export const disclose = <R extends InformationRequest>(request: R, staff: Actor, at: Date): R =>
  move(request, 'disclose', staff, at);

export const close = <R extends InformationRequest>(request: R, staff: Actor, at: Date): R =>
  move(request, 'close', staff, at);

/** The officer may take the request back until the exchange has decided it. */
export const withdraw = <R extends InformationRequest>(request: R, officer: Actor, at: Date): R =>
  move(request, 'withdraw', officer, at);
