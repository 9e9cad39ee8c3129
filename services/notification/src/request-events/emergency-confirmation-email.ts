import type { EmergencyConfirmationRequestedV1 } from '@lers/contracts';
import type { RenderedEmail } from '../email/templates/rendered-email';

/**
 * To the supervisor named in the officer's access application: staff will not act on the emergency
 * until they confirm it, so a stolen police account cannot push through a fake one on its own.
 */
export function emergencyConfirmationRequest(
  event: EmergencyConfirmationRequestedV1,
  publicBaseUrl: string,
): RenderedEmail {
  return {
    to: event.supervisor.email,
    subject: `LERS: confirm the emergency request ${event.caseNumber}`,
    text: [
      `Dear ${event.supervisor.fullName},`,
      '',
      `${event.officerName} (${event.agencyName}) declared an emergency on case ${event.caseNumber} and`,
      'named you as their supervisor. The exchange will not act on it until you confirm it.',
      '',
      'Stated threat:',
      event.threat,
      '',
      'To confirm, send the code below:',
      `POST ${publicBaseUrl}/v1/emergency-confirmations {"token": "${event.confirmationToken}"}`,
      '',
      `Confirmation code: ${event.confirmationToken}`,
      `It works once and expires at ${event.expiresAt}.`,
      '',
      'If you do not recognise this request, do not confirm it and contact the exchange at once:',
      "the officer's account may have been stolen.",
    ].join('\n'),
  };
}
