import { violationOf } from './violation-of';
import { defineTransitions } from './state-machine';

type Light = 'red' | 'green' | 'off';
type Verb = 'go' | 'stop' | 'unplug';

const light = defineTransitions<Light, Verb>(
  { red: { go: 'green', unplug: 'off' }, green: { stop: 'red' }, off: {} },
  (state, verb) => `Cannot ${verb} a ${state} light.`,
);

describe('defineTransitions', () => {
  it('keeps the table it was given', () => {
    expect(light.transitions).toEqual({
      red: { go: 'green', unplug: 'off' },
      green: { stop: 'red' },
      off: {},
    });
  });

  it.each([
    ['red', 'go', 'green'],
    ['red', 'unplug', 'off'],
    ['green', 'stop', 'red'],
  ] as const)('%s + %s → %s', (state, verb, next) => {
    expect(light.next(state, verb)).toBe(next);
    expect(light.allows(state, verb)).toBe(true);
  });

  it.each([
    ['red', 'stop'],
    ['green', 'go'],
    ['green', 'unplug'],
    ['off', 'go'],
    ['off', 'stop'],
    ['off', 'unplug'],
  ] as const)(
    'refuses %s + %s as an invalid transition of the status, worded by the caller',
    (state, verb) => {
      expect(light.allows(state, verb)).toBe(false);
      const violation = violationOf(() => light.next(state, verb));
      expect(violation.code).toBe('invalid_transition');
      expect(violation.field).toBe('status');
      expect(violation.message).toBe(`Cannot ${verb} a ${state} light.`);
    },
  );

  it('refuses states and verbs it does not know, even ones named like Object members', () => {
    expect(violationOf(() => light.next('blue' as Light, 'go')).code).toBe('invalid_transition');
    expect(violationOf(() => light.next('constructor' as Light, 'go')).code).toBe('invalid_transition');
    expect(violationOf(() => light.next('red', 'toString' as Verb)).code).toBe('invalid_transition');
    expect(light.allows('constructor' as Light, 'go')).toBe(false);
    expect(light.allows('red', 'hasOwnProperty' as Verb)).toBe(false);
  });
});
