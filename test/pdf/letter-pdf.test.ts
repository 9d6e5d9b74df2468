import fs from 'node:fs';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { createDefaultLetterService } from '../../server/use-cases/default-letter-service';
import type { LetterService } from '../../server/use-cases/letter-service';
import { businessClaim, freeClaim, workedExampleClaim } from '../fixtures/claims';
import { flatText, pdfInfo, pdfText } from '../support/pdf-tools';
import { TEST_NOW, testLetterService } from '../support/test-service';

async function render(input: ClaimInput, service: LetterService = testLetterService()) {
  const outcome = await service.letter(input, 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error(`not rendered: ${JSON.stringify(outcome)}`);
  return outcome;
}

function change(base: ClaimInput, mutate: (claim: ClaimInput) => void): ClaimInput {
  const copy = structuredClone(base);
  mutate(copy);
  return copy;
}

describe('the letter of the worked example', () => {
  let text: string;
  let pdf: Buffer;
  beforeAll(async () => {
    ({ pdf } = await render(workedExampleClaim()));
    text = flatText(pdf);
  });

  test('names the claimant and the provider with its registered office', () => {
    for (const expected of [
      'Mario Rossi',
      'RSSMRA79B11C566R',
      'Via Roma 12',
      'mario.rossi@libero.it',
      'Italiaonline S.p.A.',
      'Via del Bosco Rinnovato 8, Palazzo U4',
      '20057 Assago (MI)',
      '03970540963',
    ]) {
      expect(text).toContain(expected);
    }
  });

  test('states the incident dates, every amount and the term counted from receipt', () => {
    for (const expected of [
      'dal 22/01/2023 al 28/01/2023',
      'Dalle ore 22:00 del 22/01/2023 alle ore 20:00 del 28/01/2023',
      'per un totale di 6 giorni',
      '36,00 €',
      '0,33 €',
      '150,00 €',
      '10,00 €',
      'la somma complessiva di 176,33 €, oltre interessi legali dal ricevimento della presente al saldo',
      'entro e non oltre 15 (quindici) giorni dal ricevimento della presente',
      'Milano, 23/11/2026',
    ]) {
      expect(text).toContain(expected);
    }
  });

  test('cites the articles that apply to this claim', () => {
    for (const article of [
      'art. 1176, comma 2, c.c.',
      'art. 1218 c.c.',
      'art. 1228 c.c.',
      'art. 1229, comma 1, c.c.',
      'art. 1226 c.c.',
      'Delibera AGCOM 347/18/CONS',
      'artt. 1218 e 1223 c.c.',
      'art. 1224 c.c.',
      'art. 1219 c.c.',
      'art. 2943 c.c.',
      'art. 33, comma 2, lett. b), del Codice del Consumo',
    ]) {
      expect(text).toContain(article);
    }
    // No termination was asked: art. 1453 has no place here (W6); no data loss: no GDPR damages.
    expect(text).not.toContain('1453');
    expect(text).not.toContain('art. 82');
  });

  test('has the parts of a diffida in order, numbered demands and a page footer', () => {
    const order = [
      'Oggetto:',
      '1. Fatti',
      '2. Danni',
      '3. Diritto',
      '4. Richieste',
      'INVITA E DIFFIDA',
      '1. corrispondere',
      'COSTITUISCE IN MORA',
      '5. Avvertenze',
      'Distinti saluti.',
      'Firma',
      'Allegati',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/Pagina 1 di \d/);
    // The footer carries page numbers only; the ruleset version is in the metadata (R9).
    expect(text).not.toMatch(/Reclamo|regole|2026\.12/);
    expect(pdfInfo(pdf).Keywords).toContain('2026.12.1');
  });

  test('without a PEC of the sender the letter goes by raccomandata, and never shows a blank to fill in', () => {
    expect(text).toContain('A mezzo raccomandata A/R');
    expect(text).not.toContain('___');
  });

  test('is a tagged PDF/A-3a, A4, in Italian, with a title free of personal data', () => {
    const info = pdfInfo(pdf);
    expect(info['PDF subtype']).toBe('PDF/A-3a');
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('595.28 x 841.89');
    expect(info.Title).toBe('Reclamo, diffida e messa in mora – Libero Mail');
    expect(info.raw).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(info.raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(pdf.toString('latin1')).toContain('/Lang (it-IT)');
    expect(info.Title).not.toMatch(/Rossi|Mario/);
  });
});

test('the same claim and date give byte-identical PDFs, even from a service with freshly parsed fonts', async () => {
  const first = await render(workedExampleClaim());
  const second = await render(workedExampleClaim());
  const fresh = await render(
    workedExampleClaim(),
    createDefaultLetterService({ PROVIDER_PEC: undefined }, () => TEST_NOW),
  );
  expect(second.pdf.equals(first.pdf)).toBe(true);
  expect(fresh.pdf.equals(first.pdf)).toBe(true);
  expect(fresh.sha256).toBe(first.sha256);
  expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
});

test('names outside Latin-1 print and extract correctly', async () => {
  const { pdf } = await render(
    change(workedExampleClaim(), (claim) => {
      claim.claimant.firstName = 'Ştefan';
      claim.claimant.lastName = 'Łukasiewicz-Øre';
      claim.claimant.address.street = 'Ulica Żółta 3';
    }),
  );
  const text = flatText(pdf);
  expect(text).toContain('Ştefan Łukasiewicz-Øre');
  expect(text).toContain('Ulica Żółta 3');
});

test('a free account: no refund, the €1 a day parameter, both incidents and their facts', async () => {
  const text = flatText((await render(freeClaim())).pdf);
  expect(text).toContain('12,00 €');
  expect(text).toContain(
    '1,00 € al giorno, fino a un massimo di 100,00 €: art. 6, comma 4, in relazione all’art. 4, comma 3',
  );
  expect(text).toContain('dal 22/01/2023 al 28/01/2023 e dal 13/06/2023 al 19/06/2023');
  expect(text).toContain('storage');
  expect(text).not.toContain('1453');
  expect(text).not.toContain('2. Danni');
  expect(text).toContain('è titolare, con account gratuito, della casella');
  expect(text).not.toContain('prova dell’abbonamento');
});

test('a letter states only the facts already public on its date', async () => {
  const dated = (date: string) =>
    change(freeClaim(), (claim) => {
      claim.letter = { date };
    });
  const on = (date: string) => testLetterService({ now: Date.parse(`${date}T10:00:00Z`) });
  const before = flatText((await render(dated('2023-07-01'), on('2023-07-01'))).pdf);
  expect(before).not.toContain('24/07/2023');
  const after = flatText((await render(dated('2023-08-01'), on('2023-08-01'))).pdf);
  expect(after).toContain('L’Autorità Garante della Concorrenza e del Mercato ha avviato il 24/07/2023');
  expect(after).not.toContain('Il procedimento si è poi concluso');
  const today = flatText((await render(freeClaim())).pdf);
  expect(today).toContain('Il procedimento si è poi concluso, senza sanzione');
});

test('a business claim speaks as the company through its representative, with partial days at €3', async () => {
  const text = flatText(
    (await render(businessClaim(), testLetterService({ providerPec: 'reclami@pec.example.org' }))).pdf,
  );
  expect(text).toContain('La società Verdi Consulenze S.r.l., P. IVA 00743110157');
  expect(text).toContain('in persona del legale rappresentante pro tempore Luca Verdi');
  expect(text).toContain('il legale rappresentante pro tempore Luca Verdi');
  expect(text).toContain('3,00 € al giorno: art. 6, comma 2');
  expect(text).not.toContain('6,00 € al giorno');
  expect(text).toContain('artt. 1341 e 1342 c.c.');
  expect(text).not.toContain('Codice del Consumo, D.Lgs.');
  expect(text).not.toContain('art. 141');
  expect(text).toContain('A mezzo PEC all’indirizzo reclami@pec.example.org');
  expect(text).toContain('2.500,00 €');
  expect(text).toContain('negoziazione assistita');
});

test('data loss brings in the GDPR; raccomandata changes the delivery line', async () => {
  const text = flatText(
    (
      await render(
        change(workedExampleClaim(), (claim) => {
          claim.damages = [{ kind: 'data-loss', description: 'Archivio perso', amount: 40 }];
          claim.claimant.pec = 'mario.rossi@pec.example.org';
          claim.letter = { delivery: 'raccomandata' };
        }),
      )
    ).pdf,
  );
  expect(text).toContain('art. 4, punto 12), del Regolamento (UE) 2016/679');
  expect(text).toContain('(art. 82 del Regolamento (UE) 2016/679)');
  expect(text).toContain('il Tribunale: art. 10 D.Lgs. 150/2011');
  expect(text).toContain('A mezzo raccomandata A/R');
});

test('the English letter', async () => {
  const outcome = await render(
    change(workedExampleClaim(), (claim) => {
      claim.letter = { language: 'en' };
    }),
  );
  const text = flatText(outcome.pdf);
  // The Italian letter first, as it is signed and sent; the English courtesy translation after it, marked.
  const translation = text.indexOf('COURTESY TRANSLATION');
  expect(text.indexOf('Oggetto: reclamo formale')).toBeGreaterThanOrEqual(0);
  expect(translation).toBeGreaterThan(text.indexOf('Distinti saluti.'));
  expect(text.slice(translation)).toContain('Subject: formal complaint, notice and demand');
  expect(text.slice(translation)).toContain('€176.33');
  expect(text.slice(translation)).toContain('within 15 (fifteen) days of receipt of this letter');
  expect(text.slice(translation)).toContain('Milano, 23 November 2026');
  expect(text).toMatch(/Pagina 1 di \d/);
  expect(text).toMatch(/Courtesy translation, not the signed original – page 1 of \d/);
  expect(outcome.fileName).toBe('formal-notice-rossi-mario-2026-11-23.pdf');
  expect(pdfInfo(outcome.pdf).Title).toBe(
    'Reclamo, diffida e messa in mora – Libero Mail (con traduzione di cortesia in inglese)',
  );
});

test('a long damages table is never split inside a row and repeats its header on the next page', async () => {
  const damages = Array.from({ length: 20 }, (_, index) => ({
    kind: 'extra-costs' as const,
    description:
      `Voce ${index + 1}: spese di recupero dei messaggi ` + 'e di comunicazione con i clienti durante il disservizio',
    amount: `${index + 1},00`,
  }));
  const { pdf } = await render(
    change(workedExampleClaim(), (claim) => {
      claim.damages = damages;
    }),
  );
  if (process.env.KEEP_PDF) fs.writeFileSync(process.env.KEEP_PDF, pdf);
  const pages = Number(pdfInfo(pdf).Pages);
  expect(pages).toBeGreaterThan(2);
  const pageTexts = Array.from({ length: pages }, (_, index) => flatText(pdf, index + 1));
  for (let index = 0; index < damages.length; index += 1) {
    const page = pageTexts.find((candidate) => candidate.includes(`Voce ${index + 1}:`));
    expect(page).toBeDefined();
    expect(page).toContain(`${damages[index]!.description} ${index + 1},00 €`);
  }
  const pagesWithRows = pageTexts.filter((page) =>
    /Voce \d+:/.test(page.replace(/documentazione del danno: Voce \d+/g, '')),
  );
  expect(pagesWithRows.length).toBeGreaterThan(1);
  for (const page of pagesWithRows) expect(page).toMatch(/Tipo Descrizione .*Importo/);
  // No page is blank (writing in the bottom margin would add one).
  for (const page of pageTexts) expect(page.replace(/Pagina \d+ di \d+/, '').trim().length).toBeGreaterThan(0);
  expect(pdfText(pdf)).not.toMatch(/\f\s*\f/);
});
