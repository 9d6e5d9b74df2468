/**
 * Reads the legal citations out of a text the way a lawyer reads them: "art. 1218 c.c.", "artt. 1341 e 1342 c.c.",
 * "art. 33, comma 2, lett. b), del Codice del Consumo", "(art. 82 del Regolamento (UE) 2016/679)", "art. 6, comma 4,
 * in relazione all’art. 4, comma 3" after "Delibera AGCOM 347/18/CONS", "art. 4(12) of Regulation (EU) 2016/679",
 * "art. 10 D.Lgs. 150/2011", and the acts named without an article ("Delibera AGCOM 203/18/CONS").
 *
 * An article belongs to the first act named after it in the same clause (up to the parenthesis that encloses it, a
 * semicolon or the end of the sentence); failing that, to the last act named before it in the same paragraph.
 */

/** `cc:1218`, `codcons:33`, `gdpr:82`, `agcom:347/18:6`, `dlgs:150/2011:10`; an act alone is `agcom:203/18`. */
export type CitationKey = string;

interface Found {
  key: string;
  start: number;
  end: number;
}

const ACTS: { pattern: RegExp; key: (match: RegExpExecArray) => string }[] = [
  { pattern: /\bc\.p\.c\.|Codice di procedura civile/g, key: () => 'cpc' },
  { pattern: /(?<!p\.)\bc\.c\.(?!p)|Codice civile/g, key: () => 'cc' },
  {
    pattern: /Codice del Consumo|Consumer Code|Cod\. Cons\.|D\.Lgs\. 206\/2005/g,
    key: () => 'codcons',
  },
  {
    pattern: /Regolamento \(UE\) 2016\/679|Regulation \(EU\) 2016\/679|Reg\. \(UE\) 2016\/679|\bGDPR\b/g,
    key: () => 'gdpr',
  },
  { pattern: /\b(\d{2,3}\/\d{2})\/CONS\b/g, key: (match) => `agcom:${match[1]}` },
  { pattern: /\bD\.Lgs\. (\d+\/\d{4})/g, key: (match) => `dlgs:${match[1]}` },
  { pattern: /\bD\.L\. (\d+\/\d{4})/g, key: (match) => `dl:${match[1]}` },
  { pattern: /(?<![.\w])L\. (\d+\/\d{4})/g, key: (match) => `l:${match[1]}` },
];

function actsIn(text: string): Found[] {
  const found: Found[] = [];
  for (const { pattern, key } of ACTS) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const start = match.index;
      if (found.some((other) => start >= other.start && start < other.end)) continue;
      found.push({ key: key(match as RegExpExecArray), start, end: start + match[0].length });
    }
  }
  // "D.Lgs. 206/2005" is the Consumer Code: one act, not two.
  return found.filter((act) => !(act.key === 'dlgs:206/2005')).sort((a, b) => a.start - b.start);
}

/** Letter and point markers such as "lett. b)", "lettere b) e c)", "punto 12)" lose their closing parenthesis. */
export function normalizeCitationText(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(
      /\b(lett\.|lettere|punto)\s+([a-z0-9]{1,3})\)(\s+e\s+([a-z0-9]{1,3})\))?/g,
      (_all, word, first, _and, second) => (second ? `${word} ${first} e ${second}` : `${word} ${first}`),
    );
}

const ARTICLE = /\b(?:artt?|arts?)\.\s*/g;
const NUMBER = /^(\d+(?:-[a-z]+)?)((?:\(\d+\))*(?:\([a-z]\))*)/;
const QUALIFIER =
  /^,?\s*(?:comma|commi|co\.|paragrafo|para\.|punto|lett\.|lettere|letter|n\.)\s*[0-9a-z]+(?:\s*(?:e|and)\s*[0-9a-z]+)?/;
const JOIN = /^(?:\s*,\s*|\s+e\s+|\s+and\s+|\s*[–-]\s*)(?=\d)/;

