import { simpleParser, type AddressObject } from 'mailparser';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { queueLetterMail } from '../../server/mail/queue-letter-mail';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { workedExampleClaim } from '../fixtures/claims';
import { letterForMail, testMailSettings, waitFor } from '../support/mail-fixtures';
import type { Requester } from '../../server/mail/send-budget';

const LOCAL: Requester = { kind: 'local' };

let smtp: LoopbackSmtp;
let outbox: Outbox;

beforeAll(async () => {
  smtp = await LoopbackSmtp.start();
  outbox = openOutbox(testMailSettings({ SMTP_URL: smtp.url, PROVIDER_ADDRESSES: 'libero=reclami@provider.example' }), {
    drain: true,
  });
});

afterAll(async () => {
  await outbox.close();
  await smtp.close();
});

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) =>
    object.value.map((entry) => entry.address ?? ''),
  );
}

test('the letter reaches the claimant and the provider: recipients, subject, body, PDF bytes', async () => {
  const letter = await letterForMail(workedExampleClaim());
  const queued = await queueLetterMail(outbox, {
    letter,
    recipients: { claimant: true, provider: true },
    requester: LOCAL,
  });
  expect(queued).toMatchObject({
    ok: true,
    messages: [
      { kind: 'claimant', status: 'queued' },
      { kind: 'provider', status: 'queued' },
    ],
  });
  await waitFor(() => smtp.received.length === 2, 20_000, 'two messages');

  const byRecipient = new Map(smtp.received.map((message) => [message.to[0], message]));
  expect([...byRecipient.keys()].sort()).toEqual(['mario.rossi@example.org', 'reclami@provider.example']);
  for (const message of smtp.received) expect(message.from).toBe('reclamo@example.org');

  const toClaimant = await simpleParser(byRecipient.get('mario.rossi@example.org')!.raw);
  expect(addresses(toClaimant.to)).toEqual(['mario.rossi@example.org']);
  expect(toClaimant.subject).toBe('Diffida e messa in mora – Libero Mail – Mario Rossi');
  expect(toClaimant.text).toContain('in allegato trova la sua diffida e messa in mora');
  expect(toClaimant.text).toContain(letter.rendered.sha256);
  expect(toClaimant.text).toContain(`scade il ${letter.assessment.deadline.split('-').reverse().join('/')}`);
  expect(toClaimant.text).toContain('una PEC ha valore legale solo se spedita dalla propria casella PEC');
  expect(toClaimant.html).toContain(letter.rendered.sha256);
  expect(toClaimant.attachments).toHaveLength(1);
  const [pdf] = toClaimant.attachments;
  expect(pdf!.filename).toBe(letter.rendered.fileName);
  expect(pdf!.filename).toMatch(/^[A-Za-z0-9._-]+$/);
  expect(pdf!.contentType).toBe('application/pdf');
  expect(Buffer.compare(pdf!.content, letter.rendered.pdf)).toBe(0);

  const toProvider = await simpleParser(byRecipient.get('reclami@provider.example')!.raw);
  expect(addresses(toProvider.to)).toEqual(['reclami@provider.example']);
  expect(addresses(toProvider.replyTo)).toEqual(['mario.rossi@example.org']);
  expect(toProvider.text).toContain('la diffida e messa in mora di Mario Rossi');
  expect(Buffer.compare(toProvider.attachments[0]!.content, letter.rendered.pdf)).toBe(0);
  expect(toProvider.messageId).not.toBe(toClaimant.messageId);

  const states = await outbox.store.all();
  expect(states.map((state) => state.status)).toEqual(['sent', 'sent']);
  for (const state of states) {
    expect(state.recipient).toBeNull();
    expect(state.serverResponse).toMatch(/^250 /);
  }
});

test('asking again for the same letter and recipient does not send again, and says so', async () => {
  const letter = await letterForMail(workedExampleClaim());
  const before = smtp.received.length;
  const again = await queueLetterMail(outbox, {
    letter,
    recipients: { claimant: true, provider: false },
    requester: LOCAL,
  });
  expect(again).toMatchObject({ ok: true, messages: [{ kind: 'claimant', status: 'already-sent' }] });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(smtp.received.length).toBe(before);
});

test('recipients are never arbitrary: a provider without configured addresses is refused', async () => {
  const letter = await letterForMail({
    ...workedExampleClaim(),
    account: { provider: 'virgilio', mailbox: 'mario@virgilio.it', type: 'free' },
  });
  expect(
    await queueLetterMail(outbox, { letter, recipients: { claimant: false, provider: true }, requester: LOCAL }),
  ).toEqual({
    ok: false,
    problem: 'provider-not-configured',
  });
  expect(
    await queueLetterMail(outbox, { letter, recipients: { claimant: false, provider: false }, requester: LOCAL }),
  ).toEqual({
    ok: false,
    problem: 'no-recipient',
  });
});
