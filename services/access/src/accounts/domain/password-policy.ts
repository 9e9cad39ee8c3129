import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainRuleViolation } from '@lers/domain';

// NIST SP 800-63B §5.1.1.2: length matters, composition rules do not; refuse what attackers try
// first (breached and common passwords, repetitive or sequential characters, context-specific words).
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordWeakness =
  'too_short' | 'too_long' | 'repetitive' | 'sequential' | 'matches_email' | 'common_password';

export interface PasswordContext {
  /** The account's e-mail address, which must not be the password. */
  email?: string;
}

// The messages say which rule failed and never repeat the password.
const MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `Password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
  too_long: `Password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
  repetitive: 'Password must not be one character or a short pattern repeated.',
  sequential: 'Password must not be a run of consecutive letters, digits or keyboard keys.',
  matches_email: 'Password must not be your e-mail address or the part before the @.',
  common_password: 'Password is on a list of common or breached passwords.',
};

// Cracking tools try every common password with a few digits or symbols added at either end.
const DECORATION_MAX = 6;
const LEADING_DECORATION = new RegExp(`^[\\p{N}\\p{P}\\p{S}\\s]{1,${DECORATION_MAX}}`, 'u');
const TRAILING_DECORATION = new RegExp(`[\\p{N}\\p{P}\\p{S}\\s]{1,${DECORATION_MAX}}$`, 'u');
const LONGEST_REPEATED_UNIT = 4;

const KEYBOARD_ROWS = [
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1234567890-=',
  '!@#$%^&*()_+',
];
const CYCLES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz'];

let commonPasswords: ReadonlySet<string> | undefined;

/** The zxcvbn-ts list of ~49,000 common and breached passwords, loaded on first use. */
function commonPasswordList(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return commonPasswords;
}

let sequences: readonly string[] | undefined;

function sequenceList(): readonly string[] {
  if (!sequences) {
    const cycles = CYCLES.map((cycle) => cycle.repeat(Math.ceil(MAX_PASSWORD_LENGTH / cycle.length) + 1));
    const forward = [...KEYBOARD_ROWS, ...cycles];
    sequences = [...forward, ...forward.map((sequence) => [...sequence].reverse().join(''))];
  }
  return sequences;
}

/** The password as compared against lists: compatibility-normalised (full-width → ASCII) and lower case. */
function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The password itself and the words left once digits and symbols around it are taken off. */
function cores(key: string): Set<string> {
  const trailingOff = key.replace(TRAILING_DECORATION, '');
  const leadingOff = key.replace(LEADING_DECORATION, '');
  const bothOff = trailingOff.replace(LEADING_DECORATION, '');
  return new Set([key, trailingOff, leadingOff, bothOff].filter((core) => core.length > 0));
}

function isRepetitive(codePoints: readonly string[]): boolean {
  for (let unit = 1; unit <= LONGEST_REPEATED_UNIT; unit += 1) {
    if (codePoints.every((codePoint, index) => codePoint === codePoints[index % unit])) return true;
  }
  return false;
}

function isSequential(key: string): boolean {
  return sequenceList().some((sequence) => sequence.includes(key));
}

function matchesEmail(passwordCores: ReadonlySet<string>, email: string | undefined): boolean {
  const address = comparable(email?.trim() ?? '');
  if (address === '') return false;
  const at = address.lastIndexOf('@');
  const localPart = at > 0 ? address.slice(0, at) : '';
  return passwordCores.has(address) || (localPart !== '' && passwordCores.has(localPart));
}

/** The first rule the password breaks, or null when it is acceptable. Lengths count Unicode code points. */
export function findPasswordWeakness(
  password: string,
  context: PasswordContext = {},
): PasswordWeakness | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  const key = comparable(password);
  if (isRepetitive([...key])) return 'repetitive';
  const passwordCores = cores(key);
  if (matchesEmail(passwordCores, context.email)) return 'matches_email';
  const list = commonPasswordList();
  if ([...passwordCores].some((core) => list.has(core))) return 'common_password';
  if (isSequential(key)) return 'sequential';
  return null;
}

/** Throws `weak_password` on field `password`, naming the rule that failed; returns nothing otherwise. */
export function assertAcceptablePassword(password: string, context: PasswordContext = {}): void {
  const weakness = findPasswordWeakness(password, context);
  if (weakness) throw new DomainRuleViolation('weak_password', MESSAGES[weakness], 'password');
}

export function passwordWeaknessMessage(weakness: PasswordWeakness): string {
  return MESSAGES[weakness];
}
