import fs from 'node:fs';
import path from 'node:path';
import { GOLDEN_CASES } from '../golden/golden-claims';
import { citationsOf, citationsOfText, templateText } from '../support/citations';

/**
 * Every article a letter cites, and every act it names, must have its entry in docs/sources.md: the entries' Source
 * lines are read with the same reader as the letters. The templates are read as they are (with each value a
 * placeholder), and so are the golden letters, which also carry the citations that come from the ruleset's data.
 */
const ROOT = path.join(__dirname, '../..');
const SOURCES = fs.readFileSync(path.join(ROOT, 'docs/sources.md'), 'utf8');

function listedInSources() {
  const lines = [...SOURCES.matchAll(/^- \*\*Source:\*\* (.+(?:\n {2}.+)*)/gm)].map((match) =>
    match[1]!.replace(/\n\s+/g, ' '),
  );
  const articles = new Set<string>();
  const acts = new Set<string>();
  for (const line of lines) {
    for (const segment of line.split(';')) {
      const found = citationsOf(segment);
      found.articles.forEach((key) => articles.add(key));
      found.acts.forEach((key) => acts.add(key));
    }
  }
  return { articles, acts };
}

const listed = listedInSources();
const missing = (text: string) => {
  const cited = citationsOfText(text);
  return {
    articles: [...cited.articles].filter((key) => !listed.articles.has(key)).sort(),
    acts: [...cited.acts].filter((key) => !listed.acts.has(key)).sort(),
    unresolved: cited.unresolved,
  };
};
const none = { articles: [], acts: [], unresolved: [] };

test('the reader finds articles with their act, as a lawyer reads them', () => {
  const text =
    'risponde (art. 1218 c.c.) e (artt. 1341 e 1342 c.c.); (art. 33, comma 2, lett. b), del Codice del Consumo). ' +
    'Gli indennizzi dell’Allegato A alla Delibera AGCOM 347/18/CONS (1,00 €: art. 6, comma 4, in relazione ' +
    'all’art. 4, comma 3), la violazione (art. 4, punto 12), del Regolamento (UE) 2016/679) e il danno (art. 82 ' +
    'del Regolamento (UE) 2016/679); artt. 1453–1455 c.c.; art. 4(12) of Regulation (EU) 2016/679; il Tribunale: ' +
    'art. 10 D.Lgs. 150/2011; ConciliaWeb (Delibera AGCOM 203/18/CONS); (artt. 135-octies e seguenti del Codice ' +
    'del Consumo, D.Lgs. 206/2005).';
  const found = citationsOf(text);
  expect(found.articles).toEqual([
    'cc:1218',
    'cc:1341',
    'cc:1342',
    'codcons:33',
    'agcom:347/18:6',
    'agcom:347/18:4',
    'gdpr:4',
    'gdpr:82',
    'cc:1453',
    'cc:1454',
    'cc:1455',
    'gdpr:4',
    'dlgs:150/2011:10',
    'codcons:135-octies',
  ]);
  expect(found.acts).toContain('agcom:203/18');
  expect(found.unresolved).toEqual([]);
});

test('the sources file lists the articles the letters rely on', () => {
  for (const key of ['cc:1218', 'cc:1224', 'cc:1455', 'cc:2943', 'codcons:141', 'gdpr:32', 'agcom:347/18:12']) {
    expect(listed.articles.has(key)).toBe(true);
  }
  expect(listed.acts.has('agcom:203/18')).toBe(true);
});

test('a citation the sources file does not list is noticed', () => {
  expect(missing('come previsto (art. 9999 c.c.) e (art. 1218 c.c.)').articles).toEqual(['cc:9999']);
  expect(missing('(art. 3 D.L. 1/2099)').articles).toEqual(['dl:1/2099:3']);
  expect(missing('un articolo senza legge: art. 12').unresolved).toHaveLength(1);
});

test.each(['it', 'en'])('every article the %s template cites is in docs/sources.md', (language) => {
  const source = fs.readFileSync(path.join(ROOT, 'templates', language, 'letter.hbs'), 'utf8');
  expect(missing(templateText(source))).toEqual(none);
});

test('every article the golden letters cite, the ruleset’s facts included, is in docs/sources.md', () => {
  const texts = GOLDEN_CASES.map((golden) =>
    fs.readFileSync(path.join(__dirname, '../golden/letters', `${golden.id}.txt`), 'utf8'),
  );
  expect(missing(texts.join('\n\n'))).toEqual(none);
  expect(citationsOfText(texts.join('\n\n')).articles.size).toBeGreaterThan(25);
});

const FOLLOWUP_TEMPLATES = ['it', 'en'].flatMap((language) =>
  fs
    .readdirSync(path.join(ROOT, 'templates', language, 'followup'))
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => `${language}/followup/${file}`),
);

test.each(FOLLOWUP_TEMPLATES)('every article the follow-up template %s cites is in docs/sources.md', (file) => {
  const source = fs.readFileSync(path.join(ROOT, 'templates', file), 'utf8');
  expect(missing(templateText(source))).toEqual(none);
});

test('every article the golden follow-up documents cite is in docs/sources.md', () => {
  const folder = path.join(__dirname, '../golden/followups');
  const texts = fs.readdirSync(folder).map((file) => fs.readFileSync(path.join(folder, file), 'utf8'));
  expect(texts.length).toBeGreaterThanOrEqual(2);
  expect(missing(texts.join('\n\n'))).toEqual(none);
});
