import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { coveredClaim, workedExampleClaim } from '../fixtures/claims';
import { flatText } from '../support/pdf-tools';
import { runCli } from '../support/run-cli';

const BIN = path.join(__dirname, '../../bin/reclamo.js');
const run = promisify(execFile);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeClaim(name: string, claim: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof claim === 'string' ? claim : JSON.stringify(claim));
  return file;
}

const cli = runCli;

test('assess prints the calculation and exits 0 when eligible', async () => {
  const { code, stdout } = await cli(['assess', writeClaim('ok.json', workedExampleClaim())]);
  expect(code).toBe(0);
  expect(stdout).toContain('Idoneo');
  expect(stdout).toContain('176,33 €  Totale');
  expect(stdout).toContain('Termine per rispondere: 09/12/2026 (15 giorni dal ricevimento');
});

test('assess --json prints the same JSON as the API', async () => {
  const { code, stdout } = await cli(['assess', writeClaim('ok.json', workedExampleClaim()), '--json', '--lang', 'en']);
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({ eligible: true, compensation: { totalCents: 17633, total: '€176.33' } });
});

test('assess exits 1 when not eligible, with the reason', async () => {
  const { code, stdout } = await cli(['assess', writeClaim('covered.json', coveredClaim())]);
  expect(code).toBe(1);
  expect(stdout).toContain('Non idoneo');
  expect(stdout).toContain('Non resta alcun importo da chiedere');
});

test('invalid input exits 2 with every error on stderr', async () => {
  const claim = workedExampleClaim();
  claim.claimant.taxCode = 'RSSMRA79B11C566X';
  const { code, stdout, stderr } = await cli(['assess', writeClaim('bad.json', claim)]);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain('claimant.taxCode: Codice fiscale non valido');
});

test('unreadable files, broken JSON and bad usage exit 2', async () => {
  expect((await cli(['assess', path.join(dir, 'missing.json')])).code).toBe(2);
  const broken = await cli(['letter', writeClaim('broken.json', '{"claimant":')]);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain('non contiene JSON valido');
  expect((await cli(['frobnicate'])).code).toBe(2);
  expect((await cli(['assess'])).code).toBe(2);
  expect((await cli([])).code).toBe(2);
  expect((await cli(['--help'])).code).toBe(0);
});

test('letter writes the PDF and prints its SHA-256', async () => {
  const output = path.join(dir, 'letter.pdf');
  const { code, stdout } = await cli(['letter', writeClaim('ok.json', workedExampleClaim()), '-o', output]);
  expect(code).toBe(0);
  const pdf = fs.readFileSync(output);
  expect(stdout).toContain(`SHA-256 ${createHash('sha256').update(pdf).digest('hex')}`);
  expect(flatText(pdf)).toContain('176,33 €');
});

test('letter exits 1 and writes nothing when not eligible', async () => {
  const output = path.join(dir, 'none.pdf');
  const { code } = await cli(['letter', writeClaim('covered.json', coveredClaim()), '-o', output]);
  expect(code).toBe(1);
  expect(fs.existsSync(output)).toBe(false);
});

describe('the installed command (bin/reclamo.js, compiled code, a real process)', () => {
  test('letter: exit 0, the PDF and its SHA-256', async () => {
    const output = path.join(dir, 'bin.pdf');
    const { stdout } = await run(process.execPath, [
      BIN,
      'letter',
      writeClaim('bin.json', workedExampleClaim()),
      '-o',
      output,
    ]);
    expect(stdout).toContain(`SHA-256 ${createHash('sha256').update(fs.readFileSync(output)).digest('hex')}`);
  });

  test('exit codes 1 and 2 reach the shell', async () => {
    const late = run(process.execPath, [BIN, 'assess', writeClaim('covered.json', coveredClaim())]);
    await expect(late).rejects.toMatchObject({ code: 1 });
    const invalid = run(process.execPath, [BIN, 'assess', writeClaim('empty.json', {})]);
    await expect(invalid).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('claimant: Campo obbligatorio.'),
    });
  });

  test('reads the claim from standard input with "-"', async () => {
    const child = execFile(process.execPath, [BIN, 'assess', '-', '--json']);
    child.stdin!.end(JSON.stringify(workedExampleClaim()));
    const stdout = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout!.on('data', (chunk) => (text += chunk));
      child.on('close', () => resolve(text));
    });
    expect(JSON.parse(stdout).compensation.totalCents).toBe(17633);
  });
});
