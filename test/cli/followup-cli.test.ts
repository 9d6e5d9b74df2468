import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { deadlineUid } from '../../server/calendar/deadline-calendar';
import { workedExampleClaim } from '../fixtures/claims';
import { sample } from '../support/pec-receipts';
import { pdfText } from '../support/pdf-tools';
import { runCli } from '../support/run-cli';

/** "Today" in the CLI tests is 23/11/2026; the first letter is of 01/11/2026, received 03/11: its term ended 18/11. */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-followup-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function caseFile(
  name: string,
  body: unknown = { claim: { ...workedExampleClaim(), letter: { place: 'Milano', date: '2026-11-01' } } },
) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}

test('no reply: every document that applies, scadenza.ics, LEGGIMI.txt and README.txt; exit 0', async () => {
  const out = path.join(dir, 'no-reply');
  const { code, stdout, stderr } = await runCli([
    'followup',
    caseFile('case.json'),
    '--outcome',
    'no-reply',
    '--sent-on',
    '2026-11-02',
    '--received-on',
    '2026-11-03',
    '--raccomandata',
    'RR 0042 1234-5',
    '-o',
    out,
  ]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(
    [
      'LEGGIMI.txt',
      'README.txt',
      'agcm.txt',
      'conciliaweb.txt',
      'garante.pdf',
      'giudice-di-pace.pdf',
      'scadenza.ics',
      'sollecito.pdf',
    ].sort(),
  );
  expect(stdout).toContain('Raccomandata n. RR 0042 1234-5.');
  const sollecito = pdfText(fs.readFileSync(path.join(out, 'sollecito.pdf'))).replace(/\s+/g, ' ');
  expect(sollecito).toContain('raccomandata A/R n. RR 0042 1234-5 il 02/11/2026 e ricevuta il 03/11/2026');
  const leggimi = fs.readFileSync(path.join(out, 'LEGGIMI.txt'), 'utf8');
  expect(leggimi).toContain('- sollecito.pdf: Sollecito e ultima diffida. Una seconda lettera formale');
  expect(leggimi).toContain('- scadenza.ics: la scadenza del sollecito (09/12/2026), da aggiungere al calendario');
  expect(leggimi).toContain(
    '- Accettazione della proposta parziale: Serve solo quando il gestore propone una somma parziale.',
  );
  const readme = fs.readFileSync(path.join(out, 'README.txt'), 'utf8');
  expect(readme).toContain('Files written');
  expect(readme).toContain('- Acceptance of the partial offer: Only needed when the provider offers part of the sum.');
  const event = new ICAL.Component(
    ICAL.parse(fs.readFileSync(path.join(out, 'scadenza.ics'), 'utf8')),
  ).getFirstSubcomponent('vevent')!;
  expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-12-09');
});

test('paid in full: nothing applies, exit 1, and the files say why', async () => {
  const out = path.join(dir, 'paid');
  const { code } = await runCli(['followup', caseFile('paid.json'), '--outcome', 'paid', '-o', out]);
  expect(code).toBe(1);
  expect(fs.readdirSync(out).sort()).toEqual(['LEGGIMI.txt', 'README.txt']);
  expect(fs.readFileSync(path.join(out, 'LEGGIMI.txt'), 'utf8')).toContain('- Nessun documento si applica.');
});

test('a partial offer writes the acceptance letter too', async () => {
  const out = path.join(dir, 'partial');
  const { code } = await runCli([
    'followup',
    caseFile('partial.json'),
    '--outcome',
    'partial',
    '--offer',
    '25,50',
    '--received-on',
    '2026-11-03',
    '-o',
    out,
  ]);
  expect(code).toBe(0);
  const text = pdfText(fs.readFileSync(path.join(out, 'accettazione-parziale.pdf'))).replace(/\s+/g, ' ');
  expect(text).toContain('di corrispondere 25,50 €');
  expect(text).toContain('resta dovuta la differenza di 150,83 €');
});

test('the non-delivery sample as the receipt: the verdict printed, nothing applies, exit 1', async () => {
  const receipt = path.join(dir, 'errore.eml');
  fs.writeFileSync(receipt, sample('errore-consegna'));
  const out = path.join(dir, 'failed');
  const { code, stdout } = await runCli([
    'followup',
    caseFile('pec.json'),
    '--outcome',
    'no-reply',
    '--receipt',
    receipt,
    '--sha256',
    'd'.repeat(64),
    '-o',
    out,
  ]);
  expect(code).toBe(1);
  expect(stdout).toContain('La ricevuta PEC dice che la prima lettera non è stata consegnata.');
});

test('bad input: exit 2 with the reason', async () => {
  const missingOutcome = await runCli(['followup', caseFile('x.json'), '-o', path.join(dir, 'x')]);
  expect(missingOutcome).toMatchObject({ code: 2, stderr: '--outcome: no-reply | refused | partial | paid\n' });
  expect((await runCli(['followup', caseFile('y.json'), '--outcome', 'paid'])).stderr).toContain('manca -o');
  const badDate = await runCli([
    'followup',
    caseFile('z.json'),
    '--outcome',
    'no-reply',
    '--received-on',
    '03/11/2026',
    '-o',
    path.join(dir, 'z'),
  ]);
  expect(badDate.code).toBe(2);
  expect(badDate.stderr).toContain('followup.receivedOn: Data non valida');
  const noDate = await runCli([
    'followup',
    caseFile('w.json', { claim: workedExampleClaim() }),
    '--outcome',
    'paid',
    '-o',
    path.join(dir, 'w'),
  ]);
  expect(noDate.code).toBe(2);
  expect(noDate.stderr).toContain('claim.letter.date');
  const missing = await runCli([
    'followup',
    path.join(dir, 'none.json'),
    '--outcome',
    'paid',
    '-o',
    path.join(dir, 'v'),
  ]);
  expect(missing.code).toBe(2);
});

test('reclamo letter --ics writes the first letter’s calendar file: the deadline, the UID from the PDF’s SHA-256', async () => {
  const claimFile = caseFile('letter.json', workedExampleClaim());
  const pdf = path.join(dir, 'letter.pdf');
  const ics = path.join(dir, 'deadline.ics');
  const { code, stdout } = await runCli(['letter', claimFile, '-o', pdf, '--ics', ics]);
  expect(code).toBe(0);
  const sha = /SHA-256 ([0-9a-f]{64})/.exec(stdout)![1]!;
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(ics, 'utf8')));
  const event = calendar.getFirstSubcomponent('vevent')!;
  expect(event.getFirstPropertyValue('uid')).toBe(deadlineUid(sha));
  // 23/11/2026 + 15 days = 08/12/2026, a holiday (Immacolata): 09/12/2026
  expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-12-09');
  expect(String(event.getFirstPropertyValue('description'))).toContain('http://localhost:3000/followup?lang=it');
  expect(event.getAllSubcomponents('valarm')).toHaveLength(2);
});
