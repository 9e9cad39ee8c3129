import {
  assertAcceptablePassword,
  findPasswordWeakness,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PasswordWeakness,
  passwordWeaknessMessage,
} from './password-policy';
import { violationOf } from '@lers/domain';

/** A deterministic, patternless password of `length` code points. */
function patternless(length: number): string {
  const alphabet = 'Kp7#xQm2!vLz9@tRw4$yNb6%hGc3&';
  let seed = 7;
  let password = '';
  for (let index = 0; index < length; index += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    password += alphabet[seed % alphabet.length];
  }
  return password;
}

/** The refusal of `password`, which must be refused. */
const refusalOf = (password: string, email?: string) =>
  violationOf(() => assertAcceptablePassword(password, { email }));

describe('password policy', () => {
  it('sets the NIST 800-63B bounds', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_PASSWORD_LENGTH).toBe(256);
  });

  describe('accepts', () => {
    it.each([
      'correct horse battery staple',
      'vX7#qL9!mZ2@',
      'alllowercasebutlongenough',
      'ñandú pájaro azul',
      '🐶🐱🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮',
      'Dragon-Fruit-Saturn-Violin',
    ])('%p', (password) => {
      expect(findPasswordWeakness(password)).toBeNull();
      expect(() => assertAcceptablePassword(password)).not.toThrow();
    });

    it('without composition rules: no digit, symbol or capital needed', () => {
      expect(findPasswordWeakness('purple elephants dance quietly')).toBeNull();
    });

    it('exactly the minimum and the maximum length', () => {
      expect(findPasswordWeakness(patternless(MIN_PASSWORD_LENGTH))).toBeNull();
      expect(findPasswordWeakness(patternless(MAX_PASSWORD_LENGTH))).toBeNull();
    });

    it('a password that merely contains the e-mail’s local part', () => {
      expect(findPasswordWeakness('jones went to the market', { email: 'jones@fbi.gov' })).toBeNull();
    });
  });

  describe('length, counted in Unicode code points', () => {
    it('refuses fewer than 12', () => {
      expect(findPasswordWeakness(patternless(11))).toBe('too_short');
      expect(findPasswordWeakness('')).toBe('too_short');
    });

    it('counts an emoji as one character even though it takes two UTF-16 units', () => {
      const password = 'Kp7#xQm2!v🔒';
      expect(password.length).toBe(12);
      expect(findPasswordWeakness(password)).toBe('too_short');
      expect(findPasswordWeakness('Kp7#xQm2!vL🔒')).toBeNull();
    });

    it('refuses more than 256', () => {
      expect(findPasswordWeakness(patternless(MAX_PASSWORD_LENGTH + 1))).toBe('too_long');
    });
  });

  describe('repetition', () => {
    it.each([
      'aaaaaaaaaaaa',
      '            ',
      '111111111111',
      'AaAaAaAaAaAa',
      'abababababab',
      'abcabcabcabcab',
      'abcdabcdabcd',
    ])('refuses %p', (password) => {
      expect(findPasswordWeakness(password)).toBe('repetitive');
    });

    it('refuses a repeated astral character', () => {
      expect(findPasswordWeakness('🔒'.repeat(12))).toBe('repetitive');
    });
  });

  describe('the e-mail address', () => {
    const email = 'Investigator.Jones@FBI.gov';

    it.each([
      'investigator.jones@fbi.gov',
      'INVESTIGATOR.JONES@FBI.GOV',
      'Investigator.Jones',
      'investigator.jones2026!',
      '!!investigator.jones',
    ])('refuses %p', (password) => {
      expect(findPasswordWeakness(password, { email })).toBe('matches_email');
    });

    it('ignores surrounding spaces in the address and an absent or empty one', () => {
      expect(findPasswordWeakness('investigator.jones', { email: `  ${email} ` })).toBe('matches_email');
      expect(findPasswordWeakness('investigator.jones', {})).toBeNull();
      expect(findPasswordWeakness('investigator.jones', { email: '' })).toBeNull();
    });

    it('compares with the whole address when it has no local part', () => {
      expect(findPasswordWeakness('investigator.jones', { email: 'investigator.jones' })).toBe(
        'matches_email',
      );
      expect(findPasswordWeakness('investigator.jones', { email: '@investigator.jones' })).toBeNull();
    });
  });

  describe('common and breached passwords', () => {
    it.each([
      'password1234',
      'PASSWORD1234',
      '123456789012',
      'qwerty123456',
      '1qaz2wsx3edc',
      'iloveyou2026!',
      'letmein12345',
      '!!password!!',
      'monkey   123',
      'Ｐａｓｓｗｏｒｄ１２３４',
    ])('refuses %p', (password) => {
      expect(findPasswordWeakness(password)).toBe('common_password');
    });

    it('only strips a few characters of decoration', () => {
      expect(findPasswordWeakness('dragon8302746159')).toBeNull();
    });
  });

  describe('sequences', () => {
    it.each([
      'qwertyuiopas',
      'abcdefghijkl',
      'zyxwvutsrqpo',
      'lkjhgfdsapoi',
      'azertyuiopqs',
      'qwertzuiopas',
      'mnopqrstuvwxyzab',
    ])('refuses %p', (password) => {
      expect(findPasswordWeakness(password)).toBe('sequential');
    });

    it('refuses long digit runs whether or not they are on the list', () => {
      expect(['common_password', 'sequential']).toContain(findPasswordWeakness('345678901234567'));
      expect(['common_password', 'sequential']).toContain(findPasswordWeakness('987654321098'));
    });
  });

  describe('assertAcceptablePassword', () => {
    // Every row has all three columns: jest would take a missing one for a `done` callback.
    const refused: [string, PasswordWeakness, string | undefined][] = [
      ['short', 'too_short', undefined],
      [patternless(300), 'too_long', undefined],
      ['zzzzzzzzzzzzzz', 'repetitive', undefined],
      ['qwertyuiopas', 'sequential', undefined],
      ['detective.garcia', 'matches_email', 'detective.garcia@police.uk'],
      ['password1234', 'common_password', undefined],
    ];

    it.each(refused)('refuses %p with weak_password on field password (%s)', (password, weakness, email) => {
      const violation = refusalOf(password, email);
      expect(violation.code).toBe('weak_password');
      expect(violation.field).toBe('password');
      expect(violation.message).toBe(passwordWeaknessMessage(weakness));
    });

    it.each(refused)('never echoes the password %p in the message', (password, _weakness, email) => {
      const { message } = refusalOf(password, email);
      expect(message.toLowerCase()).not.toContain(password.toLowerCase());
    });

    it('explains each rule in its own words', () => {
      const weaknesses: PasswordWeakness[] = [
        'too_short',
        'too_long',
        'repetitive',
        'sequential',
        'matches_email',
        'common_password',
      ];
      const messages = weaknesses.map(passwordWeaknessMessage);
      expect(new Set(messages).size).toBe(weaknesses.length);
      expect(passwordWeaknessMessage('too_short')).toContain('12');
      expect(passwordWeaknessMessage('too_long')).toContain('256');
    });
  });
});
