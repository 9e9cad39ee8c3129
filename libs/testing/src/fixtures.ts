/** A minimal valid PDF, recognised by its magic bytes. */
export function samplePdf(extraBytes = 0): Buffer {
  const body = `%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n${'%'.repeat(extraBytes)}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export function samplePng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** An executable dressed as a PDF by name: its content says ELF. */
export function disguisedExecutable(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(256, 0)]);
}

let sequence = 0;
/** A fresh, valid access application form with a government e-mail unique to this call. */
export function accessApplicationForm(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  const tag = `${Date.now().toString(36)}${sequence}`;
  return {
    agency: { name: 'Metropolitan Police Service', country: 'GB', kind: 'police' },
    officer: {
      fullName: 'Alex Officer',
      title: 'Detective Sergeant',
      email: `alex.${tag}@met.police.uk`,
      phone: '+442079461000',
      badgeNumber: `MP-${tag}`,
    },
    supervisor: { fullName: 'Sam Supervisor', email: `sam.${tag}@met.police.uk` },
    declaration: true,
    ...overrides,
  };
}

/** A valid body for `POST /v1/requests` (a court order; pass `emergencyRequestForm()` for an emergency). */
export function informationRequestForm(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    processType: 'court_order',
    legalBasis: 'Section 9 and Schedule 1, Police and Criminal Evidence Act 1984',
    jurisdiction: { country: 'GB' },
    caseReference: `MPS-FRAUD-${Date.now().toString(36)}${sequence}`,
    offenseCategory: 'fraud',
    summary:
      'Investment fraud: victims paid into an exchange account that forwarded the funds to a mixer within hours.',
    subjects: [
      { type: 'email', value: 'suspect@example.com' },
      { type: 'wallet_address', chain: 'eth', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' },
    ],
    dataRequested: ['subscriber_info', 'transactions'],
    period: { from: '2025-01-01T00:00:00Z', to: '2025-06-30T23:59:59Z' },
    nonDisclosure: { ordered: false },
    ...overrides,
  };
}

/** An emergency request: a certified threat to life, submitted before its paperwork. */
export const emergencyRequestForm = (overrides: Record<string, unknown> = {}) =>
  informationRequestForm({
    processType: 'emergency',
    legalBasis: 'Emergency disclosure: imminent danger to life',
    offenseCategory: 'violent_crime',
    emergency: {
      threat: 'A kidnapped child is held; the ransom is demanded in bitcoin tonight.',
      certification: true,
    },
    ...overrides,
  });
