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
