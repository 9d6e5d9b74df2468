import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { deadlineUid } from '../../server/calendar/deadline-calendar';
import type { FollowupFile } from '../../server/use-cases/followup-service';
import { freeClaim, workedExampleClaim } from '../fixtures/claims';
import { firstLetterClaim, followUp, followupServiceOn, LETTER_SHA, NO_REPLY } from '../support/followup';
import { daticertXml, letterMessage, receiptEntity, sample, unsignedReceipt } from '../support/pec-receipts';
import { pdfText } from '../support/pdf-tools';

/**
 * The follow-up documents read back (PDFs through poppler's pdftotext, text files as they are) against the claim:
 * amounts, dates, references to the first letter, what applies. The sollecito and the Garante complaint are also
 * golden texts: UPDATE_GOLDEN=1 npx jest test/followup rewrites test/golden/followups/*.txt; read the diff.
 */
const GOLDEN_DIR = path.join(__dirname, '../golden/followups');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const fileOf = (files: FollowupFile[], name: string) => {
  const file = files.find((candidate) => candidate.fileName === name);
  if (!file) throw new Error(`no ${name} among ${files.map((candidate) => candidate.fileName).join(', ')}`);
  return file;
};
const textOf = (file: FollowupFile) =>
  file.contentType === 'application/pdf' ? pdfText(file.bytes) : file.bytes.toString('utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ');

function golden(name: string, text: string) {
  const file = path.join(GOLDEN_DIR, `${name}.txt`);
  if (UPDATE) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  expect(text).toBe(fs.readFileSync(file, 'utf8'));
}

