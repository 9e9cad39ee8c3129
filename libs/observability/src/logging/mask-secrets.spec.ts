import { MASK, maskSecrets } from './mask-secrets';

describe('maskSecrets', () => {
  it('masks secret-looking keys at any depth and keeps the rest', () => {
    const masked = maskSecrets({
      email: 'a@b.gov',
      password: 'hunter2hunter2',
      nested: { refreshToken: 'r', totpSecret: 's', list: [{ authorization: 'Bearer x' }], count: 3 },
    });
    expect(masked).toEqual({
      email: 'a@b.gov',
      password: MASK,
      nested: { refreshToken: MASK, totpSecret: MASK, list: [{ authorization: MASK }], count: 3 },
    });
  });

  it('leaves scalars and errors alone', () => {
    const error = new Error('boom');
    expect(maskSecrets('text')).toBe('text');
    expect(maskSecrets(error)).toBe(error);
  });
});
