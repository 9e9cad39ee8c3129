import type { AccessApplicationSubmittedV1 } from '@lers/contracts';
import type { RenderedEmail } from './rendered-email';

export function emailVerification(event: AccessApplicationSubmittedV1, publicBaseUrl: string): RenderedEmail {
  const link = `${publicBaseUrl}/verify-email#token=${encodeURIComponent(event.verificationToken)}`;
  return {
    to: event.officer.email,
    subject: 'LERS: confirm your e-mail address',
    text: [
      `Dear ${event.officer.fullName},`,
      '',
      `We received an application for access to the Law Enforcement Request System on behalf of ${event.agency.name} (${event.agency.country}).`,
      'To confirm that this address is yours, open the link below, or send the code to POST /v1/access-applications/verify-email.',
      '',
      link,
      '',
      `Code: ${event.verificationToken}`,
      `It expires at ${event.verificationExpiresAt} and works once.`,
      '',
      'If you did not apply, ignore this e-mail: nothing happens without confirmation.',
    ].join('\n'),
  };
}
