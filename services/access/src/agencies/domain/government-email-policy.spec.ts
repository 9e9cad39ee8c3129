import {
  classifyOfficerEmail,
  isFreeMailDomain,
  isHostname,
  loadFreeMailDomains,
  loadGovernmentDomainSuffixes,
  normaliseDomain,
  OfficerEmailPolicyOptions,
  SHIPPED_FREE_MAIL_DOMAINS,
  SHIPPED_GOVERNMENT_SUFFIXES,
} from './government-email-policy';
import { violationOf } from '@lers/domain';

const none: OfficerEmailPolicyOptions = { verifiedAgencyDomains: [] };

describe('classifyOfficerEmail', () => {
  describe('shipped government suffixes', () => {
    it.each([
      ['agent@fbi.gov', 'gov', 'US'],
      ['sailor@navy.mil', 'mil', 'US'],
      ['trooper@state.ny.us', 'state.ny.us', 'US'],
      ['officer@met.police.uk', 'police.uk', 'GB'],
      ['officer@police.uk', 'police.uk', 'GB'],
      ['analyst@nca.gov.uk', 'gov.uk', 'GB'],
      ['enqueteur@interieur.gouv.fr', 'gouv.fr', 'FR'],
      ['gendarme@gendarmerie.interieur.gouv.fr', 'gouv.fr', 'FR'],
      ['ermittler@bka.bund.de', 'bund.de', 'DE'],
      ['ermittler@bka.de', 'bka.de', 'DE'],
      ['kommissar@polizei.nrw.de', 'polizei.nrw.de', 'DE'],
      ['analyst@europol.europa.eu', 'europol.europa.eu', 'INT'],
      ['prosecutor@eurojust.europa.eu', 'eurojust.europa.eu', 'INT'],
      ['liaison@interpol.int', 'interpol.int', 'INT'],
      ['keisatsu@npa.go.jp', 'go.jp', 'JP'],
      ['io@spf.gov.sg', 'gov.sg', 'SG'],
      ['constable@rcmp-grc.gc.ca', 'gc.ca', 'CA'],
      ['agent@afp.gov.au', 'gov.au', 'AU'],
      ['detective@police.govt.nz', 'govt.nz', 'NZ'],
      ['agente@fgr.gob.mx', 'gob.mx', 'MX'],
      ['delegado@pf.gov.br', 'gov.br', 'BR'],
      ['officer@cbi.gov.in', 'gov.in', 'IN'],
      ['ermittler@fedpol.admin.ch', 'admin.ch', 'CH'],
      ['rechercheur@politie.nl', 'politie.nl', 'NL'],
      ['ambtenaar@overheid.nl', 'overheid.nl', 'NL'],
      ['ambtenaar@minbzk.rijksoverheid.nl', 'rijksoverheid.nl', 'NL'],
      ['officer@dubaipolice.gov.ae', 'gov.ae', 'AE'],
    ])('%s is government via %s (%s)', (email, matchedSuffix, country) => {
      expect(classifyOfficerEmail(email, none)).toEqual({
        verdict: 'government',
        domain: email.split('@')[1],
        matchedSuffix,
        source: 'government_suffix',
        country,
      });
    });

    it('is case-insensitive, trims spaces and drops a trailing root dot', () => {
      expect(classifyOfficerEmail('  Agent.Smith@FBI.GOV.  ', none)).toMatchObject({
        verdict: 'government',
        domain: 'fbi.gov',
        matchedSuffix: 'gov',
      });
    });

    it.each([
      'x@evilgov.com',
      'x@gov.com',
      'x@fbi.gov.evil.com',
      'x@police.uk.evil.com',
      'x@notpolice.uk',
      'x@mygouv.fr',
      'x@bund.de.example.org',
      'x@europa.eu',
      'x@ec.europa.eu',
      'x@nhs.uk',
      'x@nhs.net',
      'x@example.com',
    ])('%s is not government: matching is on whole labels, at the end', (email) => {
      expect(classifyOfficerEmail(email, none)).toEqual({
        verdict: 'not_government',
        domain: email.slice(2),
      });
    });
  });

  describe('free-mail providers', () => {
    it.each([
      'someone@gmail.com',
      'someone@GoogleMail.com',
      'someone@outlook.com',
      'someone@hotmail.com',
      'someone@hotmail.co.uk',
      'someone@hotmail.fr',
      'someone@live.com',
      'someone@yahoo.com',
      'someone@yahoo.co.jp',
      'someone@mail.yahoo.com',
      'someone@proton.me',
      'someone@protonmail.com',
      'someone@icloud.com',
      'someone@me.com',
      'someone@aol.com',
      'someone@gmx.de',
      'someone@gmx.net',
      'someone@web.de',
      'someone@mail.ru',
      'someone@yandex.ru',
      'someone@yandex.com.tr',
      'someone@qq.com',
      'someone@163.com',
      'someone@tutanota.com',
      'someone@zoho.com',
      'someone@mail.com',
    ])('%s is free mail', (email) => {
      expect(classifyOfficerEmail(email, none)).toEqual({
        verdict: 'free_mail',
        domain: email.split('@')[1].toLowerCase(),
      });
    });

    it('stays free mail even when staff listed it as an agency domain or suffix', () => {
      const options = { verifiedAgencyDomains: ['gmail.com', 'hotmail.co.uk'], extraSuffixes: ['gmail.com'] };
      expect(classifyOfficerEmail('chief@gmail.com', options).verdict).toBe('free_mail');
      expect(classifyOfficerEmail('chief@hotmail.co.uk', options).verdict).toBe('free_mail');
    });

    it('a brand.* entry covers registries, not arbitrary domains under the brand', () => {
      expect(classifyOfficerEmail('x@hotmail.evil.org', none).verdict).toBe('not_government');
      expect(classifyOfficerEmail('x@gmail.com.evil.org', none).verdict).toBe('not_government');
      expect(classifyOfficerEmail('x@yahoo.gov.uk', none)).toMatchObject({
        verdict: 'government',
        matchedSuffix: 'gov.uk',
      });
    });
  });

  describe('verified agency domains', () => {
    const nypd: OfficerEmailPolicyOptions = { verifiedAgencyDomains: ['nypd.org'] };

    it('matches the exact domain and its subdomains, without a country', () => {
      expect(classifyOfficerEmail('det@nypd.org', nypd)).toEqual({
        verdict: 'government',
        domain: 'nypd.org',
        matchedSuffix: 'nypd.org',
        source: 'verified_agency_domain',
      });
      expect(classifyOfficerEmail('det@intel.nypd.org', nypd)).toMatchObject({
        verdict: 'government',
        matchedSuffix: 'nypd.org',
      });
    });

    it('does not match look-alikes', () => {
      expect(classifyOfficerEmail('det@notnypd.org', nypd).verdict).toBe('not_government');
      expect(classifyOfficerEmail('det@nypd.org.evil.com', nypd).verdict).toBe('not_government');
    });

    it('tolerates how staff typed the domain', () => {
      for (const entry of ['@NYPD.org', '*.nypd.org', 'nypd.org.', '  nypd.org ']) {
        expect(classifyOfficerEmail('det@nypd.org', { verifiedAgencyDomains: [entry] }).verdict).toBe(
          'government',
        );
      }
    });

    it('ignores entries that are not domains instead of failing every classification', () => {
      const broken = { verifiedAgencyDomains: ['', 'org', 'not a domain', 'nypd..org'] };
      expect(classifyOfficerEmail('det@nypd.org', broken).verdict).toBe('not_government');
    });

    it('prefers the most specific match and keeps the country of the shipped suffix', () => {
      expect(classifyOfficerEmail('agent@cyber.fbi.gov', { verifiedAgencyDomains: ['fbi.gov'] })).toEqual({
        verdict: 'government',
        domain: 'cyber.fbi.gov',
        matchedSuffix: 'fbi.gov',
        source: 'verified_agency_domain',
        country: 'US',
      });
    });

    it('prefers the verified agency domain over a shipped suffix of the same length', () => {
      expect(classifyOfficerEmail('x@police.uk', { verifiedAgencyDomains: ['police.uk'] })).toMatchObject({
        source: 'verified_agency_domain',
        country: 'GB',
      });
    });
  });

  describe('extra suffixes', () => {
    it('adds configured public-sector suffixes, single labels included', () => {
      const options = { verifiedAgencyDomains: [], extraSuffixes: ['police.example', 'gendarmerie'] };
      expect(classifyOfficerEmail('x@city.police.example', options)).toEqual({
        verdict: 'government',
        domain: 'city.police.example',
        matchedSuffix: 'police.example',
        source: 'government_suffix',
      });
      expect(classifyOfficerEmail('x@paris.gendarmerie', options).verdict).toBe('government');
      expect(classifyOfficerEmail('x@police.example.com', options).verdict).toBe('not_government');
    });
  });

  describe('malformed addresses', () => {
    it.each([
      ['', 'has no @'],
      ['officer.fbi.gov', 'has no @'],
      ['@fbi.gov', 'before the @'],
      ['a@@fbi.gov', 'before the @'],
      ['a b@fbi.gov', 'before the @'],
      ['a..b@fbi.gov', 'before the @'],
      ['.a@fbi.gov', 'before the @'],
      ['a.@fbi.gov', 'before the @'],
      ['"quoted"@fbi.gov', 'before the @'],
      ['jürgen@bka.de', 'before the @'],
      [`${'a'.repeat(65)}@fbi.gov`, 'before the @'],
      ['a@', 'invalid domain'],
      ['a@gov', 'invalid domain'],
      ['a@fbi..gov', 'invalid domain'],
      ['a@fbi.gov..', 'invalid domain'],
      ['a@-fbi.gov', 'invalid domain'],
      ['a@fbi-.gov', 'invalid domain'],
      ['a@fbi_.gov', 'invalid domain'],
      ['a@10.0.0.1', 'invalid domain'],
      ['a@[10.0.0.1]', 'invalid domain'],
      ['a@fbı.gov', 'invalid domain'],
      ['a@fbi.gov/x', 'invalid domain'],
      [`a@${'b'.repeat(64)}.gov`, 'invalid domain'],
      [`a@${'b.'.repeat(127)}gov`, 'too long'],
    ])('%p is refused (%s)', (email, reason) => {
      const violation = violationOf(() => classifyOfficerEmail(email, none));
      expect(violation.code).toBe('invalid_email');
      expect(violation.field).toBe('officer.email');
      expect(violation.message).toContain(reason);
    });

    it.each(['first.last+lers@fbi.gov', "o'brien@garda.ie", 'a_b-c@police.uk', `${'a'.repeat(64)}@fbi.gov`])(
      'accepts the legal address %p',
      (email) => {
        expect(classifyOfficerEmail(email, none).verdict).toBe('government');
      },
    );
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['  @Police.UK ', 'police.uk'],
    ['*.FBI.gov.', 'fbi.gov'],
    ['nypd.org', 'nypd.org'],
    ['polizei-berlin.de', 'polizei-berlin.de'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
  ])('cleans %p into %p', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    '',
    '@',
    '*.',
    'localhost',
    'fbi',
    'http://fbi.gov',
    'fbi.gov/path',
    'agent@fbi.gov',
    '@@fbi.gov',
    '*.*.fbi.gov',
    '10.0.0.1',
    'fbi..gov',
    '-fbi.gov',
    'münchen.de',
    'fbi gov',
  ])('refuses %p as not a domain', (input) => {
    const violation = violationOf(() => normaliseDomain(input));
    expect(violation).toMatchObject({ code: 'invalid_domain', field: 'domain' });
  });

  it.each(['co.uk', 'com.au', 'gov.uk', 'org.br', 'ac.jp', 'go.jp'])(
    'refuses the registry-wide suffix %p as an agency domain',
    (input) => {
      expect(violationOf(() => normaliseDomain(input))).toMatchObject({
        code: 'invalid_domain',
        field: 'domain',
      });
    },
  );

  it.each(['gmail.com', '@Hotmail.co.uk', 'mail.yahoo.com', '*.proton.me', 'GMX.at'])(
    'refuses the free-mail domain %p',
    (input) => {
      const violation = violationOf(() => normaliseDomain(input));
      expect(violation).toMatchObject({ code: 'free_mail_domain', field: 'domain' });
      expect(violation.message).toContain('free e-mail provider');
    },
  );
});

