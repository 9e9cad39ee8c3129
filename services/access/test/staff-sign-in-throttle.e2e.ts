import request from 'supertest';
import { type RunningService } from '@lers/testing';
import { bootAccess } from '../../../test/e2e/backbone-harness';

/** Issue 19: the staff sign-in routes on access are rate-limited per client, whatever X-Forwarded-For says. */
describe('staff sign-in rate limits', () => {
  let access: RunningService<object>;

  beforeAll(async () => {
    access = await bootAccess({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(() => access?.close());

  it.each(['/internal/auth/login', '/internal/auth/activate', '/internal/auth/totp/confirm'])(
    '%s: 429 after the limit, with a new spoofed X-Forwarded-For on every try',
    async (path) => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await request(access.url)
          .post(path)
          .set('x-forwarded-for', `198.51.100.${attempt + 1}`)
          .send({});
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 3).every((status) => status === 400)).toBe(true);
      expect(statuses.slice(3)).toEqual([429, 429]);
    },
  );
});
