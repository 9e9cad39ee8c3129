import request from 'supertest';
import type { Connection } from 'mongoose';
import { accessApplicationForm, openTestDatabase, samplePdf, type RunningService } from '@lers/testing';
import { bootAccess, bootGateway } from '../../../test/e2e/backbone-harness';
import { adminLogin } from './identity-helpers';

/** The staff-maintained part of the government-domain policy. */
describe('GET|POST /internal/government-domains', () => {
  let gateway: RunningService<object>;
  let access: RunningService<{ MONGO_DB: string }>;
  let accessDb: Connection;
  let adminToken: string;

  beforeAll(async () => {
    access = await bootAccess();
    gateway = await bootGateway();
    accessDb = await openTestDatabase(access.config.MONGO_DB);
    adminToken = (await adminLogin(access.url)).accessToken;
  });

  afterAll(async () => {
    await gateway?.close();
    await access?.close();
    await accessDb?.dropDatabase();
    await accessDb?.close();
  });

  const asAdmin = (call: request.Test) => call.set('authorization', `Bearer ${adminToken}`);
  const applyAs = (email: string) => {
    const form = accessApplicationForm();
    return request(gateway.url)
      .post('/v1/access-applications')
      .field('application', JSON.stringify({ ...form, officer: { ...form.officer, email } }))
      .attach('proofOfAuthority', samplePdf(), 'proof.pdf');
  };

  it('admits an agency domain once staff verified it, and lists it', async () => {
    const refused = await applyAs('inspector@harbour-authority.example').expect(422);
    expect(refused.body.code).toBe('non_government_email');

    const added = await asAdmin(request(access.url).post('/internal/government-domains'))
      .send({ domain: '@Harbour-Authority.example', country: 'nl', agencyName: 'Harbour Authority' })
      .expect(201);
    expect(added.body).toMatchObject({ domain: 'harbour-authority.example', country: 'NL' });
    expect(
      await accessDb.collection('government_domains').findOne({ _id: 'harbour-authority.example' as never }),
    ).toMatchObject({
      country: 'NL',
    });

    await applyAs('inspector@harbour-authority.example').expect(201);
    const list = await asAdmin(request(access.url).get('/internal/government-domains')).expect(200);
    expect(list.body.items.map((item: { domain: string }) => item.domain)).toContain(
      'harbour-authority.example',
    );

    const again = await asAdmin(request(access.url).post('/internal/government-domains'))
      .send({ domain: 'harbour-authority.example', country: 'NL' })
      .expect(409);
    expect(again.body.code).toBe('domain_exists');
  });

  it('never admits a free-mail provider, and refuses what is not a domain', async () => {
    const freeMail = await asAdmin(request(access.url).post('/internal/government-domains'))
      .send({ domain: 'gmail.com', country: 'US' })
      .expect(422);
    expect(freeMail.body.code).toBe('free_mail_domain');
    const notDomain = await asAdmin(request(access.url).post('/internal/government-domains'))
      .send({ domain: 'not a domain', country: 'US' })
      .expect(422);
    expect(notDomain.body.code).toBe('invalid_domain');
    expect(
      await accessDb.collection('government_domains').countDocuments({ _id: 'gmail.com' as never }),
    ).toBe(0);
  });

  it('is for admins only', async () => {
    await request(access.url).get('/internal/government-domains').expect(401);
  });
});
