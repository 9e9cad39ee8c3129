import { fieldsWithNulCharacters } from './nul-characters';

describe('fieldsWithNulCharacters', () => {
  it('finds none in ordinary input', () => {
    expect(fieldsWithNulCharacters({ a: 'text', b: [1, 'two', { c: null }], d: true })).toEqual([]);
    expect(fieldsWithNulCharacters('plain')).toEqual([]);
    expect(fieldsWithNulCharacters(undefined)).toEqual([]);
  });

  it('names every field, nested and in lists, whose text holds one', () => {
    expect(
      fieldsWithNulCharacters({
        summary: 'a\u0000b',
        subjects: [{ value: 'ok' }, { value: '\u0000' }],
        nested: { deep: { text: 'x\u0000' } },
      }),
    ).toEqual([
      { field: 'summary', message: 'must not contain NUL characters' },
      { field: 'subjects.1.value', message: 'must not contain NUL characters' },
      { field: 'nested.deep.text', message: 'must not contain NUL characters' },
    ]);
  });

  it('names a key that holds one, and a top-level string by its path', () => {
    expect(fieldsWithNulCharacters({ 'k\u0000': 'v' })).toEqual([
      { field: 'k\u0000', message: 'must not contain NUL characters' },
    ]);
    expect(fieldsWithNulCharacters('\u0000', 'token')).toEqual([
      { field: 'token', message: 'must not contain NUL characters' },
    ]);
  });
});
