import { createHmac } from 'node:crypto';
import { type DownloadGrant, signGrant, verifyGrant } from './download-links';

const secret = 'disclosure-link-secret-0123456789abcdef';
const expiresAt = Date.parse('2026-03-02T09:15:00Z');
const grant: DownloadGrant = Object.freeze({
  requestId: 'req-1',
  disclosureId: 'pkg-1',
  officerId: 'officer-1',
  expiresAt,
});
const before = expiresAt - 60_000;

const base64url = (text: string) => Buffer.from(text).toString('base64url');
/** Signs any payload the way the service does (written out here to pin the link format). */
const signed = (payload: string, key = secret) =>
  `${payload}.${createHmac('sha256', key).update(`lers-disclosure-link:${payload}`).digest('base64url')}`;

describe('download links', () => {
  it('are the grant as base64url JSON and its HMAC-SHA256, so links minted before a deploy still open', () => {
    const token = signGrant(grant, secret);
    expect(token).toBe(signed(base64url('["req-1","pkg-1","officer-1",1772442900000]')));
    expect(verifyGrant(token, secret, before)).toEqual(grant);
  });

  it('grant what they were signed for until just before the expiry, and nothing from the expiry on', () => {
    const token = signGrant(grant, secret);
    expect(verifyGrant(token, secret, expiresAt - 1)).toEqual(grant);
    expect(verifyGrant(token, secret, expiresAt)).toBeUndefined();
    expect(verifyGrant(token, secret, expiresAt + 1)).toBeUndefined();
  });

  it('carry ids with any characters', () => {
    const odd = { ...grant, requestId: 'req.with.dots', officerId: 'ofﬁcer "ünïcode" ✓' };
    expect(verifyGrant(signGrant(odd, secret), secret, before)).toEqual(odd);
  });

  it('open only with the secret that signed them', () => {
    expect(verifyGrant(signGrant(grant, secret), `${secret}x`, before)).toBeUndefined();
    expect(verifyGrant(signGrant(grant, 'another-secret'), secret, before)).toBeUndefined();
  });

  describe('refuse a tampered link', () => {
    const token = signGrant(grant, secret);
    const [payload, signature] = token.split('.');
    const otherPayload = base64url(JSON.stringify(['req-1', 'pkg-1', 'officer-2', expiresAt]));
    const laterPayload = base64url(JSON.stringify(['req-1', 'pkg-1', 'officer-1', expiresAt + 86_400_000]));
    const flipped = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;

    it.each([
      ['another officer in the payload', `${otherPayload}.${signature}`],
      ['a later expiry in the payload', `${laterPayload}.${signature}`],
      ['one character of the payload changed', `${flipped(payload, 3)}.${signature}`],
      ['the first character of the signature changed', `${payload}.${flipped(signature, 0)}`],
      [
        'the last character of the signature changed',
        `${payload}.${flipped(signature, signature.length - 1)}`,
      ],
      ['the signature cut short', `${payload}.${signature.slice(0, -1)}`],
      ['the signature made longer', `${payload}.${signature}A`],
      ['the signature as hex', `${payload}.${Buffer.from(signature, 'base64url').toString('hex')}`],
      ['the signature of another payload', `${payload}.${signed(otherPayload).split('.')[1]}`],
    ])('with %s', (_, tampered) => {
      expect(verifyGrant(tampered, secret, before)).toBeUndefined();
    });
  });

  describe('refuse a malformed link', () => {
    const token = signGrant(grant, secret);

    it.each([
      ['an empty token', ''],
      ['a token without a dot', token.replace('.', '')],
      ['the payload alone', token.split('.')[0]],
      ['the payload and a dot', `${token.split('.')[0]}.`],
      ['the signature alone, after a dot', `.${token.split('.')[1]}`],
      ['a lone dot', '.'],
      ['an extra dot at the end', `${token}.`],
      ['an extra part', `${token}.${token.split('.')[1]}`],
      ['a dot in the middle of the signature', `${token.slice(0, -3)}.${token.slice(-3)}`],
    ])('%s', (_, malformed) => {
      expect(verifyGrant(malformed, secret, before)).toBeUndefined();
    });
  });

  describe('refuse a correctly signed payload that is not a grant', () => {
    it.each([
      ['not JSON', 'not json'],
      ['JSON null', 'null'],
      ['an object', JSON.stringify({ ...grant })],
      ['an empty array', '[]'],
      ['three of the four fields', JSON.stringify(['req-1', 'pkg-1', 'officer-1'])],
      ['a numeric request id', JSON.stringify([1, 'pkg-1', 'officer-1', expiresAt])],
      ['a numeric disclosure id', JSON.stringify(['req-1', 1, 'officer-1', expiresAt])],
      ['a numeric officer id', JSON.stringify(['req-1', 'pkg-1', 1, expiresAt])],
      ['an expiry as text', JSON.stringify(['req-1', 'pkg-1', 'officer-1', String(expiresAt)])],
      ['no expiry', JSON.stringify(['req-1', 'pkg-1', 'officer-1', null])],
    ])('%s', (_, json) => {
      expect(verifyGrant(signed(base64url(json)), secret, before)).toBeUndefined();
    });

    it('but opens the same payload when it is a grant (the refusals above are about the payload)', () => {
      const json = JSON.stringify(['req-1', 'pkg-1', 'officer-1', expiresAt]);
      expect(verifyGrant(signed(base64url(json)), secret, before)).toEqual(grant);
    });
  });
});
