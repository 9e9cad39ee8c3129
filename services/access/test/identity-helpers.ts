import { generateSync } from 'otplib';
import request from 'supertest';
import { accessApplicationForm, mailCatcher, samplePdf, testAdmin, waitFor } from '@lers/testing';

/** The one-time code an e-mail carries on its `Code:` / `Activation code:` line. */
export function codeIn(text: string): string {
  const match = text.match(/(?:Activation code|Code): (\S+)/);
  if (!match) throw new Error(`no code in e-mail:\n${text}`);
  return match[1];
}

const lastStepUsed = new Map<string, number>();

/**
 * A current code for `secret`, not the one handed out last: access accepts each code once
 * (replays are 401), so a second login within one 30-second step uses the next step's code,
 * which access accepts as clock drift.
 */
export function totpNow(secret: string): string {
  const step = Math.floor(Date.now() / 30_000);
  // At most one step ahead (what access accepts as drift); a third successful login within one
  // step gets a replayed code and a 401, which tells the test to wait for the next step.
  const use = Math.min(Math.max(step, (lastStepUsed.get(secret) ?? step - 1) + 1), step + 1);
  lastStepUsed.set(secret, use);
  return generateSync({ secret, epoch: use * 30 });
}

/** A code no earlier call handed out, waiting (polling) for the next 30-second step if need be. */
export async function unusedTotp(secret: string): Promise<string> {
  await waitFor(
    'a TOTP step not used yet',
    async () => Math.floor(Date.now() / 30_000) + 1 > (lastStepUsed.get(secret) ?? 0),
    { timeoutMs: 35_000, intervalMs: 250 },
  );
  return totpNow(secret);
}

export async function latestMailTo(address: string, subjectPart: string) {
  return waitFor(`an e-mail "${subjectPart}" to ${address}`, async () =>
    (await mailCatcher.to(address)).find((mail) => mail.subject.includes(subjectPart)),
  );
}

export async function staffLogin(accessUrl: string, email: string, password: string, totpSecret: string) {
  const response = await request(accessUrl)
    .post('/internal/auth/login')
    // Staff (the admin above all) log in many times per test file: each needs a code not yet taken.
    .send({ email, password, totp: await unusedTotp(totpSecret) })
    .expect(200);
  return response.body as { accessToken: string; refreshToken: string; expiresIn: number };
}

export const adminLogin = (accessUrl: string) =>
  staffLogin(accessUrl, testAdmin.email, testAdmin.password, testAdmin.totpSecret);

/** Applies through the gateway and verifies the e-mail: the application is then pending review. */
export async function appliedAndVerified(gatewayUrl: string) {
  const form = accessApplicationForm();
  const applied = await request(gatewayUrl)
    .post('/v1/access-applications')
    .field('application', JSON.stringify(form))
    .attach('proofOfAuthority', samplePdf(), 'proof.pdf')
    .expect(201);
  const mail = await latestMailTo(form.officer.email, 'confirm your e-mail');
  const verified = await request(gatewayUrl)
    .post('/v1/access-applications/verify-email')
    .send({ token: codeIn(mail.text) })
    .expect(200);
  return { form, id: applied.body.id as string, verified: verified.body };
}

/** Approve, activate and confirm TOTP: an active officer with their credentials. */
export async function activeOfficer(gatewayUrl: string, accessUrl: string, reviewerToken: string) {
  const { form, id } = await appliedAndVerified(gatewayUrl);
  await request(accessUrl)
    .post(`/internal/access-applications/${id}/approve`)
    .set('authorization', `Bearer ${reviewerToken}`)
    .expect(200);
  const mail = await latestMailTo(form.officer.email, 'activate your account');
  const token = codeIn(mail.text);
  const password = 'correct horse battery staple 42';
  const enrolment = await request(gatewayUrl).post('/v1/auth/activate').send({ token, password }).expect(200);
  await request(gatewayUrl)
    .post('/v1/auth/totp/confirm')
    .send({ token, code: totpNow(enrolment.body.totpSecret) })
    .expect(200);
  return {
    email: form.officer.email,
    password,
    totpSecret: enrolment.body.totpSecret as string,
    applicationId: id,
  };
}
