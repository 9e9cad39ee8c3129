import type {
  AccessApplicationApprovedV1,
  AccessApplicationRejectedV1,
  StaffInvitedV1,
} from '@lers/contracts';
import type { RenderedEmail } from './rendered-email';

export function officerActivation(event: AccessApplicationApprovedV1, publicBaseUrl: string): RenderedEmail {
  return {
    to: event.email,
    subject: 'LERS: your access was approved — activate your account',
    text: [
      `Dear ${event.fullName},`,
      '',
      `The application for ${event.agencyName} was approved. Activate your account: choose a password`,
      '(at least 12 characters) and set up an authenticator app for the 6-digit codes.',
      '',
      `${publicBaseUrl}/activate#token=${encodeURIComponent(event.activationToken)}`,
      '',
      `Activation code: ${event.activationToken}`,
      `It works once and expires at ${event.activationExpiresAt}.`,
    ].join('\n'),
  };
}

export function applicationRejected(event: AccessApplicationRejectedV1): RenderedEmail {
  return {
    to: event.email,
    subject: 'LERS: your application for access was not approved',
    text: [
      `Dear ${event.fullName},`,
      '',
      'Your application for access to the Law Enforcement Request System was not approved.',
      `Reason given by the reviewer: ${event.reason}`,
      '',
      'You may apply again with the missing information or documents.',
    ].join('\n'),
  };
}

export function staffInvitation(event: StaffInvitedV1, publicBaseUrl: string): RenderedEmail {
  return {
    to: event.email,
    subject: 'LERS: you were added as staff — activate your account',
    text: [
      `Dear ${event.fullName},`,
      '',
      'An administrator added you to the Law Enforcement Request System staff. Choose a password and',
      'set up an authenticator app (POST /internal/auth/activate, then /internal/auth/totp/confirm).',
      '',
      `${publicBaseUrl}/staff/activate#token=${encodeURIComponent(event.activationToken)}`,
      '',
      `Activation code: ${event.activationToken}`,
      `It works once and expires at ${event.activationExpiresAt}.`,
    ].join('\n'),
  };
}
