import { DomainRuleViolation } from '@lers/domain';
import shippedFreeMailDomains from './free-mail-domains.json';
import shippedGovernmentSuffixes from './government-domain-suffixes.json';

export type OfficerEmailClassification =
  | {
      verdict: 'government';
      domain: string;
      /** The longest government suffix or verified agency domain the address falls under. */
      matchedSuffix: string;
      source: 'government_suffix' | 'verified_agency_domain';
      /** ISO alpha-2 code, or `INT` for an international organisation, when a shipped suffix matched. */
      country?: string;
    }
  | { verdict: 'free_mail'; domain: string }
  | { verdict: 'not_government'; domain: string };

export interface OfficerEmailPolicyOptions {
  /** Domains of agencies that staff have verified; their subdomains count too. */
  verifiedAgencyDomains: readonly string[];
  /** Public-sector suffixes configured on top of the shipped list. */
  extraSuffixes?: readonly string[];
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Dot-atom local parts only: quoted strings and comments are legal in RFC 5322 but no agency issues them.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
// What may follow a `brand.*` free-mail entry: a top-level domain, optionally behind a generic
// second level (hotmail.co.uk, yahoo.com.br, yandex.com.tr), but never gov.uk and the like.
const REGISTRY_TAIL = /^(?:(?:com|co|net|org|ne|or)\.)?[a-z]{2,63}$/;
// Registry-wide second levels: an "agency domain" like co.uk would admit everybody under it.
const SHARED_SECOND_LEVEL = /^(?:ac|co|com|edu|gob|go|gov|govt|mil|ne|net|or|org)\.[a-z]{2}$/;
const MAX_DOMAIN_LENGTH = 253;
const MAX_LOCAL_PART_LENGTH = 64;
const MAX_EMAIL_LENGTH = 254;

/** Whether `domain` (lower case, no trailing dot) is a syntactically valid ASCII host name. */
export function isHostname(domain: string, minLabels = 2): boolean {
  if (domain.length === 0 || domain.length > MAX_DOMAIN_LENGTH) return false;
  const labels = domain.split('.');
  // An all-numeric last label would make 10.0.0.1 a "domain".
  return (
    labels.length >= minLabels && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels.at(-1)!)
  );
}

function isUnder(domain: string, suffix: string): boolean {
  return domain === suffix || domain.endsWith(`.${suffix}`);
}

