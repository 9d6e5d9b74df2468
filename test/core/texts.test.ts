import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * One convention for the bilingual texts: every table of `{ it, en }` entries lives in a file named `*-texts.ts`,
 * beside the code it belongs to. These tests read every such file, so a new table is checked without registering it.
 */
const ROOT = path.join(__dirname, '../..');
const SERVER = path.join(ROOT, 'server');

/** Files that may hold `{ it, en }` literals outside a texts file: data, not interface wording. */
const NOT_TEXT_TABLES = new Set([
  'server/core/rules/ruleset.ts', // the ruleset names its incidents and plans in both languages, with their sources
  'server/core/i18n/language.ts', // each language named in itself
]);

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const textFiles = sourceFiles(SERVER).filter((file) => file.endsWith('-texts.ts'));

interface Entry {
  where: string;
  it: string;
  en: string;
}

const isLocalized = (value: unknown): value is { it: unknown; en: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'en,it';

/** Every `{ it, en }` entry reachable from a module's exports (arrays of paragraphs joined). */
function entriesOf(value: unknown, where: string, found: Entry[] = [], seen = new Set<unknown>()): Entry[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return found;
  seen.add(value);
  if (isLocalized(value)) {
    const text = (part: unknown) => (Array.isArray(part) ? part.join('\n') : String(part));
    found.push({ where, it: text(value.it), en: text(value.en) });
    return found;
  }
  for (const [key, child] of Object.entries(value)) entriesOf(child, `${where}.${key}`, found, seen);
  return found;
}

const entries = textFiles.flatMap((file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(file) as Record<string, unknown>;
  return entriesOf(exported, path.relative(ROOT, file));
});

test('there are texts files and they hold entries', () => {
  expect(textFiles.length).toBeGreaterThan(10);
  expect(entries.length).toBeGreaterThan(300);
});

test('every entry exists in Italian and in English, neither empty', () => {
  const missing = entries.filter((entry) => entry.it.trim() === '' || entry.en.trim() === '');
  expect(missing.map((entry) => entry.where)).toEqual([]);
});

test('no two entries translate the same Italian text differently (one wording per meaning)', () => {
  const byItalian = new Map<string, Entry[]>();
  for (const entry of entries) byItalian.set(entry.it, [...(byItalian.get(entry.it) ?? []), entry]);
  const drifting = [...byItalian.values()]
    .filter((group) => new Set(group.map((entry) => entry.en)).size > 1)
    .map((group) => group.map((entry) => `${entry.where}: "${entry.it}" → "${entry.en}"`).join(' | '));
  expect(drifting).toEqual([]);
});

/** Object literals whose keys are exactly `it` and `en`: a text written in both languages. */
function hasBilingualLiteral(file: string): boolean {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): boolean => {
    if (ts.isObjectLiteralExpression(node)) {
      const keys = node.properties.map((property) => property.name?.getText(source)).sort();
      const textual = node.properties.every(
        (property) =>
          ts.isPropertyAssignment(property) &&
          (ts.isStringLiteralLike(property.initializer) ||
            ts.isTemplateExpression(property.initializer) ||
            ts.isBinaryExpression(property.initializer) ||
            ts.isArrayLiteralExpression(property.initializer)),
      );
      if (keys.join() === 'en,it' && textual) return true;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(source);
}

test('bilingual texts live only in *-texts.ts files', () => {
  const offenders = sourceFiles(SERVER)
    .filter((file) => !file.endsWith('-texts.ts') && !NOT_TEXT_TABLES.has(path.relative(ROOT, file)))
    .filter(hasBilingualLiteral)
    .map((file) => path.relative(ROOT, file));
  expect(offenders).toEqual([]);
});
