import request from 'supertest';
import { BUCKETS } from '@lers/contracts';
import { opsUrlOf } from '@lers/http';
import {
  accessApplicationForm,
  newObjectKeys,
  samplePdf,
  storedObjects,
  type RunningService,
} from '@lers/testing';
import { bootAccess, bootGateway, bootNotification } from '../../../test/e2e/backbone-harness';
import { activeOfficer, adminLogin, totpNow } from '../../access/test/identity-helpers';

/** Issue 19: what the public gateway shows and keeps, tried over HTTP as an attacker would. */
describe('the public gateway', () => {
  let gateway: RunningService<object>;
  let access: RunningService<object>;
  let notification: RunningService<object>;

  beforeAll(async () => {
    notification = await bootNotification();
    access = await bootAccess();
    gateway = await bootGateway();
  });

  afterAll(async () => {
    await gateway?.close();
    await access?.close();
    await notification?.close();
  });

  describe('leaves nothing in the evidence bucket when it refuses an application', () => {
    const apply = () => request(gateway.url).post('/v1/access-applications');
    const refusals: [string, () => request.Test, number][] = [
      [
        'a free-mail officer',
        () =>
          apply()
            .field(
              'application',
              JSON.stringify(
                accessApplicationForm({
                  officer: { ...accessApplicationForm().officer, email: `alex.${Date.now()}@gmail.com` },
                }),
              ),
            )
            .attach('proofOfAuthority', samplePdf(), 'proof.pdf'),
        422,
      ],
      [
        'no declaration',
        () =>
          apply()
            .field('application', JSON.stringify({ ...accessApplicationForm(), declaration: undefined }))
            .attach('proofOfAuthority', samplePdf(), 'proof.pdf'),
        400,
      ],
      [
        'an application part that is not JSON',
        () => apply().field('application', '{not json').attach('proofOfAuthority', samplePdf(), 'proof.pdf'),
        400,
      ],
      [
        'the application after the files',
        () =>
          apply()
            .attach('proofOfAuthority', samplePdf(), 'proof.pdf')
            .field('application', JSON.stringify(accessApplicationForm())),
        400,
      ],
      [
        'an 11th file',
        () => {
          const call = apply().field('application', JSON.stringify(accessApplicationForm()));
          for (let file = 0; file < 11; file++)
            call.attach('proofOfAuthority', samplePdf(file), `p${file}.pdf`);
          return call;
        },
        413,
      ],
    ];

    it.each(refusals)('%s', async (_name, send, status) => {
      const before = await storedObjects(BUCKETS.accessDocuments);
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(newObjectKeys(before, await storedObjects(BUCKETS.accessDocuments))).toEqual([]);
    });
  });

  it('sends security headers on every response, and no-store where tokens or TOTP secrets travel', async () => {
    const officer = await activeOfficer(gateway.url, access.url, (await adminLogin(access.url)).accessToken);
    const login = await request(gateway.url)
      .post('/v1/auth/login')
      .send({ email: officer.email, password: officer.password, totp: totpNow(officer.totpSecret) })
      .expect(200);
    const responses = [
      login,
      await request(gateway.url).get('/v1/openapi.json').expect(200),
      await request(gateway.url).get('/v1/nothing-here').expect(404),
      await request(access.url).get('/health/live').expect(200),
    ];
    for (const response of responses) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'referrer-policy': 'no-referrer',
      });
    }
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('serves /metrics on the operations listener only, and a readiness that names no hosts publicly', async () => {
    await request(gateway.url).get('/metrics').expect(404);
    const metrics = await request(opsUrlOf(gateway.app)).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds');
    await request(opsUrlOf(access.app)).get('/metrics').expect(200);

    const broken = await bootGateway({ MINIO_ENDPOINT: 'http://127.0.0.1:9' });
    try {
      const ready = await request(broken.url).get('/health/ready').expect(503);
      expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|:9\b|ECONNREFUSED/);
      expect(ready.body).toMatchObject({ status: 'error' });
      const detailed = await request(opsUrlOf(broken.app)).get('/health/ready').expect(503);
      expect(JSON.stringify(detailed.body)).toMatch(/127\.0\.0\.1/);
    } finally {
      await broken.close();
    }
  });

  it('publishes only the API schemas in its OpenAPI document', async () => {
    const spec = (await request(gateway.url).get('/v1/openapi.json').expect(200)).body;
    const names = Object.keys(spec.components.schemas);
    expect(names.filter((name) => /Env$|Command$|^Submit|Stored/.test(name))).toEqual([]);
    // Every schema listed is reachable from a route.
    const reachable = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const name = value.split('/').pop() ?? '';
          if (!reachable.has(name)) {
            reachable.add(name);
            visit(spec.components.schemas[name]);
          }
        } else visit(value);
      }
    };
    visit(spec.paths);
    expect(names.filter((name) => !reachable.has(name))).toEqual([]);
  });

  it('trusts X-Forwarded-For only from configured proxies: spoofed addresses still meet the rate limit', async () => {
    const limited = await bootGateway({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const response = await request(limited.url)
          .post('/v1/auth/login')
          .set('x-forwarded-for', `203.0.113.${attempt + 1}`)
          .send({});
        statuses.push(response.status);
      }
      expect(statuses).toEqual([400, 400, 400, 429, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('answers TRACE with 405', async () => {
    const response = await request(gateway.url).trace('/v1/auth/login');
    expect(response.status).toBe(405);
  });
});
