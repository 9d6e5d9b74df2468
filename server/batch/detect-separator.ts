const CANDIDATES = [';', ',', '\t'] as const;
export type Separator = (typeof CANDIDATES)[number];

/** The separator of a CSV: the candidate seen most often outside quotes in its first line; `;` when in doubt. */
export function detectSeparator(text: string): Separator {
  const counts = new Map<string, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best: Separator = ';';
  for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return best;
}
