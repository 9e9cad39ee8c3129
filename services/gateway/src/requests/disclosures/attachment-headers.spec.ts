import type { DisclosureObject } from '@lers/contracts';
import { attachmentHeaders, safeFileName } from './attachment-headers';

describe('safeFileName', () => {
  it.each([
    ['package-2026_01.zip', 'package-2026_01.zip'],
    ['a "quoted"\r\nname.pdf', 'a _quoted___name.pdf'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['Ünïcødé.pdf', '_n_c_d_.pdf'],
    ['"";\\', 'disclosure'],
    ['', 'disclosure'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps at most 150 characters', () => {
    expect(safeFileName(`${'a'.repeat(200)}.pdf`)).toBe('a'.repeat(150));
  });
});

describe('attachmentHeaders', () => {
  const object: DisclosureObject = {
    bucket: 'lers-disclosures',
    objectKey: 'disclosures/x',
    versionId: null,
    fileName: 'evil"; filename=x.html',
    contentType: 'application/pdf',
    sha256: 'ab'.repeat(32),
    size: 1234,
  };

  it('makes every package an un-sniffed, un-cached attachment with its digest', () => {
    expect(attachmentHeaders(object)).toEqual({
      'content-type': 'application/pdf',
      'content-length': '1234',
      'content-disposition': 'attachment; filename="evil__ filename_x.html"',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'x-content-sha256': 'ab'.repeat(32),
    });
  });
});
