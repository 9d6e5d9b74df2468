import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkReceiptFile, checkReceiptForLetter } from '../../server/pec/check-receipt';
import { describeVerdict } from '../../server/pec/describe-verdict';
import { readPecReceipt } from '../../server/pec/read-receipt';
import { freeClaim, workedExampleClaim } from '../fixtures/claims';
import {
  daticertXml,
  letterMessage,
  receiptEntity,
  TestSigner,
  unsignedReceipt,
  type LetterUnderTest,
} from '../support/pec-receipts';

const MESSAGE_ID = '<reclamo.3f9c2a1b@pec.example.it>';
let signer: TestSigner;
let letter: LetterUnderTest;

beforeAll(async () => {
  signer = new TestSigner();
  letter = await letterMessage(workedExampleClaim(), MESSAGE_ID);
});
afterAll(() => signer.dispose());

function completeDelivery(original: Buffer = letter.message, messageId = MESSAGE_ID): Buffer {
  return receiptEntity({
    daticert: daticertXml({ type: 'avvenuta-consegna', messageId, form: 'completa' }),
    original,
  });
}

test('a signed complete delivery receipt with the letter inside: delivered, to whom, when, the PDF is the letter', async () => {
  const file = signer.sign('avvenuta-consegna', MESSAGE_ID, completeDelivery());
  const receipt = await readPecReceipt(file);

  expect(receipt.signature).toEqual({
    status: 'valid',
    signer: { commonName: 'Posta Certificata di prova', organization: 'Gestore di prova S.p.A.', country: 'IT' },
    certificateValidFrom: expect.any(Number),
    certificateValidTo: expect.any(Number),
    certificateValidAtReceiptDate: expect.any(Boolean),
  });
  expect(receipt.daticert).toMatchObject({
    type: 'avvenuta-consegna',
    form: 'completa',
    deliveredTo: 'reclami@pec.provider.example.it',
    issuedAt: Date.UTC(2026, 10, 23, 9, 2, 17),
    issuedOnRomeDate: '2026-11-23',
    messageId: MESSAGE_ID,
  });
  // The original message is the app's own mail to the provider, with the letter's PDF as the app rendered it.
  const original = receipt.original!;
  expect(original.messageId).toBe(MESSAGE_ID);
  expect(original.to).toEqual(['reclami@pec.provider.example.it']);
  const pdf = original.attachments.find((attachment) => attachment.mimeType === 'application/pdf')!;
  expect(pdf.fileName).toBe(letter.fileName);
  expect(pdf.content.equals(letter.pdf)).toBe(true);
  expect(pdf.sha256).toBe(letter.sha256);

  const verdict = checkReceiptForLetter(receipt, letter.sha256);
  expect(verdict).toMatchObject({
    kind: 'delivered',
    to: 'reclami@pec.provider.example.it',
    at: Date.UTC(2026, 10, 23, 9, 2, 17),
    letterFileName: letter.fileName,
  });
  expect(describeVerdict(verdict, 'it')[0]).toBe(
    'Consegnata a reclami@pec.provider.example.it il 23/11/2026 alle 10:02:17: il PDF allegato alla ricevuta è ' +
      'esattamente la sua lettera.',
  );
  expect(describeVerdict(verdict, 'en')[0]).toBe(
    'Delivered to reclami@pec.provider.example.it on 23/11/2026 at 10:02:17: the PDF attached to the receipt is ' +
      'exactly your letter.',
  );
  expect(describeVerdict(verdict, 'it')[1]).toContain('Posta Certificata di prova, Gestore di prova S.p.A.');
  expect(describeVerdict(verdict, 'en')[1]).toContain('does not check that the certificate belongs to an accredited');
});