describe('no reply after the deadline (raccomandata, receipt date given)', () => {
  let files: FollowupFile[];
  beforeAll(async () => {
    files = (await followUp(firstLetterClaim(), NO_REPLY, { today: '2026-12-28' })).files;
  });

  test('every document that applies is written, and the calendar file of the new term', () => {
    expect(files.map((file) => file.fileName)).toEqual([
      'sollecito.pdf',
      'garante.pdf',
      'agcm.txt',
      'conciliaweb.txt',
      'giudice-di-pace.pdf',
      'scadenza.ics',
    ]);
  });

  test('the sollecito cites the first letter, its sending, receipt and SHA-256, the sums, interest and the new term', () => {
    const text = flat(textOf(fileOf(files, 'sollecito.pdf')));
    expect(text).toContain(
      'Oggetto: sollecito e ultima diffida – seguito della diffida e messa in mora del 01/12/2026',
    );
    expect(text).toContain('raccomandata A/R n. 15012345678-9 il 02/12/2026 e ricevuta il 05/12/2026');
    expect(text).toContain(`impronta SHA-256 del file PDF: ${LETTER_SHA}`);
    expect(text).toContain('Il termine di 15 giorni dal ricevimento è scaduto il 21/12/2026');
    expect(text).toContain('la somma di 176,33 €');
    expect(text).toContain('36,00 € a titolo di risarcimento del danno da mancata fruizione del servizio');
    expect(text).toContain('al netto di 10,00 € per il ristoro ricevuto');
    expect(text).toContain('oltre interessi legali dal 05/12/2026 al saldo (art. 1224 c.c.)');
    expect(text).toContain('entro e non oltre 15 (quindici) giorni dal ricevimento della presente');
    expect(text).toContain('presenterà ricorso ai sensi dell’art. 316 c.p.c. al Giudice di Pace competente');
    expect(text).toContain('vale quale ulteriore atto interruttivo della prescrizione');
    expect(text).toContain('ricevuta di spedizione della raccomandata n. 15012345678-9 e avviso di ricevimento');
  });

  test('golden: the sollecito (reviewed line by line)', () => {
    golden('sollecito-no-reply', textOf(fileOf(files, 'sollecito.pdf')));
  });

  test('golden: the Garante complaint (reviewed line by line)', () => {
    golden('garante-no-reply', textOf(fileOf(files, 'garante.pdf')));
  });

  test('the Garante complaint: the law’s content, addressed to the Garante, with the attachments', () => {
    const text = flat(textOf(fileOf(files, 'garante.pdf')));
    expect(text).toContain(
      'Garante per la protezione dei dati personali Piazza Venezia 11 00187 Roma PEC: protocollo@pec.gpdp.it',
    );
    expect(text).toContain(
      'reclamo ai sensi dell’art. 77 del Regolamento (UE) 2016/679 e dell’art. 142 del D.Lgs. 196/2003',
    );
    for (const heading of [
      '1. Fatti e circostanze',
      '2. Disposizioni che si ritengono violate',
      '3. Misure richieste',
      'Allegati',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('ha perso messaggi o dati personali custoditi nella casella: Preventivo perso');
    // 28/12/2026 is before 05/01/2027: the month of art. 12(3) has not run out, so no breach of it is claimed yet.
    expect(text).not.toContain('artt. 12, paragrafo 3, e 15');
    expect(text).toContain('(di seguito, il “reclamante”)');
    expect(text).toContain('al quale il reclamante è abbonato');
    expect(text).toContain('copia del documento d’identità del reclamante');
  });

  test('the AGCM text: the facts within 1.200 characters, counted, and the authority awards no compensation', () => {
    const text = textOf(fileOf(files, 'agcm.txt'));
    const counted = /DESCRIZIONE DEI FATTI \((\d+) CARATTERI SU 1200\)\n\n(.+)\n/.exec(text)!;
    expect([...counted[2]!].length).toBe(Number(counted[1]));
    expect(counted[2]).toContain('Il termine è scaduto il 21/12/2026 senza risposta.');
    expect(text).toContain('non riconosce rimborsi né risarcimenti ai singoli');
  });

  test('the ConciliaWeb sheet: prefilled fields, the mailbox as customer code, applicability uncertain', () => {
    const text = textOf(fileOf(files, 'conciliaweb.txt'));
    expect(text).toContain('- Codice cliente: mario.rossi@libero.it');
    expect(text).toContain('- Quantificazione economica: 176,33 €');
    expect(text).toContain('- Reclami precedenti: diffida e messa in mora del 01/12/2026, ricevuta il 05/12/2026');
    expect(text).toContain('non risulta alcuna fonte che la applichi ai servizi di posta elettronica');
    expect(text).toContain('non una condizione per agire in giudizio');
    expect(text).not.toMatch(/obbligatori[oa]/);
  });

  test('the Giudice di Pace draft: the court of residence, the parties, the demands, the fee, the documents', () => {
    const text = flat(textOf(fileOf(files, 'giudice-di-pace.pdf')));
    expect(text).toContain('BOZZA DA VERIFICARE PRESSO LA CANCELLERIA');
    expect(text).toContain('Giudice di Pace di Milano');
    expect(text).toContain('Ricorso ai sensi dell’art. 316 c.p.c.');
    expect(text).toContain('Contributo unificato per questo valore: 43,00 €');
    expect(text).toContain('contro Italiaonline S.p.A., C.F. e P. IVA 03970540963');
    expect(text).toContain('Valore della causa: 176,33 €.');
    expect(text).toContain('documentazione del danno: Preventivo perso;');
  });

  test('the calendar file: the sollecito’s term, alarms two days before and on the day, UID from the sollecito', () => {
    const ics = fileOf(files, 'scadenza.ics');
    const event = new ICAL.Component(ICAL.parse(ics.bytes.toString('utf8'))).getFirstSubcomponent('vevent')!;
    // 28/12/2026 + 15 days = 12/01/2027, a Tuesday
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2027-01-12');
    expect(event.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('trigger')))).toEqual([
      '-P1DT15H',
      'PT9H',
    ]);
    expect(event.getFirstPropertyValue('uid')).toBe(deadlineUid(fileOf(files, 'sollecito.pdf').sha256));
  });

  test('deterministic: the same follow-up gives the same bytes', async () => {
    const again = (await followUp(firstLetterClaim(), NO_REPLY, { today: '2026-12-28' })).files;
    expect(again.map((file) => file.sha256)).toEqual(files.map((file) => file.sha256));
  });
});

test('before the deadline, without a reply: no document, and the page says until when to wait', async () => {
  const outcome = await followUp(firstLetterClaim(), NO_REPLY, { today: '2026-12-15' });
  expect(outcome.files).toEqual([]);
  expect(outcome.presented.documents[0]!.explanation).toBe(
    'Il termine della prima lettera non è ancora scaduto: si attende la risposta fino al 21/12/2026.',
  );
});

test('paid in full: nothing to write', async () => {
  const outcome = await followUp(firstLetterClaim(), { ...NO_REPLY, outcome: 'paid' });
  expect(outcome.files).toEqual([]);
  expect(outcome.presented.standing).toContain('Il gestore ha pagato per intero: la pratica è chiusa.');
});

test('a partial offer: the acceptance without waiver, and the sollecito says why the offer does not settle it', async () => {
  const { files } = await followUp(firstLetterClaim(), {
    ...NO_REPLY,
    outcome: 'partial',
    replyOn: '2026-12-10',
    offer: { amount: '40,00', description: 'Buono di 40 euro' },
  });
  const acceptance = flat(textOf(fileOf(files, 'accettazione-parziale.pdf')));
  expect(acceptance).toContain('di corrispondere 40,00 € («Buono di 40 euro»)');
  expect(acceptance).toContain('a titolo di acconto sul maggior credito di 176,33 €');
  expect(acceptance).toContain(
    'non costituiscono rinuncia né quietanza a saldo: resta dovuta la differenza di 136,33 €',
  );
  const sollecito = flat(textOf(fileOf(files, 'sollecito.pdf')));
  expect(sollecito).toContain('ha proposto la somma di 40,00 € («Buono di 40 euro»), inferiore a quella dovuta.');
  expect(sollecito).toContain('copre 40,00 € dei 176,33 € dovuti e lascia scoperti 136,33 €');
});

