import { operationIdOf } from './operation-id';

const officer = (id: string) => ({ kind: 'officer' as const, id, roles: [] });

describe('operationIdOf', () => {
  it('derives the same UUID from the same actor and key', () => {
    const id = operationIdOf({ actor: officer('o1'), idempotencyKey: 'k1' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(operationIdOf({ actor: officer('o1'), idempotencyKey: 'k1' })).toBe(id);
  });

  it('differs per actor and per key', () => {
    const id = operationIdOf({ actor: officer('o1'), idempotencyKey: 'k1' });
    expect(operationIdOf({ actor: officer('o2'), idempotencyKey: 'k1' })).not.toBe(id);
    expect(operationIdOf({ actor: officer('o1'), idempotencyKey: 'k2' })).not.toBe(id);
  });

  it('is a fresh random UUID without a key', () => {
    const one = operationIdOf({ actor: officer('o1') });
    expect(one).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(operationIdOf({ actor: officer('o1') })).not.toBe(one);
  });
});
