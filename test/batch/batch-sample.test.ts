import { createHash } from 'node:crypto';
import { RenderPool } from '../../server/batch/render-pool';
import { flatText } from '../support/pdf-tools';
import { runFixture, SAMPLE_CSV, type FixtureRun } from '../support/batch-run';

let pool: RenderPool;
let run: FixtureRun;
beforeAll(async () => {
  pool = new RenderPool({ size: 2, providerPec: null });
  run = await runFixture(SAMPLE_CSV, pool);
});
afterAll(() => pool.close());

test('the sample list gives exactly the expected report: each deliberate error with its reason, every other row a PDF', () => {
  const rows = run.report
    .slice(1)
    .map(([row, name, status, total, reasons, file]) => ({ row, name, status, total, reasons, file }));
  expect(run.report[0]).toEqual(['riga', 'nome', 'stato', 'totale', 'motivi', 'file', 'sha256']);
  expect(rows).toEqual([
    { row: '1', name: 'Mario Rossi', status: 'ok', total: '176,33', reasons: '', file: '0001-rossi-mario.pdf' },
    { row: '2', name: 'Manuela Ricci', status: 'ok', total: '12,00', reasons: '', file: '0002-ricci-manuela.pdf' },
    {
      row: '3',
      name: 'Giulia Bianchi',
      status: 'invalid',
      total: '',
      reasons:
        'codice_fiscale: Codice fiscale non valido: il carattere di controllo ' +
        'non corrisponde. Verificare di averlo copiato senza errori.',
      file: '',
    },
    {
      row: '4',
      name: 'Luca Verdi',
      status: 'ok',
      total: '2509,41',
      // The review's R13: the tax code of row 4 is Manuela Ricci's, that of row 8 Mario Rossi's.
      reasons:
        'Le prime sei lettere del codice fiscale (RCCMNL) non corrispondono a cognome e nome indicati ' +
        '(sarebbero VRDLCU): verificare che codice e nome siano della stessa persona. Se il codice è giusto ' +
        '(l’Agenzia delle Entrate può averne assegnato uno diverso), si può procedere.',
      file: '0004-verdi-luca.pdf',
    },
    {
      row: '5',
      name: 'Anna Neri',
      status: 'invalid',
      total: '',
      reasons: 'canone_annuo: Per un account a pagamento o business indicare il canone annuo o un piano a pagamento.',
      file: '',
    },
    {
      row: '6',
      name: 'Paolo Gialli',
      status: 'invalid',
      total: '',
      reasons: "fine_disservizio: La fine deve essere successiva all'inizio.",
      file: '',
    },
    {
      row: '7',
      name: 'Sara Blu',
      status: 'invalid',
      total: '',
      reasons:
        'gestore: Il dominio gmail.com non è di Libero Mail né di Virgilio ' +
        'Mail: indicare il gestore nella colonna gestore (libero o virgilio).',
      file: '',
    },
    {
      row: '8',
      name: 'Ştefan Łukasiewicz-Øre',
      status: 'ok',
      total: '116,83',
      reasons:
        'Le prime sei lettere del codice fiscale (RSSMRA) non corrispondono a cognome e nome indicati ' +
        '(sarebbero LKSSFN): verificare che codice e nome siano della stessa persona. Se il codice è giusto ' +
        '(l’Agenzia delle Entrate può averne assegnato uno diverso), si può procedere.',
      file: '0008-lukasiewicz-ore-stefan.pdf',
    },
    {
      row: '9',
      name: 'Elena Conti',
      status: 'invalid',
      total: '',
      reasons: 'partita_iva: Partita IVA non valida: la cifra di controllo non corrisponde.',
      file: '',
    },
    expect.objectContaining({ row: '10', name: `'=HYPERLINK("http://x" "y")`, status: 'invalid', file: '' }),
  ]);
  const formulaRow = rows[9]!.reasons!;
  expect(formulaRow.startsWith('Celle oltre le colonne dell’intestazione: 1.')).toBe(true);
  expect(formulaRow).toContain('nome: Non può iniziare con =, +, - o @.');
  expect(run.summary.counts).toEqual({ ok: 4, 'not-eligible': 0, invalid: 6, duplicate: 0 });
});

test('the ZIP holds one PDF per ok row, in row order, then the report; each SHA-256 matches its PDF', () => {
  expect([...run.entries.keys()]).toEqual([
    '0001-rossi-mario.pdf',
    '0002-ricci-manuela.pdf',
    '0004-verdi-luca.pdf',
    '0008-lukasiewicz-ore-stefan.pdf',
    'report.csv',
  ]);
  for (const cells of run.report.slice(1).filter((cells) => cells[2] === 'ok')) {
    const pdf = run.entries.get(cells[5]!)!;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(cells[6]);
  }
});

test("a letter of the batch is the member's own letter when no association is given", () => {
  const text = flatText(run.entries.get('0001-rossi-mario.pdf')!);
  expect(text).toContain('Il sottoscritto Mario Rossi');
  expect(text).not.toContain('in nome e per conto');
});