test('above the self-representation limit: the note that a lawyer is needed, with what to bring', async () => {
  const claim = firstLetterClaim((input) => {
    input.damages = [{ kind: 'lost-income', description: 'Commessa persa', amount: '2.000,00' }];
  });
  const { files } = await followUp(claim, { ...NO_REPLY, outcome: 'refused', replyOn: '2026-12-10' });
  const text = flat(textOf(fileOf(files, 'giudice-di-pace.pdf')));
  expect(text).toContain('Per agire in giudizio serve un avvocato');
  expect(text).toContain('supera 1.100,00 €');
  expect(text).toContain(
    'Il contributo unificato per questo valore è di 98,00 €, oltre 27,00 € di anticipazioni forfettarie',
  );
  expect(text).not.toContain('Ricorso ai sensi');
  const sollecito = flat(textOf(fileOf(files, 'sollecito.pdf')));
  expect(sollecito).toContain('davanti al Giudice di Pace competente, con l’assistenza di un avvocato');
  expect(sollecito).toContain(
    'che risponde dell’inadempimento se non prova che esso è dipeso da causa a lei non imputabile',
  );
});

test('a claimant who reads English gets each document in Italian with an English courtesy translation after it', async () => {
  const claim = firstLetterClaim((input) => (input.letter = { place: 'Milano', date: '2026-12-01', language: 'en' }));
  const { files } = await followUp(claim, NO_REPLY, { language: 'en' });
  const sollecito = flat(textOf(fileOf(files, 'sollecito.pdf')));
  expect(sollecito.indexOf('Oggetto: sollecito e ultima diffida')).toBeLessThan(
    sollecito.indexOf('COURTESY TRANSLATION'),
  );
  expect(sollecito).toContain('Subject: reminder and final notice – follow-up to the formal notice of 1 December 2026');
  expect(sollecito).toContain('Courtesy translation, not the signed original');
  const agcm = textOf(fileOf(files, 'agcm.txt'));
  expect(agcm).toContain('Traduzione di cortesia in inglese: non è il testo da inviare');
  expect(agcm).toContain('DESCRIPTION OF THE FACTS');
});

test('the AGCM facts stay within the limit however long the lost items are, and are counted exactly', async () => {
  const claim = firstLetterClaim((input) => {
    input.damages = Array.from({ length: 12 }, (_, index) => ({
      kind: 'lost-mail' as const,
      description: `Messaggio perso numero ${index + 1} ${'con una descrizione molto lunga '.repeat(8)}`.slice(0, 300),
      amount: 10,
    }));
  });
  const text = textOf(fileOf((await followUp(claim, NO_REPLY)).files, 'agcm.txt'));
  const counted = /DESCRIZIONE DEI FATTI \((\d+) CARATTERI SU 1200\)\n\n(.+)\n/.exec(text)!;
  expect(Number(counted[1])).toBeLessThanOrEqual(1200);
  expect([...counted[2]!].length).toBe(Number(counted[1]));
  expect(counted[2]).toMatch(/…$/);
  expect(counted[2]).toContain('Il termine è scaduto il 21/12/2026 senza risposta.');
});