/** Lower case, trimmed, without a trailing root dot. */
function canonical(domain: string): string {
  const lower = domain.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of free-mail domains: exact domains (`gmail.com`) or brands under any registry (`yahoo.*`). */
export interface FreeMailDomains {
  readonly exact: readonly string[];
  readonly brands: readonly string[];
}

export function loadFreeMailDomains(json: unknown): FreeMailDomains {
  if (!Array.isArray(json)) {
    throw new DomainRuleViolation('invalid_free_mail_domains', 'Free-mail domains must be a list.');
  }
  const exact: string[] = [];
  const brands: string[] = [];
  const problems: string[] = [];
  json.forEach((entry: unknown, index) => {
    const where = `[${index}] ${JSON.stringify(entry)}`;
    if (typeof entry !== 'string' || entry !== canonical(entry)) {
      problems.push(`${where}: must be a lower-case domain`);
    } else if (entry.endsWith('.*') && LABEL.test(entry.slice(0, -2))) {
      brands.push(entry.slice(0, -2));
    } else if (isHostname(entry)) {
      exact.push(entry);
    } else {
      problems.push(`${where}: is neither a domain nor brand.*`);
    }
  });
  const all = [...exact, ...brands.map((brand) => `${brand}.*`)];
  for (const duplicate of all.filter((entry, index) => all.indexOf(entry) !== index)) {
    problems.push(`${duplicate}: listed twice`);
  }
  if (problems.length > 0) {
    throw new DomainRuleViolation(
      'invalid_free_mail_domains',
      `Invalid free-mail domains:\n  - ${problems.join('\n  - ')}`,
    );
  }
  return { exact, brands };
}

/** Public-sector suffixes keyed by suffix, each with its ISO alpha-2 country or `INT`. */
export type GovernmentDomainSuffixes = ReadonlyMap<string, string>;

export function loadGovernmentDomainSuffixes(json: unknown): GovernmentDomainSuffixes {
  if (!isRecord(json)) {
    throw new DomainRuleViolation(
      'invalid_government_suffixes',
      'Government suffixes must be an object keyed by country.',
    );
  }
  const suffixes = new Map<string, string>();
  const problems: string[] = [];
  for (const [country, list] of Object.entries(json)) {
    if (!/^(?:[A-Z]{2}|INT)$/.test(country))
      problems.push(`${country}: not an ISO 3166-1 alpha-2 code nor INT`);
    if (!Array.isArray(list)) {
      problems.push(`${country}: must be a list of suffixes`);
      continue;
    }
    list.forEach((suffix: unknown, index) => {
      const where = `${country}[${index}] ${JSON.stringify(suffix)}`;
      if (typeof suffix !== 'string' || suffix !== canonical(suffix) || !isHostname(suffix, 1)) {
        problems.push(`${where}: must be a lower-case domain suffix`);
      } else if (suffixes.has(suffix)) {
        problems.push(`${where}: already listed under ${suffixes.get(suffix)}`);
      } else {
        suffixes.set(suffix, country);
      }
    });
  }
  if (problems.length > 0) {
    throw new DomainRuleViolation(
      'invalid_government_suffixes',
      `Invalid government suffixes:\n  - ${problems.join('\n  - ')}`,
    );
  }
  return suffixes;
}

/** The lists shipped beside this module, validated once when it loads. */
export const SHIPPED_FREE_MAIL_DOMAINS: FreeMailDomains = loadFreeMailDomains(shippedFreeMailDomains);
export const SHIPPED_GOVERNMENT_SUFFIXES: GovernmentDomainSuffixes =
  loadGovernmentDomainSuffixes(shippedGovernmentSuffixes);

/** Whether `domain` belongs to a free-mail provider; subdomains of a provider count as the provider. */
export function isFreeMailDomain(
  domain: string,
  freeMail: FreeMailDomains = SHIPPED_FREE_MAIL_DOMAINS,
): boolean {
  const host = canonical(domain);
  if (freeMail.exact.some((entry) => isUnder(host, entry))) return true;
  const labels = host.split('.');
  return labels.some(
    (label, index) =>
      freeMail.brands.includes(label) && REGISTRY_TAIL.test(labels.slice(index + 1).join('.')),
  );
}

function invalidEmail(reason: string): DomainRuleViolation {
  return new DomainRuleViolation('invalid_email', `The officer's e-mail address ${reason}.`, 'officer.email');
}

function domainOfEmail(email: string): string {
  const address = email.trim();
  if (address.length > MAX_EMAIL_LENGTH) throw invalidEmail('is too long');
  const at = address.lastIndexOf('@');
  if (at < 0) throw invalidEmail('has no @');
  const localPart = address.slice(0, at);
  if (localPart.length === 0 || localPart.length > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.test(localPart)) {
    throw invalidEmail('has an invalid part before the @');
  }
  const domain = canonical(address.slice(at + 1));
  if (!isHostname(domain)) throw invalidEmail('has an invalid domain');
  return domain;
}

interface Candidate {
  suffix: string;
  source: 'government_suffix' | 'verified_agency_domain';
}

/** Staff-maintained lists are compared leniently: an entry that is not a host name simply never matches. */
function candidates(
  list: readonly string[] | undefined,
  source: Candidate['source'],
  minLabels: number,
): Candidate[] {
  return (list ?? [])
    .map((entry) => canonical(entry).replace(/^(?:@|\*\.)/, ''))
    .filter((entry) => isHostname(entry, minLabels))
    .map((suffix) => ({ suffix, source }));
}

/**
 * Decides whether an officer's address is a government one. Matching is on whole DNS labels
 * (`evilgov.com` is not under `gov`, `police.uk.evil.com` is not under `police.uk`). Free-mail
 * providers are refused first, even when staff listed one as an agency domain: anyone can open a
 * mailbox there, so it proves nothing about the officer.
 */
export function classifyOfficerEmail(
  email: string,
  options: OfficerEmailPolicyOptions,
  governmentSuffixes: GovernmentDomainSuffixes = SHIPPED_GOVERNMENT_SUFFIXES,
  freeMail: FreeMailDomains = SHIPPED_FREE_MAIL_DOMAINS,
): OfficerEmailClassification {
  const domain = domainOfEmail(email);
  if (isFreeMailDomain(domain, freeMail)) return { verdict: 'free_mail', domain };

  const shipped: Candidate[] = [...governmentSuffixes.keys()].map((suffix) => ({
    suffix,
    source: 'government_suffix',
  }));
  const matches = [
    ...candidates(options.verifiedAgencyDomains, 'verified_agency_domain', 2),
    ...shipped,
    ...candidates(options.extraSuffixes, 'government_suffix', 1),
  ].filter((candidate) => isUnder(domain, candidate.suffix));
  if (matches.length === 0) return { verdict: 'not_government', domain };

  // The most specific match wins; on a tie the verified agency domain, listed first, is kept.
  const best = matches.reduce((longest, match) =>
    match.suffix.length > longest.suffix.length ? match : longest,
  );
  const country = [...governmentSuffixes.entries()]
    .filter(([suffix]) => isUnder(domain, suffix))
    .sort(([a], [b]) => b.length - a.length)[0]?.[1];
  return {
    verdict: 'government',
    domain,
    matchedSuffix: best.suffix,
    source: best.source,
    ...(country ? { country } : {}),
  };
}

/**
 * Cleans a domain typed by staff (`@Police.UK`, `*.fbi.gov.`) into `police.uk` / `fbi.gov`.
 * Refuses anything that is not a host name, registry-wide suffixes such as `co.uk`, and free-mail domains.
 */
export function normaliseDomain(
  input: string,
  freeMail: FreeMailDomains = SHIPPED_FREE_MAIL_DOMAINS,
): string {
  const domain = canonical(input.trim().replace(/^(?:@|\*\.)/, ''));
  if (!isHostname(domain)) {
    throw new DomainRuleViolation(
      'invalid_domain',
      `${JSON.stringify(input)} is not a domain name.`,
      'domain',
    );
  }
  if (SHARED_SECOND_LEVEL.test(domain)) {
    throw new DomainRuleViolation(
      'invalid_domain',
      `${domain} is shared by a whole registry, not one agency's domain.`,
      'domain',
    );
  }
  if (isFreeMailDomain(domain, freeMail)) {
    throw new DomainRuleViolation(
      'free_mail_domain',
      `${domain} is a free e-mail provider; anyone can open an address there.`,
      'domain',
    );
  }
  return domain;
}
