import fs from 'node:fs';
import path from 'node:path';
import { RULESET } from '../../server/core/rules/ruleset';

const ROOT = path.join(__dirname, '../..');
const SOURCES_FILE = 'docs/sources.md';
const SOURCES = fs.readFileSync(path.join(ROOT, SOURCES_FILE), 'utf8');
const STATUSES = ['found', 'weak', 'unconfirmed', 'rule'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Entry {
  id: string;
  body: string;
}

/** The `### <id>` entries of docs/sources.md, each with its text up to the next heading. */
function entriesOf(markdown: string): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | null = null;
  for (const line of markdown.split('\n')) {
    if (/^#{1,6} /.test(line)) {
      current = null;
      const entry = /^### (.+)$/.exec(line);
      if (entry) entries.push((current = { id: entry[1]!.trim(), body: '' }));
    } else if (current) {
      current.body += `${line}\n`;
    }
  }
  return entries;
}

/** Every `source` string anywhere in the ruleset, with the path that leads to it. */
function rulesetSources(value: unknown, at = 'RULESET'): { at: string; source: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => rulesetSources(item, `${at}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'source' && typeof child === 'string'
      ? [{ at: `${at}.source`, source: child }]
      : rulesetSources(child, `${at}.${key}`),
  );
}

/** The ruleset sources that are not a link to an existing entry of docs/sources.md. */
function unresolved(sources: { at: string; source: string }[], ids: ReadonlySet<string>): string[] {
  return sources
    .filter(({ source }) => {
      const match = /^docs\/sources\.md#(.+)$/.exec(source);
      return !match || !ids.has(match[1]!);
    })
    .map(({ at, source }) => `${at} = ${JSON.stringify(source)}`);
}

const entries = entriesOf(SOURCES);
const ids = new Set(entries.map((entry) => entry.id));

test('every source of the ruleset points to an existing entry of docs/sources.md', () => {
  const sources = rulesetSources(RULESET);
  expect(sources.length).toBeGreaterThan(20);
  expect(unresolved(sources, ids)).toEqual([]);
});

test('the check notices a source that is free text or names a missing entry', () => {
  const wrong = [
    { at: 'a', source: 'FACTS §3 (2023 prices)' },
    { at: 'b', source: 'docs/sources.md#no-such-entry' },
    { at: 'c', source: 'docs/sources.md#plans-2023' },
  ];
  expect(unresolved(wrong, ids)).toEqual(['a = "FACTS §3 (2023 prices)"', 'b = "docs/sources.md#no-such-entry"']);
});

test('each entry has a stable, unique id and a status of its own', () => {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { id, body } of entries) {
    if (!ID.test(id)) problems.push(`${id}: not an id (lower case, digits, hyphens)`);
    if (seen.has(id)) problems.push(`${id}: repeated`);
    seen.add(id);
    const status = /^- \*\*Status:\*\* (\w+)/m.exec(body)?.[1];
    if (!status || !STATUSES.includes(status)) problems.push(`${id}: status ${status ?? 'missing'}`);
    if (!/^- \*\*Source:\*\* \S/m.test(body)) problems.push(`${id}: no source`);
  }
  expect(problems).toEqual([]);
  expect(entries.length).toBeGreaterThan(50);
});

test('links inside docs/sources.md lead to entries that exist', () => {
  const targets = [...SOURCES.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
  expect(targets.filter((target) => !ids.has(target))).toEqual([]);
});

test('the README points to docs/sources.md, never outside the repository', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(SOURCES_FILE);
  expect(readme).not.toMatch(/\.\.\/shared/);
});
