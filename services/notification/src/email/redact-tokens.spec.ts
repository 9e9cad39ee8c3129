import { withoutTokens } from './redact-tokens';

describe('withoutTokens', () => {
  it('removes tokens from link fragments, code lines and JSON examples, and keeps the rest', () => {
    const text = [
      'Dear Alex,',
      'https://lers.test/activate#token=abc.DEF-123',
      'https://lers.test/old?token=abc123&x=1',
      'Activation code: abc.DEF-123',
      'Code: 123456',
      'Confirmation code: Zz9',
      'POST https://lers.test/v1/emergency-confirmations {"token": "secret-1"}',
      'It expires at 2026-03-02T10:00:00Z.',
    ].join('\n');
    const kept = withoutTokens(text);
    for (const secret of ['abc.DEF-123', 'abc123', '123456', 'Zz9', 'secret-1'])
      expect(kept).not.toContain(secret);
    expect(kept).toContain('Dear Alex,');
    expect(kept).toContain('#token=[redacted]');
    expect(kept).toContain('Activation code: [redacted]');
    expect(kept).toContain('&x=1');
    expect(kept).toContain('It expires at 2026-03-02T10:00:00Z.');
  });
});
