import fs from 'node:fs';
import path from 'node:path';
import { associationSchema } from '../../server/core/claim/association-schema';
import { validateWith } from '../../server/core/claim/validate-claim';
import { createDefaultLetterService } from '../../server/use-cases/default-letter-service';
import type { LetterService } from '../../server/use-cases/letter-service';
import { pdfText } from '../support/pdf-tools';
import { GOLDEN_CASES, type GoldenCase } from './golden-claims';

/**
 * Every golden claim's letter, read back from the PDF with poppler's pdftotext, must equal its text in
 * test/golden/letters/<id>.txt, so that any change of wording shows as a reviewable diff. After a deliberate change:
 *
 *     UPDATE_GOLDEN=1 npx jest test/golden
 *
 * rewrites the files; read the diff (git diff test/golden/letters) as the person who signs the letter.
 */
export const GOLDEN_DIR = path.join(__dirname, 'letters');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let now = 0;
const services = new Map<string, LetterService>();
function serviceFor(golden: GoldenCase): LetterService {
  const key = golden.providerPec ?? '';
  let service = services.get(key);
  if (!service) {
    service = createDefaultLetterService({ PROVIDER_PEC: golden.providerPec }, () => now);
    services.set(key, service);
  }
  return service;
}

async function letterText(golden: GoldenCase): Promise<string> {
  now = Date.parse(`${golden.today}T10:00:00Z`);
  const association = golden.association ? validateWith(associationSchema, golden.association, 'it') : null;
  if (association && !association.ok) throw new Error(JSON.stringify(association.errors));
  const outcome = await serviceFor(golden).letter(golden.claim, 'it', association?.value ?? null);
  if (!outcome.ok) throw new Error(`${golden.id}: ${JSON.stringify(outcome.errors)}`);
  if (!outcome.eligible) throw new Error(`${golden.id}: not eligible: ${JSON.stringify(outcome.presented.reasons)}`);
  return pdfText(outcome.pdf);
}

test('the golden set covers at least 14 claims, each with its own file and no file without a claim', () => {
  expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(14);
  const ids = GOLDEN_CASES.map((golden) => golden.id);
  expect(new Set(ids).size).toBe(ids.length);
  if (UPDATE) return;
  const files = fs.readdirSync(GOLDEN_DIR).filter((file) => file.endsWith('.txt'));
  expect(files.sort()).toEqual(ids.map((id) => `${id}.txt`).sort());
});

describe.each(GOLDEN_CASES.map((golden) => [golden.id, golden] as const))('golden letter %s', (id, golden) => {
  test(golden.covers, async () => {
    const text = await letterText(golden);
    const file = path.join(GOLDEN_DIR, `${id}.txt`);
    if (UPDATE) {
      fs.mkdirSync(GOLDEN_DIR, { recursive: true });
      fs.writeFileSync(file, text);
      return;
    }
    expect(fs.existsSync(file)).toBe(true);
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });
});
