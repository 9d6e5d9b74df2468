import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { claimToInput } from '../../server/core/claim/claim-to-input';
import { validateClaim } from '../../server/core/claim/validate-claim';
import { RULESET } from '../../server/core/rules/ruleset';
import { readClaimFromLetter } from '../../server/pdf/read-claim-from-letter';
import { checkLetterClaim } from '../../server/use-cases/check-letter-claim';
import { workedExampleClaim } from '../fixtures/claims';
import { runCli } from '../support/run-cli';
import { TEST_NOW, testLetterService } from '../support/test-service';
import { variedClaims } from '../support/varied-claims';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-claim-pdf-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function letter(input = workedExampleClaim()) {
  const outcome = await testLetterService().letter(input, 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error('not rendered');
  return outcome;
}

function readOk(pdf: Buffer) {
  const reading = readClaimFromLetter(pdf);
  if (!reading.ok) throw new Error(reading.message.en);
  return reading;
}

/** Replaces the embedded claim with `edit(json)` the way another tool would: qpdf rewrites the attachment. */
function replaceAttachment(pdf: Buffer, edit: (json: Record<string, unknown>) => void): Buffer {
  const input = write('in.pdf', pdf);
  const json = JSON.parse(readOk(pdf).json.toString('utf8')) as Record<string, unknown>;
  edit(json);
  const edited = write('reclamo-claim.json', JSON.stringify(json, null, 2));
  const output = path.join(dir, 'out.pdf');
  execFileSync('qpdf', [input, '--add-attachment', edited, '--key=reclamo-claim.json', '--replace', '--', output]);
  return fs.readFileSync(output);
}

describe('the claim the letter carries', () => {
  test('pdfdetach lists reclamo-claim.json, and what it saves is what readClaimFromLetter reads', async () => {
    const { pdf } = await letter();
    const file = write('letter.pdf', pdf);
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toBe(
      '1 embedded files\n1: reclamo-claim.json\n',
    );
    const saved = path.join(dir, 'saved.json');
    execFileSync('pdfdetach', ['-save', '1', '-o', saved, file]);
    expect(fs.readFileSync(saved).equals(readOk(pdf).json)).toBe(true);
  });

  test('holds the claim as the API takes it, the assessment as the API returns it, the ruleset, language and date', async () => {
    const outcome = await letter();
    const { record } = readOk(outcome.pdf);
    expect(record).toMatchObject({
      format: 'reclamo-claim',
      schemaVersion: 1,
      rulesetVersion: RULESET.version,
      language: 'it',
      letterDate: '2026-11-23',
      association: null,
      providerPec: null,
    });
    expect(record.assessment).toEqual(outcome.presented);
    expect(record.assessment.compensation.total).toBe('176,33 €');
    expect(record.claim.damages).toEqual([{ kind: 'lost-mail', description: 'Preventivo perso', amount: '150.00' }]);
    // The letter's date is written into the claim it carries (the fixture leaves it to today).
    expect(record.claim.letter).toEqual({ place: 'Milano', date: '2026-11-23' });
    const again = validateClaim(record.claim, 'it');
    expect(again.ok && again.value).toEqual({
      ...outcome.claim,
      letter: { ...outcome.claim.letter, date: '2026-11-23' },
    });
  });

  test('a letter without a date of its own gets the date it was written, so assessing it again gives the same letter', async () => {
    const input = workedExampleClaim();
    delete input.letter;
    const outcome = await letter(input);
    const { record } = readOk(outcome.pdf);
    expect(record.claim.letter).toEqual({ date: '2026-11-23' });
    expect(checkLetterClaim(record, { rulesets: [RULESET], now: TEST_NOW })).toEqual({
      status: 'matches',
      rulesetVersion: RULESET.version,
    });
  });

  test('for 200 varied claims: the embedded claim validates back to the same claim and its assessment matches', async () => {
    for (const input of variedClaims(200)) {
      const service = testLetterService();
      const assessed = service.assess(input, 'it');
      if (!assessed.ok || !assessed.assessment.eligible)
        throw new Error(`claim not eligible: ${JSON.stringify(input)}`);
      const again = validateClaim(claimToInput(assessed.claim), 'it');
      expect(again.ok && again.value).toEqual(assessed.claim);
    }
    for (const input of variedClaims(200).filter((_, index) => index % 10 === 0)) {
      const { record } = readOk((await letter(input)).pdf);
      expect(checkLetterClaim(record, { rulesets: [RULESET], now: TEST_NOW }).status).toBe('matches');
    }
  });
});

describe('refused, with the reason', () => {
  test('a letter whose embedded total was edited: read, then the check says what differs', async () => {
    const { pdf } = await letter();
    const tampered = replaceAttachment(pdf, (json) => {
      const assessment = json.assessment as { compensation: { totalCents: number; total: string } };
      assessment.compensation.totalCents = 27633;
      assessment.compensation.total = '276,33 €';
    });
    const reading = readOk(tampered);
    const check = checkLetterClaim(reading.record, { rulesets: [RULESET], now: TEST_NOW });
    expect(check).toEqual({
      status: 'differs',
      rulesetVersion: RULESET.version,
      differences: [{ field: 'compensation.totalCents', inLetter: '27633', recomputed: '17633' }],
    });
    const cli = await runCli(['inspect', write('tampered.pdf', tampered)]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('NON corrisponde alle regole');
    expect(cli.stdout).toContain('compensation.totalCents: 27633 → 17633');
  });

  test('an embedded file edited in place (its checksum no longer matches)', async () => {
    const { pdf } = await letter();
    const input = write('plain-in.pdf', pdf);
    const plain = path.join(dir, 'plain.pdf');
    execFileSync('qpdf', ['--stream-data=uncompress', input, plain]);
    const bytes = fs.readFileSync(plain);
    const at = bytes.indexOf('"totalCents": 17633');
    expect(at).toBeGreaterThan(0);
    bytes.write('"totalCents": 97633', at, 'latin1');
    const reading = readClaimFromLetter(bytes);
    expect(reading).toMatchObject({ ok: false, problem: 'damaged' });
    expect(!reading.ok && reading.message.it).toBe(
      'Il file reclamo-claim.json dentro il PDF è stato modificato o è danneggiato (la sua impronta non corrisponde).',
    );
  });

  test('a truncated PDF', async () => {
    const { pdf } = await letter();
    const reading = readClaimFromLetter(pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    expect(reading).toMatchObject({ ok: false, problem: 'truncated' });
    expect(!reading.ok && reading.message.en).toMatch(/incomplete \(truncated\)/);
  });

  test('a PDF from another program', async () => {
    const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.text('Fattura n. 12');
    doc.end();
    const other = await done;
    const reading = readClaimFromLetter(other);
    expect(reading).toMatchObject({ ok: false, problem: 'no-claim' });
    expect(!reading.ok && reading.message.it).toBe(
      'Questo PDF non è una lettera di Reclamo: non contiene il file reclamo-claim.json con i dati della richiesta.',
    );
    const cli = await runCli(['inspect', write('other.pdf', other)]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('non è una lettera di Reclamo');
    expect(readClaimFromLetter(Buffer.from('not a pdf at all'))).toMatchObject({ ok: false, problem: 'not-pdf' });
  });

  test('a reclamo-claim.json that Reclamo did not write, or from a newer version', async () => {
    const { pdf } = await letter();
    const foreign = replaceAttachment(pdf, (json) => {
      json.format = 'something-else';
    });
    expect(readClaimFromLetter(foreign)).toMatchObject({ ok: false, problem: 'not-our-file' });
    const newer = replaceAttachment(pdf, (json) => {
      json.schemaVersion = 2;
    });
    expect(readClaimFromLetter(newer)).toMatchObject({ ok: false, problem: 'unknown-version' });
    const broken = replaceAttachment(pdf, (json) => {
      delete json.assessment;
    });
    expect(readClaimFromLetter(broken)).toMatchObject({ ok: false, problem: 'invalid-record' });
  });
});

describe('read after another program appended to the letter (as a signing tool does)', () => {
  test('an incremental update with a classic cross-reference table', async () => {
    const { pdf } = await letter();
    const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1'))![1];
    const objectAt = pdf.length + 1;
    const object = '\n999 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite >>\nendobj\n';
    const xrefAt = pdf.length + object.length;
    const update =
      `${object}xref\n0 1\n0000000000 65535 f \n999 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
      `trailer\n<< /Size 1000 /Root 3 0 R /Prev ${previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const reading = readClaimFromLetter(Buffer.concat([pdf, Buffer.from(update, 'latin1')]));
    expect(reading.ok).toBe(true);
  });

  test('an update whose cross-reference is not a classic table: the objects are found by scanning', async () => {
    const { pdf } = await letter();
    const update =
      '\n999 0 obj\n<< /Type /XRef /Size 1000 /Root 3 0 R >>\nstream\n\nendstream\nendobj\nstartxref\n1\n%%EOF\n';
    expect(readClaimFromLetter(Buffer.concat([pdf, Buffer.from(update, 'latin1')])).ok).toBe(true);
  });
});

test('reclamo inspect prints the claim and the check; --json prints the embedded file as stored', async () => {
  const { pdf } = await letter();
  const file = write('inspect.pdf', pdf);
  const text = await runCli(['inspect', file]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('reclamo-claim.json (schema 1) — lettera del 23/11/2026 in Italiano, regole');
  expect(text.stdout).toContain('Richiedente: Mario Rossi, RSSMRA79B11C566R, mario.rossi@example.org');
  expect(text.stdout).toContain('176,33 €  Totale');
  expect(text.stdout).toContain('Verifica: il calcolo nel PDF corrisponde alle regole');
  const english = await runCli(['inspect', file, '--lang', 'en']);
  expect(english.stdout).toContain('Check: the calculation in the PDF matches rules');
  const json = await runCli(['inspect', file, '--json']);
  expect(json.code).toBe(0);
  expect(Buffer.from(json.stdout, 'utf8').equals(readOk(pdf).json)).toBe(true);
  expect(json.stderr).toContain('corrisponde');
  const missing = await runCli(['inspect']);
  expect(missing.code).toBe(2);
});
