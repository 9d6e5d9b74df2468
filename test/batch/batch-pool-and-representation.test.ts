import fs from 'node:fs';
import { RenderPool } from '../../server/batch/render-pool';
import { flatText } from '../support/pdf-tools';
import { runFixture, SAMPLE_CSV, testAssociation } from '../support/batch-run';

test('one worker or two: the same ZIP, byte for byte (same entries, same order, same PDFs)', async () => {
  const one = new RenderPool({ size: 1, providerPec: null });
  const two = new RenderPool({ size: 2, providerPec: null });
  try {
    const [a, b] = [await runFixture(SAMPLE_CSV, one), await runFixture(SAMPLE_CSV, two)];
    expect([...a.entries.keys()]).toEqual([...b.entries.keys()]);
    for (const [name, bytes] of a.entries) expect(b.entries.get(name)!.equals(bytes)).toBe(true);
    expect(fs.readFileSync(a.zipFile).equals(fs.readFileSync(b.zipFile))).toBe(true);
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
});

describe('with association details each letter comes from the association on behalf of the member', () => {
  let pool: RenderPool;
  beforeAll(() => {
    pool = new RenderPool({ size: 2, providerPec: null });
  });
  afterAll(() => pool.close());

  test('Italian: "in nome e per conto di" the member, signed by the representative, the mandate among the attachments', async () => {
    const run = await runFixture(SAMPLE_CSV, pool, { association: testAssociation() });
    const text = flatText(run.entries.get('0001-rossi-mario.pdf')!);
    expect(text).toContain(
      'Associazione Utenti Posta C.F. 00743110157 Via Nazionale 10 00184 Roma (RM) PEC: associazione@pec.example.org',
    );
    expect(text).toContain(
      'in persona del/della legale rappresentante pro tempore Giovanna Esposito (di seguito, l’“Associazione”), ' +
        'agisce in nome e per conto di Mario Rossi, C.F. RSSMRA79B11C566R',
    );
    expect(text).toContain('l’Associazione, in nome e per conto dell’associato, INVITA E DIFFIDA');
    expect(text).toContain('il/la legale rappresentante pro tempore Giovanna Esposito');
    expect(text).toContain('delega di Mario Rossi all’Associazione');
    expect(text).not.toContain('Associazione Associazione');
    expect(text).not.toContain('sottoscritt');
    // The member, not the association, will go to court (R14).
    expect(text).toContain('l’associato si riserva, anche con l’assistenza dell’Associazione, di agire in giudizio');
    // W1: a consumer association does not send the letter of a business account (row 4 of the sample).
    expect(run.report[4]![2]).toBe('invalid');
    expect(run.report[4]![4]).toContain('tipo_account: Un’associazione di consumatori agisce per i consumatori');
    expect(run.entries.has('0004-verdi-luca.pdf')).toBe(false);
  });

  test('English letters too', async () => {
    const run = await runFixture(SAMPLE_CSV, pool, { association: testAssociation(), letter: { language: 'en' } });
    const text = flatText(run.entries.get('0002-ricci-manuela.pdf')!);
    expect(text).toContain('acting in the name and on behalf of Manuela Ricci');
    expect(text).toContain('mandate of Manuela Ricci to the Association');
  });
});