describe('isFreeMailDomain', () => {
  it('matches exact entries, their subdomains and brands under a registry', () => {
    expect(isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('GMAIL.COM.')).toBe(true);
    expect(isFreeMailDomain('inbox.gmail.com')).toBe(true);
    expect(isFreeMailDomain('yahoo.com.br')).toBe(true);
    expect(isFreeMailDomain('outlook.de')).toBe(true);
    expect(isFreeMailDomain('fbi.gov')).toBe(false);
    expect(isFreeMailDomain('yahoo.police.uk')).toBe(false);
    expect(isFreeMailDomain('mygmail.com')).toBe(false);
  });

  it('uses the list it is given', () => {
    const list = loadFreeMailDomains(['example.net', 'brand.*']);
    expect(isFreeMailDomain('example.net', list)).toBe(true);
    expect(isFreeMailDomain('brand.co.uk', list)).toBe(true);
    expect(isFreeMailDomain('gmail.com', list)).toBe(false);
  });
});

describe('isHostname', () => {
  it('requires LDH labels of at most 63 characters, 253 in all, and a non-numeric last label', () => {
    expect(isHostname('fbi.gov')).toBe(true);
    expect(isHostname('gov')).toBe(false);
    expect(isHostname('gov', 1)).toBe(true);
    expect(isHostname(`${'a'.repeat(63)}.gov`)).toBe(true);
    expect(isHostname(`${'a'.repeat(64)}.gov`)).toBe(false);
    expect(isHostname(`${'a.'.repeat(125)}gov`)).toBe(true);
    expect(isHostname(`${'a.'.repeat(126)}gov`)).toBe(false);
    expect(isHostname('1.2.3.4')).toBe(false);
    expect(isHostname('123.example')).toBe(true);
    expect(isHostname('FBI.gov')).toBe(false);
    expect(isHostname('')).toBe(false);
  });
});

