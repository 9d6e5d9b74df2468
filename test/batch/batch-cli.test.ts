import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { flatText } from '../support/pdf-tools';
import { fixture, parseReport, readZip, SAMPLE_CSV, TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { runCli } from '../support/run-cli';

const BIN = path.join(__dirname, '../../bin/reclamo.js');
const run = promisify(execFile);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batch-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCli;

test('batch writes the ZIP, prints a summary with the first problems and exits 0 although some rows are bad', async () => {
  const output = path.join(dir, 'letters.zip');
  const { code, stdout, stderr } = await cli(['batch', SAMPLE_CSV, '-o', output, '--workers', '2']);
  expect(code).toBe(0);
  expect(stdout).toContain(
    `${output}\nRighe: 10 — 4 lettere pronte, 0 non idonee, 6 dati non validi, 0 duplicati\n` +
      'Primi problemi:\n  riga 3 (invalid): codice_fiscale:',
  );
  expect(stderr).toContain('10/10 (100%)');
  const entries = await readZip(output);
  expect([...entries.keys()].filter((name) => name.endsWith('.pdf'))).toHaveLength(4);
  expect(parseReport(entries.get('report.csv')!)).toHaveLength(11);
  expect(fs.existsSync(`${output}.part`)).toBe(false);
});

test('--association (YAML) makes every letter come from the association; --lang en writes them in English', async () => {
  const association = path.join(dir, 'association.yaml');
  fs.writeFileSync(association, YAML.stringify(TEST_ASSOCIATION_INPUT));
  const output = path.join(dir, 'association.zip');
  const { code } = await cli([
    'batch',
    fixture('utf8-no-bom-lf.csv'),
    '-o',
    output,
    '--association',
    association,
    '--lang',
    'en',
    '--workers',
    '1',
  ]);
  expect(code).toBe(0);
  const text = flatText((await readZip(output)).get('0001-rossi-mario.pdf')!);
  expect(text).toContain('agisce in nome e per conto di Mario Rossi');
  expect(text).toContain('acting in the name and on behalf of Mario Rossi');
});

test('an invalid association file or letter option exits 2 with the field errors', async () => {
  const association = path.join(dir, 'bad-association.json');
  fs.writeFileSync(association, JSON.stringify({ ...TEST_ASSOCIATION_INPUT, pec: 'nope' }));
  const bad = await cli(['batch', SAMPLE_CSV, '--association', association]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('association.pec:');
  const date = await cli(['batch', SAMPLE_CSV, '--date', '31/12/2026']);
  expect(date.code).toBe(2);
  expect(date.stderr).toContain('--date:');
});

test('a file that cannot be read exits 2 with the reason, and leaves no ZIP behind', async () => {
  const output = path.join(dir, 'none.zip');
  const png = await cli(['batch', fixture('not-a-spreadsheet.png'), '-o', output]);
  expect(png).toMatchObject({ code: 2 });
  expect(png.stderr).toContain('non è un CSV né un foglio Excel .xlsx');
  const missing = await cli(['batch', path.join(dir, 'missing.csv'), '-o', output, '--lang', 'en']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('Cannot open the file.');
  expect(fs.existsSync(output)).toBe(false);
});

test('the installed command: exit 0 for a processed list, 2 for an unreadable one', async () => {
  const output = path.join(dir, 'bin.zip');
  const ok = await run(process.execPath, [BIN, 'batch', fixture('tab-separated.csv'), '-o', output, '--workers', '1']);
  expect(ok.stdout).toContain('Righe: 1 — 1 lettere pronte');
  await expect(
    run(process.execPath, [BIN, 'batch', fixture('missing-columns.csv'), '-o', output]),
  ).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('Mancano le colonne obbligatorie: codice_fiscale, casella.'),
  });
});
