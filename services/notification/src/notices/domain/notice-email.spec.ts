import { countryName, userNoticeEmail } from './notice-email';

describe('userNoticeEmail', () => {
  const email = userNoticeEmail({
    to: 'jo@example.com',
    agencyName: 'Metropolitan Police Service',
    agencyCountry: 'GB',
    dataRequested: ['kyc', 'transactions', 'login_ip_history', 'kyc'],
    exchangeName: 'Example Exchange',
    contact: 'privacy@example.exchange',
  });

  it('goes to the user under a plain subject', () => {
    expect(email.to).toBe('jo@example.com');
    expect(email.subject).toBe('Example Exchange: a request for your account information');
  });

  it('names the agency and its country', () => {
    expect(email.text).toContain('Metropolitan Police Service, an authority in United Kingdom, has made');
  });

  it('lists each requested category once, in plain words', () => {
    expect(email.text).toContain(
      [
        'The information requested:',
        '- the identity documents and checks you gave us',
        '- your trades and transfers',
        '- the times and network (IP) addresses of your logins',
        '',
      ].join('\n'),
    );
  });

  it('says disclosure will follow and how to contact the exchange', () => {
    expect(email.text).toContain('We will give this information to the authority\nafter this notice.');
    expect(email.text).toContain('contact us at privacy@example.exchange.');
    expect(email.text.endsWith('\nExample Exchange')).toBe(true);
  });

  it('words every data category', () => {
    const all = userNoticeEmail({
      to: 'a@b.example',
      agencyName: 'A',
      agencyCountry: 'DE',
      dataRequested: ['subscriber_info', 'deposits_withdrawals', 'devices', 'balances'],
      exchangeName: 'X',
      contact: 'c',
    }).text;
    for (const words of [
      'your account details (name, contact details, account dates)',
      'your deposits and withdrawals',
      'the devices you used',
      'your balances',
    ])
      expect(all).toContain(`- ${words}\n`);
  });
});

describe('countryName', () => {
  it('names a country from its ISO code, whatever the case', () => {
    expect(countryName('de')).toBe('Germany');
    expect(countryName('US')).toBe('United States');
  });

  it('shows a code it cannot name as given', () => {
    expect(countryName('1x')).toBe('1x');
  });
});
