import { simpleParser, type AddressObject } from 'mailparser';
import request from 'supertest';
import { formatRomeDateTime } from '../../server/core/time/rome-time';
import type { LoopbackSmtp } from '../../tools/loopback-smtp';
import { workedExampleClaim } from '../fixtures/claims';
import { codeFrom, nextReceived, receivedBy, startSmtpApp, type SmtpApp } from '../support/confirmation-mail';
import { waitFor } from '../support/mail-fixtures';

let setup: SmtpApp;
let smtp: LoopbackSmtp;

beforeAll(async () => {
  setup = await startSmtpApp();
  ({ smtp } = setup);
});
afterAll(() => setup.close());

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value.map((entry) => entry.address));

test('the confirmation message over real SMTP: fixed text, the code, its expiry; the code then sends the letter', async () => {
  const claim = { ...workedExampleClaim(), letter: { place: 'Milano', language: 'en' as const } };
  const body = { claim, recipients: { claimant: true, provider: true } };
  let asked: request.Response | undefined;
  const message = await nextReceived(smtp, 'mario.rossi@example.org', async () => {
    asked = await request(setup.composed.app).post('/api/v1/claims/send').send(body).expect(202);
  });
  expect(message.to).toEqual(['mario.rossi@example.org']);
  expect(message.from).toBe('reclamo@example.org');
  const parsed = await simpleParser(message.raw);
  // The letter's language (English here) is the message's; the provider copy is announced by the provider's name.
  expect(parsed.subject).toBe('Reclamo: the code to confirm your e-mail address');
  expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  expect(parsed.headers.get('content-language')).toBe('en');
  expect(parsed.replyTo).toBeUndefined();
  expect(addresses(parsed.from)).toEqual(['reclamo@example.org']);
  expect(parsed.attachments).toEqual([]);
  const code = await codeFrom(message.raw);
  expect(parsed.text).toContain(`The confirmation code is:\n\n${code}\n`);
  expect(parsed.text).toContain('with a copy to Italiaonline S.p.A.');
  expect(parsed.text).toContain(`valid until ${formatRomeDateTime(Date.parse(asked!.body.expiresAt), 'en')}`);
  expect(parsed.html).toContain(`<strong>${code}</strong>`);
  expect(receivedBy(smtp, 'reclami@provider.example')).toEqual([]);

  const sent = await request(setup.composed.app)
    .post('/api/v1/claims/send')
    .send({ ...body, confirmationCode: code })
    .expect(202);
  expect(sent.body.messages.map((m: { recipient: string; status: string }) => `${m.recipient}:${m.status}`)).toEqual([
    'claimant:queued',
    'provider:queued',
  ]);
  await waitFor(() => receivedBy(smtp, 'reclami@provider.example').length === 1, 20_000, 'the provider copy');
  await waitFor(() => receivedBy(smtp, 'mario.rossi@example.org').length === 2, 20_000, 'the claimant copy');
  const letter = await simpleParser(receivedBy(smtp, 'mario.rossi@example.org')[1]!.raw);
  // The letter and its deadline as a calendar file (issue 13).
  expect(letter.attachments.map((attachment) => attachment.contentType)).toEqual(['application/pdf', 'text/calendar']);
  expect(letter.text).toContain(sent.body.sha256);
});