describe('shipped data', () => {
  it('lists the suffixes law-enforcement requests come from', () => {
    const expected: Record<string, string> = {
      gov: 'US',
      mil: 'US',
      'police.uk': 'GB',
      'gov.uk': 'GB',
      'gouv.fr': 'FR',
      'bund.de': 'DE',
      'polizei.de': 'DE',
      'bka.de': 'DE',
      'europol.europa.eu': 'INT',
      'eurojust.europa.eu': 'INT',
      'interpol.int': 'INT',
      'go.jp': 'JP',
      'gov.sg': 'SG',
      'gc.ca': 'CA',
      'gov.au': 'AU',
      'govt.nz': 'NZ',
      'gob.mx': 'MX',
      'gov.br': 'BR',
      'gov.in': 'IN',
      'admin.ch': 'CH',
      'politie.nl': 'NL',
      'overheid.nl': 'NL',
      'rijksoverheid.nl': 'NL',
    };
    for (const [suffix, country] of Object.entries(expected)) {
      expect([suffix, SHIPPED_GOVERNMENT_SUFFIXES.get(suffix)]).toEqual([suffix, country]);
    }
  });

  it('leaves out health services and suffixes another entry already covers', () => {
    const suffixes = [...SHIPPED_GOVERNMENT_SUFFIXES.keys()];
    expect(suffixes.filter((suffix) => suffix.split('.').includes('nhs'))).toEqual([]);
    const redundant = suffixes.filter((suffix) =>
      suffixes.some((other) => other !== suffix && suffix.endsWith(`.${other}`)),
    );
    expect(redundant).toEqual([]);
  });

  it('never lists a free-mail domain as government', () => {
    expect([...SHIPPED_GOVERNMENT_SUFFIXES.keys()].filter((suffix) => isFreeMailDomain(suffix))).toEqual([]);
  });

  it('lists the common free-mail providers', () => {
    for (const domain of [
      'gmail.com',
      'googlemail.com',
      'outlook.com',
      'hotmail.it',
      'live.com',
      'yahoo.fr',
    ]) {
      expect([domain, isFreeMailDomain(domain)]).toEqual([domain, true]);
    }
    for (const domain of [
      'proton.me',
      'protonmail.com',
      'icloud.com',
      'me.com',
      'aol.com',
      'gmx.ch',
      'web.de',
    ]) {
      expect([domain, isFreeMailDomain(domain)]).toEqual([domain, true]);
    }
    for (const domain of [
      'mail.ru',
      'yandex.kz',
      'qq.com',
      '163.com',
      'tutanota.com',
      'zoho.com',
      'mail.com',
    ]) {
      expect([domain, isFreeMailDomain(domain)]).toEqual([domain, true]);
    }
    expect(SHIPPED_FREE_MAIL_DOMAINS.exact.length + SHIPPED_FREE_MAIL_DOMAINS.brands.length).toBeGreaterThan(
      100,
    );
  });
});

