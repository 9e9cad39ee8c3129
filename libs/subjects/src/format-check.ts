/** What one format rule says about a value: its canonical form, or why it is refused. */
export type FormatCheck = { ok: true; canonical: string } | { ok: false; message: string };

export const accepted = (canonical: string): FormatCheck => ({ ok: true, canonical });
export const refused = (message: string): FormatCheck => ({ ok: false, message });
