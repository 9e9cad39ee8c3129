import { DomainRuleViolation } from './domain-rule-violation';

/** Where each verb leads from each state; a verb missing from a state is not allowed there. */
export type TransitionTable<S extends string, V extends string> = {
  readonly [state in S]: { readonly [verb in V]?: S };
};

export interface StateMachine<S extends string, V extends string> {
  readonly transitions: TransitionTable<S, V>;
  /** Whether `verb` may be applied in `state`. */
  allows(state: S, verb: V): boolean;
  /** The state `verb` leads to from `state`; throws `invalid_transition` (a 409) when it is not allowed. */
  next(state: S, verb: V): S;
}

/**
 * A transition table and the rule that enforces it. `refusal` words the message people read when a
 * move is refused; the violation names the `status` field, as the stored state is what forbids it.
 */
export function defineTransitions<S extends string, V extends string>(
  transitions: TransitionTable<S, V>,
  refusal: (state: S, verb: V) => string,
): StateMachine<S, V> {
  // Own properties only, so a state or verb named like an Object.prototype member ("constructor") is unknown.
  const targetOf = (state: S, verb: V): S | undefined => {
    if (!Object.hasOwn(transitions, state)) return undefined;
    const moves: { readonly [verb in V]?: S } = transitions[state];
    return Object.hasOwn(moves, verb) ? moves[verb] : undefined;
  };
  return {
    transitions,
    allows: (state, verb) => targetOf(state, verb) !== undefined,
    next(state, verb) {
      const target = targetOf(state, verb);
      if (target === undefined) {
        throw new DomainRuleViolation('invalid_transition', refusal(state, verb), 'status');
      }
      return target;
    },
  };
}
