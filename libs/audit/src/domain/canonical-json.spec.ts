import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ seq: 1, action: 'a' })).toBe(canonicalJson({ action: 'a', seq: 1 }));
  });

  it('keeps array order (it is meaningful)', () => {
    expect(canonicalJson([2, 1])).toBe('[2,1]');
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('escapes strings the one RFC 8785 way', () => {
    expect(canonicalJson({ s: 'é\n"' })).toBe('{"s":"é\\n\\""}');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
