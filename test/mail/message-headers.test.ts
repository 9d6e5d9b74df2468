import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { RULESET } from '../../server/core/rules/ruleset';
import { buildLetterMail } from '../../server/mail/build-letter-mail';
import { headerSafe } from '../../server/mail/header-safety';
import { messageIdFor, messageKey } from '../../server/mail/queue-letter-mail';
import { workedExampleClaim } from '../fixtures/claims';
import { letterForMail } from '../support/mail-fixtures';

async function rawOf(options: Parameters<typeof buildLetterMail>) {
  return (await new MailComposer(buildLetterMail(...options)).compile().build()).toString('latin1');
}

function headersOf(raw: string): string {
  return raw.slice(0, raw.indexOf('\r\n\r\n'));
}

test('names are RFC 2047 encoded, a line break in any value never starts a header, the file name is ASCII', async () => {
  const letter = await letterForMail({
    ...workedExampleClaim(),
    claimant: { ...workedExampleClaim().claimant, firstName: 'Ştefan', lastName: 'Łukasiewicz-Øre' },
    letter: { language: 'en' },
  });
  const hostile = {
    ...letter,
    claim: { ...letter.claim, claimant: { ...letter.claim.claimant, lastName: 'Øre\r\nBcc: victim@example.net' } },
  };
  const raw = await rawOf([
    hostile,
    {
      from: { name: 'Associazione «Utenti»\r\nX-Evil: 1', address: 'invii@example.org' },
      kind: 'provider',
      to: 'reclami@provider.example',
      messageId: '<abc@example.org>',
      date: new Date(0),
    },
    RULESET,
  ]);
  const headers = headersOf(raw);
  expect(headers).not.toMatch(/^Bcc:/im);
  expect(headers).not.toMatch(/^X-Evil:/im);
  expect(headers).toMatch(/^From: =\?UTF-8\?[BQ]\?/m);
  expect(headers).toMatch(/^Reply-To: =\?UTF-8\?[BQ]\?/m);
  expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
  expect(headers).toMatch(/^Message-ID: <abc@example\.org>$/m);
  // The provider's copy is Italian, like the letter that is sent, whatever the claimant reads.
  expect(headers).toMatch(/^Content-Language: it$/m);
  for (const line of headers.split('\r\n')) expect(line).toMatch(/^[\x20-\x7e\t]*$/);

  const parsed = await simpleParser(Buffer.from(raw, 'latin1'));
  expect(parsed.from?.value[0]).toEqual({ name: 'Associazione «Utenti» X-Evil: 1', address: 'invii@example.org' });
  expect(parsed.replyTo?.value[0]?.name).toBe('Ştefan Øre Bcc: victim@example.net');
  expect(parsed.subject).toBe('Diffida e messa in mora – Libero Mail – Ştefan Øre Bcc: victim@example.net');
  expect(parsed.text).toContain('in allegato la diffida e messa in mora');
  expect(parsed.attachments[0]!.filename).toMatch(/^formal-notice-lukasiewicz-ore-stefan-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(headerSafe('a\r\nb\u2028c')).toBe('a b c');
});

test('the idempotency key and Message-ID are stable per letter and recipient, and say nothing about the recipient', () => {
  const key = messageKey('ab'.repeat(32), 'Mario.Rossi@Example.org ');
  expect(key).toBe(messageKey('ab'.repeat(32), 'mario.rossi@example.org'));
  expect(key).not.toBe(messageKey('ab'.repeat(32), 'other@example.org'));
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  expect(messageIdFor(key, 'invii@example.org')).toBe(`<${key.slice(0, 40)}@example.org>`);
});
