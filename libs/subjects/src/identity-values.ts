import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { accepted, refused, type FormatCheck } from './format-check';

/** E.164: a + then at most 15 digits, the first (country code) never 0. */
const E164 = /^\+[1-9][0-9]{1,14}$/;
const EXCHANGE_UID = /^[A-Za-z0-9_-]{1,64}$/;

/** Canonical form: the domain lower-cased (DNS is case-insensitive), the local part as written. */
export function checkEmail(email: string): FormatCheck {
  // isEmail also enforces RFC 5321's 254-character limit.
  if (!isEmail(email)) return refused('is not a valid e-mail address');
  const at = email.lastIndexOf('@');
  return accepted(`${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`);
}

/**
 * Strict E.164 as written (`+` and digits, no spaces), and a number that the full numbering-plan
 * metadata calls valid for its country, so that a typo does not search for someone else.
 */
export function checkPhone(phone: string): FormatCheck {
  if (!E164.test(phone))
    return refused('is not an E.164 phone number (expected + and up to 15 digits, no spaces)');
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed?.isValid()) return refused('is not a valid phone number for its country code');
  return accepted(parsed.number);
}

/** The exchange's own user id: case-sensitive, so kept as written. */
export function checkUid(uid: string): FormatCheck {
  if (!EXCHANGE_UID.test(uid)) {
    return refused('is not a valid user id (1 to 64 characters: letters, digits, _ and -)');
  }
  return accepted(uid);
}
