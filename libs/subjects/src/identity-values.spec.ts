import { checkEmail, checkPhone, checkUid } from './identity-values';

describe('checkEmail', () => {
  const INVALID = { ok: false, message: 'is not a valid e-mail address' };

  it.each([
    ['a plain address', 'jane.doe@example.com', 'jane.doe@example.com'],
    ['a sub-address, local part kept as written', 'Jane.Doe+kyc@Example.COM', 'Jane.Doe+kyc@example.com'],
    ['an upper-case domain', 'j@MAIL.EXAMPLE.ORG', 'j@mail.example.org'],
  ])('accepts %s and lower-cases only the domain', (_kind, email, canonical) => {
    expect(checkEmail(email)).toEqual({ ok: true, canonical });
  });

  it.each([
    ['no @', 'jane.example.com'],
    ['two @', 'jane@doe@example.com'],
    ['no domain', 'jane@'],
    ['no local part', '@example.com'],
    ['no top-level domain', 'jane@localhost'],
    ['a space inside', 'jane doe@example.com'],
    ['a display name', 'Jane <jane@example.com>'],
    ['the empty string', ''],
  ])('refuses %s', (_why, email) => {
    expect(checkEmail(email)).toEqual(INVALID);
  });

  it('accepts 254 characters and refuses 255 (RFC 5321)', () => {
    const label = 'a'.repeat(60);
    const email = `jjjjjj@${[label, label, label, label].join('.')}.com`;
    expect(email.length).toBe(254);
    expect(checkEmail(email).ok).toBe(true);
    const longer = `j${email}`;
    expect(longer.length).toBe(255);
    expect(checkEmail(longer)).toEqual(INVALID);
  });
});

describe('checkPhone', () => {
  it.each([
    ['a US number', '+14155552671'],
    ['a UK landline', '+442079460958'],
    ['a French mobile', '+33612345678'],
    ['a German number', '+4930123456'],
  ])('accepts %s in E.164 as written', (_kind, phone) => {
    expect(checkPhone(phone)).toEqual({ ok: true, canonical: phone });
  });

  const FORMAT = {
    ok: false,
    message: 'is not an E.164 phone number (expected + and up to 15 digits, no spaces)',
  };
  it.each([
    ['no +', '14155552671'],
    ['00 instead of +', '0014155552671'],
    ['spaces', '+1 415 555 2671'],
    ['dashes', '+1-415-555-2671'],
    ['a leading 0 country code', '+04155552671'],
    ['16 digits', '+1415555267112345'],
    ['a lone +', '+'],
    ['an extension', '+14155552671;ext=1'],
    ['a tel: URI', 'tel:+14155552671'],
    ['text before the +', 'x+14155552671'],
    ['the empty string', ''],
  ])('refuses %s', (_why, phone) => {
    expect(checkPhone(phone)).toEqual(FORMAT);
  });

  const INVALID = { ok: false, message: 'is not a valid phone number for its country code' };
  it.each([
    ['a UK number one digit too long', '+4420794609580'],
    ['a US number one digit short', '+1415555267'],
    ['an unassigned country code', '+999123456789'],
    ['a US number with area code 0xx', '+10155552671'],
    ['two digits', '+12'],
  ])('refuses %s', (_why, phone) => {
    expect(checkPhone(phone)).toEqual(INVALID);
  });
});

describe('checkUid', () => {
  it.each(['u_12345', 'A-b_9', '7', 'x'.repeat(64)])('accepts %s as written', (uid) => {
    expect(checkUid(uid)).toEqual({ ok: true, canonical: uid });
  });

  const INVALID = {
    ok: false,
    message: 'is not a valid user id (1 to 64 characters: letters, digits, _ and -)',
  };
  it.each([
    ['65 characters', 'x'.repeat(65)],
    ['a dot', 'user.1'],
    ['a space', 'user 1'],
    ['a trailing newline', 'user1\n'],
    ['a non-ASCII letter', 'usér1'],
    ['a dollar (operator-like)', '$gt'],
    ['the empty string', ''],
  ])('refuses %s', (_why, uid) => {
    expect(checkUid(uid)).toEqual(INVALID);
  });
});