/** The article numbers after one "art."/"artt." and where that reference ends. */
function articleNumbers(text: string, from: number): { numbers: string[]; end: number } {
  const numbers: string[] = [];
  let at = from;
  for (;;) {
    const number = NUMBER.exec(text.slice(at));
    if (!number) break;
    const previous = numbers[numbers.length - 1];
    const value = number[1]!;
    // "artt. 1453–1455": a range.
    if (previous && /[–-]\s*$/.test(text.slice(at - 2, at)) && /^\d+$/.test(previous) && /^\d+$/.test(value)) {
      for (let n = Number(previous) + 1; n <= Number(value); n += 1) numbers.push(String(n));
    } else numbers.push(value);
    at += number[0].length;
    for (let qualifier = QUALIFIER.exec(text.slice(at)); qualifier; qualifier = QUALIFIER.exec(text.slice(at))) {
      at += qualifier[0].length;
    }
    const join = JOIN.exec(text.slice(at));
    if (!join) break;
    at += join[0].length;
  }
  return { numbers, end: at };
}

/** Where the clause of a reference ends: the parenthesis enclosing it closes, a semicolon, or the sentence ends. */
function clauseEnd(text: string, from: number): number {
  let depth = 0;
  for (let at = from; at < text.length; at += 1) {
    const character = text[at]!;
    if (character === '(') depth += 1;
    else if (character === ')') {
      if (depth === 0) return at;
      depth -= 1;
    } else if (character === ';' && depth === 0) return at;
    else if (character === '.' && depth === 0 && /^\.\s+[A-ZÀ-Ý«“]/.test(text.slice(at, at + 3))) {
      // A full stop that ends an abbreviation ("c.c. Sono") still ends the sentence.
      return at;
    }
  }
  return text.length;
}

/** Every citation of a paragraph, as act:article keys (and the acts named without an article). */
export function citationsOf(paragraph: string): { articles: CitationKey[]; acts: string[]; unresolved: string[] } {
  const text = normalizeCitationText(paragraph);
  const acts = actsIn(text);
  const articles: CitationKey[] = [];
  const unresolved: string[] = [];
  for (const match of text.matchAll(ARTICLE)) {
    const start = match.index + match[0].length;
    const { numbers, end } = articleNumbers(text, start);
    if (numbers.length === 0) continue;
    const limit = clauseEnd(text, end);
    const after = acts.find((act) => act.start >= end && act.start < limit);
    const before = [...acts].reverse().find((act) => act.end <= match.index);
    const act = after ?? before;
    if (!act) {
      unresolved.push(text.slice(match.index, Math.min(text.length, end + 30)));
      continue;
    }
    for (const number of numbers) articles.push(`${act.key}:${number}`);
  }
  return { articles, acts: acts.map((act) => act.key), unresolved };
}

/** The citations of a whole text, paragraph by paragraph (blank lines or page breaks separate paragraphs). */
export function citationsOfText(text: string): { articles: Set<CitationKey>; acts: Set<string>; unresolved: string[] } {
  const articles = new Set<CitationKey>();
  const acts = new Set<string>();
  const unresolved: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\f/)) {
    const found = citationsOf(paragraph);
    found.articles.forEach((key) => articles.add(key));
    found.acts.forEach((key) => acts.add(key));
    unresolved.push(...found.unresolved);
  }
  return { articles, acts, unresolved };
}

/** A letter template as text: comments and tags gone, each value a placeholder word. */
export function templateText(source: string): string {
  // A tag alone on its line leaves no line behind (as Handlebars renders it), so paragraphs stay whole.
  return source
    .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
    .replace(/^[ \t]*(?:\{\{~?(?:[#/^*]|else)[^}]*\}\}[ \t]*)+\n/gm, '')
    .replace(/\{\{~?[#/^>*][^}]*\}\}|\{\{~?else[^}]*\}\}/g, '')
    .replace(/\{\{~?[^}]*\}\}/g, 'X');
}
