import { Problem } from '@lers/contracts';
import { afterPosition, decodeCursor, encodeCursor } from './keyset-cursor';

const at = Date.parse('2026-03-02T09:00:00.123Z');
const base64url = (text: string) => Buffer.from(text).toString('base64url');

function problemOf(attempt: () => unknown): Problem {
  try {
    attempt();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a Problem');
}

describe('list cursors', () => {
  it('are the position as base64url JSON, so cursors handed out before a deploy still work', () => {
    expect(encodeCursor({ at, id: '65f0c0ffee' })).toBe(base64url(`[${at},"65f0c0ffee"]`));
  });

  it.each([
    { at, id: '65f0c0ffee' },
    { at: 0, id: '' },
    { at: -1.5, id: 'ünïcode ✓ "quoted"' },
    { at, id: 'x'.repeat(100) },
  ])('come back as the position they were made from: %j', (position) => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('mean the first page when absent', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['an empty cursor', ''],
    ['not base64url JSON', 'not a cursor!'],
    ['JSON that is not an array', base64url('{"at":1,"id":"a"}')],
    ['JSON null', base64url('null')],
    ['an empty array', base64url('[]')],
    ['a position without an id', base64url(`[${at}]`)],
    ['a position with the key as text', base64url(`["${at}","a"]`)],
    ['a position with a numeric id', base64url(`[${at},1]`)],
    ['a position with a list for an id', base64url(`[${at},["a"]]`)],
    ['a position with a null key', base64url('[null,"a"]')],
    ['a position with an infinite key', base64url('[1e999,"a"]')],
    ['a position with an id over 100 characters', encodeCursor({ at, id: 'x'.repeat(101) })],
  ])('refuse %s with a 400 naming the cursor', (_, cursor) => {
    expect(problemOf(() => decodeCursor(cursor)).toDetails()).toEqual({
      status: 400,
      code: 'validation_failed',
      title: 'Bad Request',
      detail: 'The request is not valid: see errors.',
      errors: [{ field: 'cursor', message: 'cursor must be the nextCursor of a previous page' }],
    });
  });
});

describe('the filter for the next page', () => {
  it('is empty for the first page', () => {
    expect(afterPosition('submittedAt', undefined, 1)).toEqual({});
    expect(afterPosition('submittedAt', undefined, -1)).toEqual({});
  });

  it('starts strictly after the position in ascending order, breaking ties by id', () => {
    expect(afterPosition('submittedAt', { at, id: 'b' }, 1)).toEqual({
      $or: [{ submittedAt: { $gt: new Date(at) } }, { submittedAt: new Date(at), _id: { $gt: 'b' } }],
    });
  });

  it('starts strictly before the position in descending order, breaking ties by id', () => {
    expect(afterPosition('dueBy', { at, id: 'b' }, -1)).toEqual({
      $or: [{ dueBy: { $lt: new Date(at) } }, { dueBy: new Date(at), _id: { $lt: 'b' } }],
    });
  });
});