describe('loadGovernmentDomainSuffixes', () => {
  it('maps each suffix to its country', () => {
    const suffixes = loadGovernmentDomainSuffixes({ XX: ['gov.xx', 'police.xx'], INT: ['agency.int'] });
    expect([...suffixes.entries()]).toEqual([
      ['gov.xx', 'XX'],
      ['police.xx', 'XX'],
      ['agency.int', 'INT'],
    ]);
  });

  it.each([
    [[], 'must be an object keyed by country'],
    [{ USA: ['gov'] }, 'USA: not an ISO 3166-1 alpha-2 code nor INT'],
    [{ XX: 'gov.xx' }, 'XX: must be a list of suffixes'],
    [{ XX: ['Gov.xx'] }, 'XX[0] "Gov.xx": must be a lower-case domain suffix'],
    [{ XX: ['gov..xx'] }, 'XX[0]'],
    [{ XX: [42] }, 'XX[0] 42'],
    [{ XX: ['gov.xx'], YY: ['gov.xx'] }, 'YY[0] "gov.xx": already listed under XX'],
  ])('refuses %j (%s)', (json, problem) => {
    const violation = violationOf(() => loadGovernmentDomainSuffixes(json));
    expect(violation.code).toBe('invalid_government_suffixes');
    expect(violation.message).toContain(problem);
  });
});

describe('loadFreeMailDomains', () => {
  it('separates exact domains from brand.* entries', () => {
    expect(loadFreeMailDomains(['gmail.com', 'yahoo.*'])).toEqual({
      exact: ['gmail.com'],
      brands: ['yahoo'],
    });
  });

  it.each([
    [{}, 'must be a list'],
    [['Gmail.com'], 'must be a lower-case domain'],
    [[' gmail.com'], 'must be a lower-case domain'],
    [[7], 'must be a lower-case domain'],
    [['gmail'], 'is neither a domain nor brand.*'],
    [['*.gmail.com'], 'is neither a domain nor brand.*'],
    [['ya.hoo.*'], 'is neither a domain nor brand.*'],
    [['gmail.com', 'gmail.com'], 'gmail.com: listed twice'],
    [['yahoo.*', 'yahoo.*'], 'yahoo.*: listed twice'],
  ])('refuses %j (%s)', (json, problem) => {
    const violation = violationOf(() => loadFreeMailDomains(json));
    expect(violation.code).toBe('invalid_free_mail_domains');
    expect(violation.message).toContain(problem);
  });
});