test('the letter PDF read back from the receipt is the letter: poppler reads the claimant and the heading', async () => {
  const receipt = await readPecReceipt(signer.sign('avvenuta-consegna', MESSAGE_ID, completeDelivery()));
  const pdf = receipt.original!.attachments.find((attachment) => attachment.mimeType === 'application/pdf')!;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-pec-pdf-'));
  try {
    fs.writeFileSync(path.join(folder, 'letter.pdf'), pdf.content);
    const text = execFileSync('pdftotext', [path.join(folder, 'letter.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Mario Rossi');
    expect(text.toUpperCase()).toContain('DIFFIDA');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('whether the signing certificate was valid on the receipt date is reported, and said when it was not', async () => {
  // The throwaway certificate is valid from now for ten years: a receipt dated in 2099 falls outside it.
  const tomorrow = new Date(Date.now() + 86_400_000);
  const two = (value: number) => String(value).padStart(2, '0');
  const day = (date: Date) => `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const dated = (giorno: string) =>
    signer.sign(
      'avvenuta-consegna',
      MESSAGE_ID,
      receiptEntity({
        daticert: daticertXml({ type: 'avvenuta-consegna', messageId: MESSAGE_ID, form: 'completa', day: giorno }),
        original: letter.message,
      }),
    );
  const inside = await checkReceiptFile(dated(day(tomorrow)), letter.sha256);
  const outside = await checkReceiptFile(dated('01/01/2099'), letter.sha256);
  expect(inside.kind === 'delivered' && inside.receipt.signature).toMatchObject({
    certificateValidAtReceiptDate: true,
  });
  expect(outside.kind === 'delivered' && outside.receipt.signature).toMatchObject({
    certificateValidAtReceiptDate: false,
  });
  expect(describeVerdict(inside, 'en')).toHaveLength(2);
  expect(describeVerdict(outside, 'en')[2]).toBe('The signing certificate was not valid on the date of the receipt.');
});

test('opaque signing (application/pkcs7-mime) and a SHA-1 signature, as older providers make, read the same', async () => {
  for (const file of [
    signer.sign('avvenuta-consegna', MESSAGE_ID, completeDelivery(), { opaque: true }),
    signer.sign('avvenuta-consegna', MESSAGE_ID, completeDelivery(), { digest: 'sha1' }),
  ]) {
    const verdict = await checkReceiptFile(file, letter.sha256);
    expect(verdict.kind).toBe('delivered');
    expect(verdict.kind === 'delivered' && verdict.receipt.signature.status).toBe('valid');
  }
});

test('a signed receipt saved with bare LF line ends still verifies (checked in its canonical CRLF form)', async () => {
  const file = signer.sign('avvenuta-consegna', MESSAGE_ID, completeDelivery());
  const lf = Buffer.from(file.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  const verdict = await checkReceiptFile(lf, letter.sha256);
  expect(verdict.kind).toBe('delivered');
  expect(verdict.kind === 'delivered' && verdict.receipt.signature.status).toBe('valid');
});

test('a receipt changed after signing (another delivery address written in) proves nothing: not a receipt', async () => {
  const file = signer.sign('avvenuta-consegna', MESSAGE_ID, completeDelivery());
  const text = file.toString('latin1');
  // The daticert is base64 inside the signed part: replace it with one naming another mailbox, same length.
  const original = Buffer.from(daticertXml({ type: 'avvenuta-consegna', messageId: MESSAGE_ID, form: 'completa' }));
  const forged = Buffer.from(
    daticertXml({
      type: 'avvenuta-consegna',
      messageId: MESSAGE_ID,
      form: 'completa',
      deliveredTo: 'reclami@pec.provider.example.XX',
    }),
  );
  const b64 = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
  expect(text).toContain(b64(original));
  const tampered = Buffer.from(text.replace(b64(original), b64(forged)), 'latin1');

  const receipt = await readPecReceipt(tampered);
  expect(receipt.signature).toEqual({ status: 'invalid', problem: 'content-changed' });
  expect(receipt.daticert.deliveredTo).toBe('reclami@pec.provider.example.XX');
  const verdict = checkReceiptForLetter(receipt, letter.sha256);
  expect(verdict).toEqual({ kind: 'not-a-receipt', reason: 'signature-invalid' });
  expect(describeVerdict(verdict, 'en')).toEqual([
    "This file is not a usable PEC receipt: the provider's signature does not match: the receipt was changed after " +
      'it was signed.',
  ]);
});

test('a complete delivery receipt for another message: "this receipt is for another message"', async () => {
  const other = await letterMessage(freeClaim(), '<reclamo.other@pec.example.it>');
  const file = signer.sign('avvenuta-consegna', other.messageId, completeDelivery(other.message, other.messageId));
  const verdict = await checkReceiptFile(file, letter.sha256);
  expect(verdict).toMatchObject({
    kind: 'for-another-message',
    pdfs: [{ fileName: other.fileName, sha256: other.sha256 }],
  });
  expect(describeVerdict(verdict, 'it')[0]).toBe(
    'Questa ricevuta è per un altro messaggio: nessun PDF al suo interno è la sua lettera.',
  );
  expect(describeVerdict(verdict, 'en')[0]).toBe(
    'This receipt is for another message: no PDF inside it is your letter.',
  );
  // The same receipt is the other letter's proof.
  expect((await checkReceiptFile(file, other.sha256)).kind).toBe('delivered');
});

test('a short (sintetica) delivery receipt proves delivery but carries no copy of the letter', async () => {
  const entity = receiptEntity({
    daticert: daticertXml({ type: 'avvenuta-consegna', messageId: MESSAGE_ID, form: 'sintetica' }),
  });
  const verdict = await checkReceiptFile(signer.sign('avvenuta-consegna', MESSAGE_ID, entity), letter.sha256);
  expect(verdict).toMatchObject({
    kind: 'delivered-without-copy',
    form: 'sintetica',
    to: 'reclami@pec.provider.example.it',
  });
  expect(describeVerdict(verdict, 'it')[0]).toContain('questa ricevuta sintetica non contiene il messaggio');
  expect(describeVerdict(verdict, 'en')[0]).toContain('this synthetic receipt does not contain the message');
});

test('taken in charge by the recipient’s provider: still not delivered', async () => {
  const entity = receiptEntity({
    daticert: daticertXml({ type: 'presa-in-carico', messageId: MESSAGE_ID, deliveredTo: null }),
  });
  const verdict = await checkReceiptFile(signer.sign('presa-in-carico', MESSAGE_ID, entity), letter.sha256);
  expect(verdict).toMatchObject({ kind: 'acceptance-only', stage: 'presa-in-carico' });
  expect(describeVerdict(verdict, 'en')[0]).toMatch(/^Taken in charge: on 23\/11\/2026 at 10:02:17/);
});

test.each([
  [
    'non-accettazione',
    'altro',
    'Message not accepted on 23/11/2026 at 10:02:17: it was not sent. Reason: Virus rilevato.',
  ],
  ['preavviso-errore-consegna', 'altro', 'Delivery to reclami@pec.provider.example.it not confirmed'],
  ['rilevazione-virus', 'virus', 'Delivery failed: on 23/11/2026 at 10:02:17 a virus was found'],
])('a %s notice is "delivery failed" with its reason', async (type, error, sentence) => {
  const entity = receiptEntity({
    daticert: daticertXml({ type, error, messageId: MESSAGE_ID, errorDetail: 'Virus rilevato' }),
  });
  const verdict = await checkReceiptFile(unsignedReceipt(type, MESSAGE_ID, entity), letter.sha256);
  expect(verdict).toMatchObject({ kind: 'delivery-failed', stage: type, reason: 'Virus rilevato' });
  expect(describeVerdict(verdict, 'en')[0]).toContain(sentence);
});

test('a receipt whose daticert names an external DTD, with a stylesheet, as real providers write it, is read', async () => {
  const prolog =
    '<?xml-stylesheet type="text/xsl" href="https://gestore.example/postacert.xsl"?>\n' +
    '<!DOCTYPE postacert PUBLIC "posta certificata" "https://gestore.example/postacert.dtd">';
  const entity = receiptEntity({
    daticert: daticertXml({ type: 'avvenuta-consegna', messageId: MESSAGE_ID, form: 'completa', prolog }),
    original: letter.message,
  });
  expect((await checkReceiptFile(unsignedReceipt('avvenuta-consegna', MESSAGE_ID, entity), letter.sha256)).kind).toBe(
    'delivered',
  );
});

test('a transport envelope (a PEC received) is not a receipt for a message sent', async () => {
  const entity = receiptEntity({
    daticert: daticertXml({ type: 'posta-certificata', messageId: MESSAGE_ID }),
    original: letter.message,
  });
  const verdict = await checkReceiptFile(unsignedReceipt('posta-certificata', MESSAGE_ID, entity), letter.sha256);
  expect(verdict).toEqual({ kind: 'not-a-receipt', reason: 'not-a-receipt-type' });
});
