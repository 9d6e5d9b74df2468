import { checkReceiptFile, checkReceiptForLetter } from '../../server/pec/check-receipt';
import { describeVerdict } from '../../server/pec/describe-verdict';
import { readPecReceipt } from '../../server/pec/read-receipt';
import { sample } from '../support/pec-receipts';

const ANY_LETTER = 'a'.repeat(64);
const SAMPLE_MESSAGE_ID = '<SN05IE$951DEC16C1CFD3E4FD8FF1B1D24A99AE@fakepec.it>';

test('the acceptance sample: type, date with its zone as an instant, sender, recipient, ids, subject', async () => {
  const receipt = await readPecReceipt(sample('accettazione'));
  expect(receipt.daticert).toEqual({
    type: 'accettazione',
    error: 'nessuno',
    sender: 'sender@fakepec.it',
    recipients: [{ address: 'rec@fakepec.it', kind: 'certificato' }],
    replyTo: 'sender@fakepec.it',
    subject: 'Test PEC',
    issuer: 'FAKEPEC PEC S.p.A.',
    // 15/11/2024 18:20:38 at +0100 is 17:20:38 UTC.
    issuedAt: Date.UTC(2024, 10, 15, 17, 20, 38),
    issuedOnRomeDate: '2024-11-15',
    issuedAsWritten: { day: '15/11/2024', time: '18:20:38', zone: '+0100' },
    id: 'opec210312.20241115182038.288127.606.1.53@fakepec.it',
    messageId: SAMPLE_MESSAGE_ID,
    form: null,
    deliveredTo: null,
    receivedFrom: null,
    errorDetail: null,
  });
  // The samples' signature part was cut: reported as absent, never as verified.
  expect(receipt.signature).toEqual({ status: 'absent' });
  expect(receipt.headers).toEqual({
    ricevuta: 'accettazione',
    riferimentoMessageId: SAMPLE_MESSAGE_ID,
    tipoRicevuta: null,
    subject: 'ACCETTAZIONE: Test PEC',
  });
  expect(receipt.warnings).toEqual([]);
  expect(receipt.original).toBeNull();
});

test('the acceptance sample is "acceptance only: not yet delivered", in Italian and in English', async () => {
  const verdict = await checkReceiptFile(sample('accettazione'), ANY_LETTER);
  expect(verdict).toMatchObject({
    kind: 'acceptance-only',
    stage: 'accettazione',
    at: Date.UTC(2024, 10, 15, 17, 20, 38),
  });
  expect(describeVerdict(verdict, 'it')).toEqual([
    'Solo accettazione: il 15/11/2024 alle 18:20:38 il suo gestore ha accettato il messaggio, che non risulta ' +
      'ancora consegnato. La prova della consegna è la ricevuta di avvenuta consegna.',
    'La ricevuta non contiene la firma del gestore (o è stata tolta salvandola): i dati non possono essere ' +
      'verificati. Conservi l’originale nella sua casella PEC.',
  ]);
  expect(describeVerdict(verdict, 'en')[0]).toBe(
    'Acceptance only: on 15/11/2024 at 18:20:38 your provider accepted the message, which is not yet delivered. ' +
      'The proof of delivery is the delivery receipt.',
  );
});

test('the non-delivery sample: the error text, the mailbox, and the header that quotes another Message-ID', async () => {
  const receipt = await readPecReceipt(sample('errore-consegna'));
  expect(receipt.daticert).toMatchObject({
    type: 'errore-consegna',
    error: 'no-dest',
    recipients: [{ address: 'rec@pec.it', kind: 'certificato' }],
    issuedAt: Date.UTC(2024, 10, 15, 17, 21, 3),
    messageId: SAMPLE_MESSAGE_ID,
    deliveredTo: 'rec@fakepec.it',
    errorDetail: '5.1.1 - FAKE Pec S.p.A. - indirizzo non valido',
  });
  // The unsigned header says …@pec.it, the certified data …@fakepec.it: the daticert counts, the difference is shown.
  expect(receipt.warnings).toEqual(['header-reference-differs']);

  const verdict = checkReceiptForLetter(receipt, ANY_LETTER);
  expect(verdict).toMatchObject({
    kind: 'delivery-failed',
    stage: 'errore-consegna',
    recipient: 'rec@fakepec.it',
    reason: '5.1.1 - FAKE Pec S.p.A. - indirizzo non valido',
  });
  const [it, , warning] = describeVerdict(verdict, 'it');
  expect(it).toBe(
    'Consegna non riuscita a rec@fakepec.it (15/11/2024 alle 18:21:03): ' +
      '5.1.1 - FAKE Pec S.p.A. - indirizzo non valido.',
  );
  expect(warning).toContain(SAMPLE_MESSAGE_ID);
  expect(describeVerdict(verdict, 'en')[0]).toBe(
    'Delivery to rec@fakepec.it failed (15/11/2024 at 18:21:03): 5.1.1 - FAKE Pec S.p.A. - indirizzo non valido.',
  );
});

test('the same sample saved with bare LF line ends reads the same', async () => {
  const lf = Buffer.from(sample('accettazione').toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  const crlf = Buffer.from(sample('accettazione').toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
  const expected = (await readPecReceipt(sample('accettazione'))).daticert;
  expect((await readPecReceipt(lf)).daticert).toEqual(expected);
  expect((await readPecReceipt(crlf)).daticert).toEqual(expected);
});

test('the letter fingerprint must be a SHA-256: a programming error, not a verdict', async () => {
  const receipt = await readPecReceipt(sample('accettazione'));
  expect(() => checkReceiptForLetter(receipt, 'not-a-hash')).toThrow(RangeError);
});
