import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_TOPICS } from '@lers/contracts';
import { emergencyRequestForm, mailCatcher, produceRaw, waitFor } from '@lers/testing';
import { bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { movesOf, officerApi, staffApi, storedRequest } from './request-flows';

const codeOf = (text: string) => {
  const match = text.match(/^Confirmation code: (\S+)$/m);
  if (!match) throw new Error(`no confirmation code in:\n${text}`);
  return match[1];
};

/** An emergency is submitted before its paperwork; staff wait for the supervisor's e-mailed code. */
describe('emergency requests: the supervisor confirms', () => {
  let stack: RequestsStack;
  let officer: ReturnType<typeof officerApi>;
  let officerEmail: string;
  let staff: ReturnType<typeof staffApi>;

  beforeAll(async () => {
    stack = await bootRequestsStack();
    const account = await stack.officer();
    officerEmail = account.email;
    officer = officerApi(stack.gateway.url, account.accessToken);
    staff = staffApi(stack.requests.url, (await stack.staff(['legal'])).accessToken);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const confirm = (token: string) =>
    request(stack.gateway.url).post('/v1/emergency-confirmations').send({ token });
  const stored = (id: string) => storedRequest(stack.requestsDb, id);

  it('is submitted without documents, held until the e-mailed code is posted, then staff can act', async () => {
    const threat = 'Two children were taken from school; the kidnappers want bitcoin by 6 pm.';
    const form = emergencyRequestForm({ emergency: { threat, certification: true } });
    const id = (await officer.create(form).expect(201)).body.id as string;
    const submitted = (await officer.submit(id).expect(200)).body;
    expect(submitted).toMatchObject({
      status: 'submitted',
      documents: [],
      emergency: { supervisorConfirmation: 'pending' },
    });

    // The supervisor named in the officer's access application (accessApplicationForm: alex.<tag> / sam.<tag>).
    const supervisor = officerEmail.replace(/^alex\./, 'sam.');
    const mail = await waitFor('the supervisor’s e-mail', async () =>
      (await mailCatcher.to(supervisor)).find((m) => m.subject.includes(submitted.caseNumber)),
    );
    expect(mail.text).toContain(`declared an emergency on case ${submitted.caseNumber}`);
    expect(mail.text).toContain(threat);
    expect(mail.text).toContain('POST http://lers.test/v1/emergency-confirmations');

    const before = await stored(id);
    const early = await staff.assign(id);
    expect([early.status, early.body.code]).toEqual([409, 'emergency_unconfirmed']);
    expect(await stored(id)).toEqual(before);

    const wrong = await confirm('x'.repeat(43));
    expect([wrong.status, wrong.body.code]).toEqual([400, 'invalid_token']);
    expect(await stored(id)).toEqual(before);

    // The code works once, however many clicks race for it.
    const clicks = await Promise.all([1, 2, 3, 4].map(() => confirm(codeOf(mail.text))));
    const confirmed = clicks.filter((click) => click.status === 200);
    expect(confirmed.map((click) => click.body)).toEqual([
      { caseNumber: submitted.caseNumber, supervisorConfirmation: 'confirmed' },
    ]);
    for (const click of clicks.filter((c) => c.status !== 200))
      expect([click.status, click.body.code]).toEqual([400, 'invalid_token']);
    expect((await officer.read(id).expect(200)).body.emergency.supervisorConfirmation).toBe('confirmed');

    await staff.assign(id).expect(200);
    // The paperwork follows the emergency.
    await officer.upload(id, 'court_order').expect(201);
    const after = (await officer.read(id).expect(200)).body;
    expect(after.documents).toHaveLength(1);
    expect(movesOf(after)).toEqual(['draft→submitted', 'submitted→in_review']);
  });

  it('e-mails the supervisor once per event, however often it is delivered', async () => {
    const eventFor = (supervisor: string, id = randomUUID()) =>
      JSON.stringify({
        id,
        type: 'requests.emergency.confirmation_requested',
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        producer: 'requests',
        key: 'req-redelivered',
        payload: {
          requestId: 'req-redelivered',
          caseNumber: 'LERS-2026-999999',
          supervisor: { fullName: 'Sam Supervisor', email: supervisor },
          officerName: 'Alex Officer',
          agencyName: 'Metropolitan Police Service',
          threat: 'A hostage is held and the ransom is due tonight.',
          confirmationToken: 'k'.repeat(43),
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
    const supervisor = `sam.${randomUUID().slice(0, 8)}@met.police.uk`;
    const marker = `marker.${randomUUID().slice(0, 8)}@met.police.uk`;
    const event = eventFor(supervisor);
    await produceRaw(EVENT_TOPICS.requestsEvents, [
      { key: 'req-redelivered', value: event },
      { key: 'req-redelivered', value: event },
    ]);
    await waitFor('the first e-mail sent', async () => (await mailCatcher.to(supervisor)).length > 0);
    // A later copy, then another event on the same key: once that one is mailed, the copy was handled.
    await produceRaw(EVENT_TOPICS.requestsEvents, [
      { key: 'req-redelivered', value: event },
      { key: 'req-redelivered', value: eventFor(marker) },
    ]);
    await waitFor('the marker e-mail sent', async () => (await mailCatcher.to(marker)).length > 0);
    expect(await stack.notificationDb.collection('outgoing_emails').countDocuments({ to: supervisor })).toBe(
      1,
    );
    expect(await mailCatcher.to(supervisor)).toHaveLength(1);
  });
});
