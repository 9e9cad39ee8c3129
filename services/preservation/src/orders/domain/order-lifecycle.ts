import { defineTransitions, type TransitionTable } from '@lers/domain';
import type { PreservationStatus } from '@lers/contracts';

export type OrderVerb = 'extend' | 'expire' | 'release';

/** Expired and released orders are over: nothing moves them again. */
export const ORDER_TRANSITIONS: TransitionTable<PreservationStatus, OrderVerb> = {
  active: { extend: 'active', expire: 'expired', release: 'released' },
  expired: {},
  released: {},
};

export const orderLifecycle = defineTransitions(
  ORDER_TRANSITIONS,
  (status, verb) => `Cannot ${verb} a preservation order that is ${status}.`,
);
