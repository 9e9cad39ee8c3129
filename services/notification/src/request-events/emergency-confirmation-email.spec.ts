import type { EmergencyConfirmationRequestedV1 } from '@lers/contracts';
import { emergencyConfirmationRequest } from './emergency-confirmation-email';

describe('emergencyConfirmationRequest', () => {
  const event: EmergencyConfirmationRequestedV1 = {
    requestId: 'req-1',
    caseNumber: 'LERS-2026-000123',
    supervisor: { fullName: 'Sam Supervisor', email: 'sam@met.police.uk' },
    officerName: 'Alex Officer',
    agencyName: 'Metropolitan Police Service',
    threat: 'A kidnapped child is held for ransom paid in bitcoin.',
    confirmationToken: 'c'.repeat(43),
    expiresAt: '2026-03-02T10:00:00.000Z',
  };
  const email = emergencyConfirmationRequest(event, 'https://lers.example');

  it('goes to the supervisor about the case', () => {
    expect(email.to).toBe('sam@met.police.uk');
    expect(email.subject).toBe('LERS: confirm the emergency request LERS-2026-000123');
  });

  it('says who declared it, on which case, and the stated threat', () => {
    expect(email.text).toContain(
      'Alex Officer (Metropolitan Police Service) declared an emergency on case LERS-2026-000123',
    );
    expect(email.text).toContain('\nA kidnapped child is held for ransom paid in bitcoin.\n');
  });

  it('gives the code, the exact request that confirms it and its expiry', () => {
    expect(email.text).toContain(`\nConfirmation code: ${'c'.repeat(43)}\n`);
    expect(email.text).toContain(
      `POST https://lers.example/v1/emergency-confirmations {"token": "${'c'.repeat(43)}"}`,
    );
    expect(email.text).toContain('expires at 2026-03-02T10:00:00.000Z');
  });

  it('tells a supervisor who does not recognise it to contact the exchange at once', () => {
    expect(email.text).toMatch(/do not recognise this request.*contact the exchange at once/s);
    expect(email.text).toContain('account may have been stolen');
  });
});
