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

  test('states the incident dates, every amount and the deadline as a date', () => {
    for (const expected of [
      'dal 22/01/2023 al 28/01/2023',
      '22/01/2023 ore 22:00',
      '28/01/2023 ore 20:00',
      '6 giorni',
      '36,00 €',
      '0,33 €',
      '150,00 €',
      '10,00 €',
      '176,33 €',
      'entro e non oltre il 16/03/2023',
      'Milano, 01/03/2023',
    ]) {
      expect(text).toContain(expected);
    }
  });

  test('cites the articles that apply to this claim', () => {
    for (const article of [
      'art. 1176 c.c.',
      'art. 1218 c.c.',
      'art. 1228 c.c.',
      'art. 1229 c.c.',
      'art. 1226 c.c.',
      'Delibera AGCOM 347/18/CONS',
      'artt. 1218 e 1453 c.c.',
      'art. 1223 c.c.',
      'art. 1219 c.c.',
      'art. 2943 c.c.',
      'art. 33, comma 2, lett. b, D.Lgs. 206/2005',
    ]) {
      expect(text).toContain(article);
    }
    expect(text).not.toContain('2016/679');
  });

  test('has the parts of a diffida in order, numbered demands and a page footer', () => {
    const order = [
      'Oggetto:',
      '1. Fatti',
      '2. Danni',
      '3. Diritto',
      '4. Richieste',
      'DIFFIDA E METTE IN MORA',
      '1. corrispondere',
      '5. Termine',
      '6. Avvertenze',
      'Distinti saluti.',
      'Firma',
      'Allegati',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/Pagina 1 di \d/);
    expect(text).toContain('regole 2026.11.1');
  });

  test('without a configured PEC the address is left to be filled in, never invented', () => {
    expect(text).toContain("A mezzo PEC all'indirizzo ______________________________ (da completare)");
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
  expect(text).toContain('1,00 € al giorno, fino a un massimo di 100,00 €');
  expect(text).toContain('dal 22/01/2023 al 28/01/2023 e dal 13/06/2023 al 19/06/2023');
  expect(text).toContain('storage');
  expect(text).not.toContain('1453');
  expect(text).not.toContain('2. Danni');
  expect(text).toContain('con un account gratuito');
  expect(text).not.toContain("prova dell'abbonamento");
});

test('a letter states only the facts already public on its date', async () => {
  const before = flatText(
    (
      await render(
        change(freeClaim(), (claim) => {
          claim.letter = { date: '2023-07-01' };
        }),
      )
    ).pdf,
  );
  expect(before).not.toContain('24/07/2023');
  const after = flatText(
    (
      await render(
        change(freeClaim(), (claim) => {
          claim.letter = { date: '2023-08-01' };
        }),
      )
    ).pdf,
  );
  expect(after).toContain("L'Autorità Garante della Concorrenza e del Mercato ha avviato il 24/07/2023");
});

test('a business claim speaks as the company through its representative, with partial days at €3', async () => {
  const text = flatText(
    (await render(businessClaim(), testLetterService({ providerPec: 'reclami@pec.example.org' }))).pdf,
  );
  expect(text).toContain('La società Verdi Consulenze S.r.l., P. IVA 00743110157');
  expect(text).toContain('in persona del legale rappresentante Luca Verdi');
  expect(text).toContain('il legale rappresentante Luca Verdi');
  expect(text).toContain('3,00 € al giorno');
  expect(text).toContain('artt. 1341 e 1342 c.c.');
  expect(text).not.toContain('D.Lgs. 206/2005');
  expect(text).toContain("A mezzo PEC all'indirizzo reclami@pec.example.org");
  expect(text).toContain('2.500,00 €');
});

test('data loss brings in the GDPR; raccomandata changes the delivery line', async () => {
  const text = flatText(
    (
      await render(
        change(workedExampleClaim(), (claim) => {
          claim.damages = [{ kind: 'data-loss', description: 'Archivio perso', amount: 40 }];
          claim.letter = { date: '2023-03-01', delivery: 'raccomandata' };
        }),
      )
    ).pdf,
  );
  expect(text).toContain('art. 4, n. 12, Reg. UE 2016/679');
  expect(text).toContain('(art. 82)');
  expect(text).toContain('A mezzo raccomandata A/R');
});

test('the English letter', async () => {
  const outcome = await render(
    change(workedExampleClaim(), (claim) => {
      claim.letter = { date: '2023-03-01', language: 'en' };
    }),
  );
  const text = flatText(outcome.pdf);
  expect(text).toContain('Subject: formal complaint, notice and demand');
  expect(text).toContain('€176.33');
  expect(text).toContain('by 16/03/2023 at the latest');
  expect(text).toMatch(/Page 1 of \d/);
  expect(outcome.fileName).toBe('formal-notice-rossi-mario-2023-03-01.pdf');
  expect(pdfInfo(outcome.pdf).Title).toBe('Formal complaint, notice and demand – Libero Mail');
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
  for (const page of pageTexts) expect(page.replace(/Diffida generata.*$/, '').trim().length).toBeGreaterThan(0);
  expect(pdfText(pdf)).not.toMatch(/\f\s*\f/);
});
