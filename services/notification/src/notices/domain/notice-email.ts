import type { DataCategory } from '@lers/contracts';
import type { RenderedEmail } from '../../email/templates/rendered-email';

const CATEGORY_WORDS: Record<DataCategory, string> = {
  subscriber_info: 'your account details (name, contact details, account dates)',
  kyc: 'the identity documents and checks you gave us',
  transactions: 'your trades and transfers',
  deposits_withdrawals: 'your deposits and withdrawals',
  login_ip_history: 'the times and network (IP) addresses of your logins',
  devices: 'the devices you used',
  balances: 'your balances',
};

export interface UserNoticeFacts {
  to: string;
  agencyName: string;
  agencyCountry: string;
  dataRequested: readonly DataCategory[];
  exchangeName: string;
  contact: string;
}

/** "GB" → "United Kingdom"; an unknown code is shown as given. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * The notice to an exchange user before their data is disclosed. Built only from what the user
 * may know — who asked, from which country, which kinds of data — so nothing confidential about
 * the investigation (its facts, the officer, case references, internal ids) can reach it.
 */
export function userNoticeEmail(facts: UserNoticeFacts): RenderedEmail {
  const categories = [...new Set(facts.dataRequested)].map((category) => `- ${CATEGORY_WORDS[category]}`);
  return {
    to: facts.to,
    subject: `${facts.exchangeName}: a request for your account information`,
    text: [
      'Hello,',
      '',
      `${facts.agencyName}, an authority in ${countryName(facts.agencyCountry)}, has made a formal legal`,
      `request to ${facts.exchangeName} for information about your account.`,
      '',
      'The information requested:',
      ...categories,
      '',
      'We checked the request and found it lawful. We will give this information to the authority',
      'after this notice. We are telling you first so that you can seek legal advice or raise an',
      'objection with the authority if you wish.',
      '',
      `If you have questions, contact us at ${facts.contact}. We cannot share more about the`,
      'investigation itself.',
      '',
      facts.exchangeName,
    ].join('\n'),
  };
}
