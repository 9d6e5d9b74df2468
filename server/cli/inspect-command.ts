import { LANGUAGE_NAMES, interpolate, type Language } from '../core/i18n/language';
import { CLAIM_RECORD_FILE } from '../core/claim-record/claim-record';
import { RULESET } from '../core/rules/ruleset';
import { formatDate } from '../core/time/rome-time';
import { readClaimFromLetter } from '../pdf/read-claim-from-letter';
import { checkLetterClaim, type LetterClaimCheck } from '../use-cases/check-letter-claim';
import { EXIT, type CliIo } from './cli-io';
import { CLI_TEXTS as WORDS } from './cli-texts';
import { formatAssessment } from './format-assessment';

/**
 * `reclamo inspect letter.pdf [--json] [--lang it|en]`: the claim a letter carries, and whether its calculation still
 * matches the ruleset it names. Exit 0 it matches, 1 it does not (or cannot be checked), 2 not one of our letters.
 * With --json the embedded file is printed exactly as stored, and the check goes to standard error.
 */
export function inspectCommand(
  io: CliIo,
  file: string,
  options: { json: boolean; lang?: Language; now?: number },
): number {
  let bytes: Buffer;
  try {
    if (!io.readBytes) throw new Error('no byte reader');
    bytes = io.readBytes(file);
  } catch {
    io.stderr(`${interpolate(WORDS.unreadable[options.lang ?? 'it'], { file })}\n`);
    return EXIT.invalid;
  }
  const reading = readClaimFromLetter(bytes);
  if (!reading.ok) {
    io.stderr(`${file}: ${reading.message[options.lang ?? 'it']}\n`);
    return EXIT.invalid;
  }
  const { record } = reading;
  const language = options.lang ?? record.language;
  const check = checkLetterClaim(record, { rulesets: [RULESET], now: options.now ?? Date.now() });
  const verdict = formatCheck(check, language);
  if (options.json) {
    io.stdout(reading.json.toString('utf8'));
    io.stderr(verdict);
  } else {
    const { claimant, account } = record.claim;
    const lines = [
      interpolate(WORDS.inspectHeader[language], {
        file: CLAIM_RECORD_FILE,
        schema: record.schemaVersion,
        date: formatDate(record.letterDate),
        language: LANGUAGE_NAMES[record.language],
        ruleset: record.rulesetVersion,
      }),
      `${WORDS.claimant[language]}: ${claimant.firstName} ${claimant.lastName}, ${claimant.taxCode}, ${claimant.email}`,
      `${WORDS.mailbox[language]}: ${account.mailbox} (${account.provider}, ${account.type})`,
      ...(record.association ? [`${WORDS.onBehalf[language]}: ${record.association.name}`] : []),
      '',
    ];
    io.stdout(`${lines.join('\n')}\n${formatAssessment(record.assessment, record.language)}\n${verdict}`);
  }
  return check.status === 'matches' ? EXIT.ok : EXIT.notEligible;
}

function formatCheck(check: LetterClaimCheck, language: Language): string {
  const params = { ruleset: check.rulesetVersion };
  switch (check.status) {
    case 'matches':
      return `${interpolate(WORDS.matches[language], params)}\n`;
    case 'differs':
      return `${[
        interpolate(WORDS.differs[language], params),
        ...check.differences.map((item) => `  ${item.field}: ${item.inLetter} → ${item.recomputed}`),
      ].join('\n')}\n`;
    case 'claim-invalid': {
      const errors = check.errors.map((error) => `  ${error.path}: ${error.message}`);
      return `${[WORDS.claimInvalid[language], ...errors].join('\n')}\n`;
    }
    case 'ruleset-unknown':
      return `${interpolate(WORDS.rulesetUnknown[language], { ...params, known: check.known.join(', ') })}\n`;
  }
}
