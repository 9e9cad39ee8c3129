import {
  canonicalJson,
  identifyRequest,
  idempotencyRecordId,
  openReply,
  sealReply,
} from './request-fingerprint';

describe('canonicalJson', () => {
  it('serialises objects with their keys sorted at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('keeps array order, drops undefined members and writes dates as ISO strings', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: undefined, b: new Date('2026-01-02T03:04:05Z') })).toBe(
      '{"b":"2026-01-02T03:04:05.000Z"}',
    );
  });
});

describe('identifyRequest', () => {
  it('gives the same fingerprint and key to the same request written in another key order', () => {
    const one = identifyRequest({ topic: 't', payload: { a: 1, b: 'x' } });
    const two = identifyRequest({ payload: { b: 'x', a: 1 }, topic: 't' });
    expect(two.fingerprint).toBe(one.fingerprint);
    expect(two.replyKey.equals(one.replyKey)).toBe(true);
  });

  it('tells apart requests that differ in any value', () => {
    const base = identifyRequest({ topic: 't', payload: { a: 1 } });
    expect(identifyRequest({ topic: 't', payload: { a: 2 } }).fingerprint).not.toBe(base.fingerprint);
    expect(identifyRequest({ topic: 'u', payload: { a: 1 } }).fingerprint).not.toBe(base.fingerprint);
  });

  it('derives the reply key apart from the stored fingerprint', () => {
    const { fingerprint, replyKey } = identifyRequest({ a: 1 });
    expect(fingerprint).toMatch(/^[a-f0-9]{64}$/);
    expect(replyKey).toHaveLength(32);
    expect(replyKey.toString('hex')).not.toBe(fingerprint);
  });
});

describe('idempotencyRecordId', () => {
  it('is per actor and per key', () => {
    const id = idempotencyRecordId('officer:1', 'k');
    expect(id).toMatch(/^[a-f0-9]{64}$/);
    expect(idempotencyRecordId('officer:1', 'k')).toBe(id);
    expect(idempotencyRecordId('officer:2', 'k')).not.toBe(id);
    expect(idempotencyRecordId('officer:1', 'l')).not.toBe(id);
  });

  it('cannot be confused by a separator inside the scope or key', () => {
    expect(idempotencyRecordId('a', 'b\0c')).not.toBe(idempotencyRecordId('a\0b', 'c'));
  });
});

describe('sealed replies', () => {
  const reply = { ok: true, result: { refreshToken: 's.secret', n: 1 } };

  it('open with the key of the request that sealed them', () => {
    const { replyKey } = identifyRequest({ refreshToken: 'old' });
    const sealed = sealReply(reply, replyKey);
    expect(sealed.data).not.toContain('secret');
    expect(openReply(sealed, replyKey)).toEqual(reply);
  });

  it("do not open with another request's key, nor once altered", () => {
    const { replyKey } = identifyRequest({ refreshToken: 'old' });
    const sealed = sealReply(reply, replyKey);
    expect(openReply(sealed, identifyRequest({ refreshToken: 'other' }).replyKey)).toBeUndefined();
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 1;
    expect(openReply({ ...sealed, data: data.toString('base64') }, replyKey)).toBeUndefined();
  });
});