describe('with a PEC receipt', () => {
  const messageId = '<diffida.followup@pec.example.it>';
  const claim = () => {
    const input = workedExampleClaim();
    input.letter = { place: 'Milano', date: '2026-11-23' };
    return input;
  };
  const pec = { sent: { method: 'pec' as const, on: '2026-11-23' }, outcome: 'no-reply' as const };

  test('a complete delivery receipt carrying the letter: verdict shown, its date is the receipt, cited in the sollecito', async () => {
    const letter = await letterMessage(claim(), messageId);
    const entity = receiptEntity({
      daticert: daticertXml({
        type: 'avvenuta-consegna',
        messageId,
        day: '24/11/2026',
        time: '10:02:17',
        form: 'completa',
      }),
      original: letter.message,
    });
    const outcome = await followUp(claim(), pec, {
      receipt: unsignedReceipt('avvenuta-consegna', messageId, entity),
      sha: letter.sha256,
    });
    expect(outcome.receipt?.verdict).toBe('delivered');
    expect(outcome.receipt?.sentences[0]).toContain('è esattamente');
    expect(outcome.status.receivedOn).toBe('2026-11-24');
    expect(outcome.status.receivedOnSource).toBe('pec-receipt');
    const text = flat(textOf(fileOf(outcome.files, 'sollecito.pdf')));
    expect(text).toContain('e consegnata il 24/11/2026 alle ore 10:02, come attesta la ricevuta di avvenuta consegna');
    expect(text).toContain('identificativo opec.20261123100217.4242.1.1@pec.provider.example.it');
  });

  test('a receipt for another message: said so, and not taken as proof of delivery', async () => {
    const other = await letterMessage({ ...claim(), damages: [] }, messageId);
    const mine = await letterMessage(claim(), messageId);
    const entity = receiptEntity({
      daticert: daticertXml({ type: 'avvenuta-consegna', messageId, day: '24/11/2026', form: 'completa' }),
      original: other.message,
    });
    const outcome = await followUp(
      claim(),
      { ...pec, receivedOn: '2026-11-26' },
      {
        receipt: unsignedReceipt('avvenuta-consegna', messageId, entity),
        sha: mine.sha256,
      },
    );
    expect(outcome.receipt?.verdict).toBe('for-another-message');
    expect(outcome.status.receivedOnSource).toBe('declared');
    expect(outcome.status.receivedOn).toBe('2026-11-26');
  });

  test('the non-delivery sample: delivery failed, nothing applies until the letter is sent again', async () => {
    const outcome = await followUp(claim(), pec, { receipt: sample('errore-consegna'), sha: LETTER_SHA });
    expect(outcome.receipt?.verdict).toBe('delivery-failed');
    expect(outcome.files).toEqual([]);
    expect(outcome.presented.standing[0]).toBe('La ricevuta PEC dice che la prima lettera non è stata consegnata.');
  });

  test('the acceptance sample: not yet delivered, so the date comes from the claimant or the sending', async () => {
    const outcome = await followUp(claim(), pec, { receipt: sample('accettazione'), sha: LETTER_SHA });
    expect(outcome.receipt?.verdict).toBe('acceptance-only');
    expect(outcome.status.receivedOnSource).toBe('estimated-from-sending');
  });

  test('a file that is not a receipt is reported, not a crash', async () => {
    const outcome = await followUp(claim(), pec, { receipt: Buffer.from('hello'), sha: LETTER_SHA });
    expect(outcome.receipt?.verdict).toBe('not-a-receipt');
  });
});

describe('refusals, each with the field named', () => {
  const run = (followup: unknown, today = '2026-12-28', caseFile = { claim: firstLetterClaim(), sha: LETTER_SHA }) =>
    followupServiceOn(today).followUp({
      caseFile: { claim: caseFile.claim, association: null, letterSha256: caseFile.sha },
      followup,
      receipt: null,
      language: 'en',
    });

  test('a date after today, a sending before the letter', async () => {
    const outcome = await run({
      ...NO_REPLY,
      sent: { method: 'raccomandata', on: '2026-11-30' },
      receivedOn: '2027-01-01',
    });
    expect(outcome).toEqual({
      ok: false,
      errors: [
        { path: 'followup.sent.on', message: 'The letter cannot have been sent before its date (1 December 2026).' },
        { path: 'followup.receivedOn', message: 'The date cannot be after today.' },
      ],
    });
  });

  test('a claim without its letter date, and an unknown outcome, both reported', async () => {
    const outcome = await run({ ...NO_REPLY, outcome: 'maybe' }, '2026-12-28', {
      claim: workedExampleClaim(),
      sha: LETTER_SHA,
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.errors.map((error) => error.path)).toEqual(['claim.letter.date', 'followup.outcome']);
  });
});

test('the Garante complaint of a woman with a free account: “la reclamante”, “utente con account gratuito”', async () => {
  const claim = freeClaim();
  claim.letter = { place: 'Genova', date: '2026-12-01' };
  claim.damages = [{ kind: 'data-loss', description: 'Foto di famiglia', amount: 50 }];
  const { files } = await followUp(claim, NO_REPLY, { today: '2027-01-20' });
  const text = flat(textOf(fileOf(files, 'garante.pdf')));
  expect(text).toContain('La sottoscritta Manuela Ricci');
  expect(text).toContain('(di seguito, la “reclamante”)');
  expect(text).toContain('di cui la reclamante è utente con account gratuito');
  expect(text).toContain('la casella della reclamante è rimasta inaccessibile');
  expect(text).not.toMatch(/\bil reclamante\b/);
  // 20/01/2027 is after 05/01/2027: the month of art. 12(3) has run out.
  expect(text).toContain('rimasta senza risposta oltre il termine di un mese dal ricevimento');
});
