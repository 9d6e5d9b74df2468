import { simpleParser } from 'mailparser';
import request from 'supertest';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import type { Outbox } from '../../server/mail/outbox/outbox';
import type { LoopbackSmtp } from '../../tools/loopback-smtp';
import { workedExampleClaim } from '../fixtures/claims';
import {
  codeFrom,
  letterRows,
  nextReceived,
  otherCode,
  receivedBy,
  startSmtpApp,
  type SmtpApp,
} from '../support/confirmation-mail';
import { waitFor } from '../support/mail-fixtures';
import { UNLIMITED_RATES } from '../support/test-app';
import { postForm, workedExampleForm } from '../support/web-forms';

/**
 * The relay requests of the security review (finding F1), sent again: a stranger's address typed into
 * `claimant.email`, with the sender's own words in the name and the damage description. None of them may put a
 * letter in the outbox for an address nobody confirmed; the stranger gets at most one short fixed-text message.
 */
const STRANGER = 'victim-anyone@third-party.example';
const PHISHING = 'Hai vinto 1000 euro: visita http://phish.example/login e inserisci la password';

function strangerClaim(): ClaimInput {
  const claim = workedExampleClaim();
  return {
    ...claim,
    claimant: { ...claim.claimant, lastName: 'Premio Gratis Clicca Qui', email: STRANGER },
    damages: [{ kind: 'lost-mail', description: PHISHING, amount: '150,00' }],
  };
}

let smtp: LoopbackSmtp;
let outbox: Outbox;
let setup: SmtpApp;

beforeAll(async () => {
  setup = await startSmtpApp(UNLIMITED_RATES);
  ({ smtp, outbox } = setup);
});
afterAll(() => setup.close());

const send = (body: object) => request(setup.composed.app).post('/api/v1/claims/send').send(body);

/** Letters the tests below confirmed on purpose (to the address that asked for the code). */
let confirmedLetters = 0;

/**
 * No letter (claimant or provider copy) is in the outbox beyond those confirmed, the provider has received nothing,
 * and all the stranger ever received are confirmation messages without attachment.
 */
async function expectNoLetter(): Promise<void> {
  expect((await letterRows(outbox)).filter((row) => row.recipientKind === 'provider')).toEqual([]);
  expect(await letterRows(outbox)).toHaveLength(confirmedLetters);
  expect(receivedBy(smtp, 'reclami@provider.example')).toEqual([]);
  for (const message of receivedBy(smtp, STRANGER)) {
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toBe('Reclamo: il codice per confermare il tuo indirizzo e-mail');
    expect(parsed.attachments).toEqual([]);
  }
}

test('claims/send to a stranger without a code: 202 confirmation-sent, only a short fixed-text message, no letter', async () => {
  let res: request.Response | undefined;
  const message = await nextReceived(smtp, STRANGER, async () => {
    res = await send({ claim: strangerClaim(), recipients: { claimant: true, provider: true } }).expect(202);
  });
  expect(res!.body).toMatchObject({ status: 'confirmation-sent', recipient: 'claimant', address: STRANGER });
  expect(res!.body.messages).toBeUndefined();
  const parsed = await simpleParser(message.raw);
  expect(parsed.attachments).toEqual([]);
  const everything = `${parsed.subject}\n${parsed.text}\n${parsed.html || ''}`;
  for (const typed of ['Premio', 'Gratis', 'Clicca', 'phish.example', 'Hai vinto', 'Mario', 'RSSMRA79B11C566R'])
    expect(everything).not.toContain(typed);
  expect(await codeFrom(message.raw)).toMatch(/^\d{6}$/);
  await expectNoLetter();
});

test('claims/send to a stranger with a wrong code: 422 on confirmationCode, no letter', async () => {
  const real = await codeFrom((await nextReceived(smtp, STRANGER, () => send({ claim: strangerClaim() }))).raw);
  const wrong = otherCode(real);
  const res = await send({ claim: strangerClaim(), confirmationCode: wrong }).expect(422);
  expect(res.body.errors).toEqual([{ path: 'confirmationCode', message: expect.stringMatching(/codice/) }]);
  for (const malformed of ['12345', '1234567', 'abcdef', 123456])
    expect((await send({ claim: strangerClaim(), confirmationCode: malformed }).expect(422)).body.errors[0].path).toBe(
      'confirmationCode',
    );
  await expectNoLetter();
});

test('a code sent to my own address does not mail a stranger, nor another letter', async () => {
  const mine = workedExampleClaim();
  const code = await codeFrom((await nextReceived(smtp, 'mario.rossi@example.org', () => send({ claim: mine }))).raw);
  // The same code with the stranger's address, and with my address but another letter.
  await send({ claim: { ...mine, claimant: { ...mine.claimant, email: STRANGER } }, confirmationCode: code }).expect(
    422,
  );
  const other = { ...mine, damages: [{ kind: 'lost-mail', description: 'Altro danno', amount: '900,00' }] };
  await send({ claim: other, confirmationCode: code }).expect(422);
  // Nor the provider's copy, which the code was not asked for.
  await send({ claim: mine, recipients: { claimant: true, provider: true }, confirmationCode: code }).expect(422);
  await expectNoLetter();
  // The code does what it was asked for, and only that.
  const sent = await send({ claim: mine, confirmationCode: code }).expect(202);
  confirmedLetters += 1;
  expect(sent.body.messages).toEqual([expect.objectContaining({ recipient: 'claimant', status: 'queued' })]);
  await waitFor(() => receivedBy(smtp, 'mario.rossi@example.org').length === 2, 20_000, 'the letter');
  expect((await letterRows(outbox)).map((row) => row.recipientKind)).toEqual(['claimant']);
  (await outbox.store.all()).forEach((row) => expect(row.recipient ?? '').not.toBe(STRANGER));
});

test("the form's send to a stranger asks for the code and queues no letter", async () => {
  const agent = request.agent(setup.composed.app);
  const fields = { ...workedExampleForm(), 'claimant.email': STRANGER, 'claimant.lastName': 'Premio Gratis' };
  let page: request.Response | undefined;
  const message = await nextReceived(smtp, STRANGER, async () => {
    page = await postForm(agent, '/claim/send', { ...fields, 'send.claimant': 'yes', 'send.provider': 'yes' });
  });
  expect(page!.status).toBe(202);
  expect(page!.text).toContain('id="confirmation-code"');
  expect(page!.text).not.toContain('id="mail-queued"');
  const wrong = await postForm(agent, '/claim/send', {
    ...fields,
    'send.claimant': 'yes',
    'send.provider': 'yes',
    confirmationCode: otherCode(await codeFrom(message.raw)),
  });
  expect(wrong.status).toBe(422);
  await expectNoLetter();
});

test("the provider's copy alone is not sent without the claimant's confirmation", async () => {
  const res = await send({ claim: strangerClaim(), recipients: { claimant: false, provider: true } }).expect(202);
  expect(res.body).toMatchObject({ status: 'confirmation-sent', recipient: 'claimant', address: STRANGER });
  await expectNoLetter();
});
