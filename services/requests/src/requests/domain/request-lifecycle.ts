import { defineTransitions, type TransitionTable } from '@lers/domain';

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'rejected',
  'disclosed',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_VERBS = [
  'submit',
  'start_review',
  'request_info',
  'answer',
  'approve',
  'reject',
  'disclose',
  'close',
  'withdraw',
] as const;
export type RequestVerb = (typeof REQUEST_VERBS)[number];

export type ActorKind = 'officer' | 'staff';

/** Who may use each verb: the requesting officer, or the exchange's legal staff. */
export const REQUEST_VERB_ACTORS: { readonly [verb in RequestVerb]: ActorKind } = {
  submit: 'officer',
  start_review: 'staff',
  request_info: 'staff',
  answer: 'officer',
  approve: 'staff',
  reject: 'staff',
  disclose: 'staff',
  close: 'staff',
  withdraw: 'officer',
};

/** The officer may withdraw only before the exchange has decided. */
export const REQUEST_TRANSITIONS: TransitionTable<RequestStatus, RequestVerb> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { start_review: 'in_review', withdraw: 'withdrawn' },
  in_review: {
    request_info: 'info_requested',
    approve: 'approved',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  info_requested: { answer: 'in_review', withdraw: 'withdrawn' },
  approved: { disclose: 'disclosed' },
  rejected: { close: 'closed' },
  disclosed: { close: 'closed' },
  closed: {},
  withdrawn: {},
};

const VERB_WORDS: Record<RequestVerb, string> = {
  submit: 'submit',
  start_review: 'start reviewing',
  request_info: 'ask for more information on',
  answer: 'answer',
  approve: 'approve',
  reject: 'reject',
  disclose: 'disclose the data of',
  close: 'close',
  withdraw: 'withdraw',
};

export const requestLifecycle = defineTransitions(
  REQUEST_TRANSITIONS,
  (status, verb) => `Cannot ${VERB_WORDS[verb]} a request that is ${status.replaceAll('_', ' ')}.`,
);
