import path from 'node:path';
import { OUTCOMES, SEND_METHODS, type SendMethod } from '../core/followup/followup-schema';
import { presentFollowup } from '../core/followup/present-followup';
import { interpolate, LANGUAGES, type Language } from '../core/i18n/language';
import { formatLongDate } from '../core/time/rome-time';
import type { FollowupOutcome, FollowupService } from '../use-cases/followup-service';
import { readCaseFile } from '../use-cases/read-case-file';
import { readLetterCase } from '../use-cases/read-letter-case';
import { EXIT, type CliIo } from './cli-io';
import { CLI_TEXTS, FOLLOWUP_CLI_TEXTS as TEXTS } from './cli-texts';
import { printErrors } from './read-claim-file';

export interface FollowupOptions {
  outcome?: string;
  sentOn?: string;
  sentBy?: string;
  receivedOn?: string;
  replyOn?: string;
  receipt?: string;
  raccomandata?: string;
  offer?: string;
  sha256?: string;
  output?: string;
  lang?: Language;
}

function readBytes(io: CliIo, file: string, language: Language): Buffer | null {
  try {
    return io.readBytes ? io.readBytes(file) : Buffer.from(io.readText(file), 'utf8');
  } catch {
    io.stderr(`${interpolate(CLI_TEXTS.unreadable[language], { file })}\n`);
    return null;
  }
}

/** How the first letter went, when not said: a receipt means PEC, a number a raccomandata, else the letter's own. */
function sentBy(options: FollowupOptions, claim: unknown): SendMethod | undefined {
  if (options.sentBy) return options.sentBy as SendMethod;
  if (options.receipt) return 'pec';
  if (options.raccomandata) return 'raccomandata';
  const input = claim as { letter?: { delivery?: unknown }; claimant?: { pec?: unknown } } | null;
  if (input?.letter?.delivery === 'pec' || input?.letter?.delivery === 'raccomandata') return input.letter.delivery;
  return input?.claimant?.pec ? 'pec' : 'raccomandata';
}

type Done = Extract<FollowupOutcome, { ok: true }>;

/** LEGGIMI.txt (Italian) or README.txt (English): what was written and why, and what does not apply and why. */
function readme(outcome: Done, language: Language, letterDate: string): string {
  const say = (text: Record<Language, string>, params: Record<string, string> = {}) =>
    interpolate(text[language], params);
  const presented = presentFollowup(outcome.status, outcome.followup, language);
  const lines = [say(TEXTS.heading, { date: formatLongDate(letterDate, language) }), ''];
  lines.push(say(TEXTS.standing), ...presented.standing.map((line) => `- ${line}`), '');
  if (outcome.receipt) lines.push(say(TEXTS.receipt), ...outcome.receipt.sentences.map((line) => `- ${line}`), '');
  const written = presented.documents.filter((doc) => doc.applies);
  lines.push(say(TEXTS.written));
  if (written.length === 0) lines.push(`- ${say(TEXTS.nothing)}`);
  for (const doc of written) {
    const file = outcome.files.find((candidate) => candidate.kind === doc.kind)!;
    lines.push(`- ${file.fileName}: ${doc.title}. ${doc.explanation} (SHA-256 ${file.sha256})`);
  }
  const calendar = outcome.files.find((file) => file.kind === 'calendar');
  if (calendar) {
    const date = formatLongDate(outcome.status.finalTerm.date, language);
    lines.push(`- ${calendar.fileName}: ${say(TEXTS.calendar, { date })}`);
  }
  const others = presented.documents.filter((doc) => !doc.applies);
  if (others.length > 0) {
    lines.push('', say(TEXTS.notApplying), ...others.map((doc) => `- ${doc.title}: ${doc.explanation}`));
  }
  lines.push('', say(TEXTS.disclaimer), '');
  return lines.join('\n');
}

/**
 * `reclamo followup <letter.pdf|claim.json> --outcome no-reply|refused|partial|paid [--sent-on DATE]
 * [--received-on DATE] [--receipt receipt.eml] [--raccomandata NUMBER] [--offer AMOUNT] -o <folder>`: every document
 * that applies, the new term's calendar file, LEGGIMI.txt and README.txt. Exit 0 written, 1 nothing applies, 2 bad
 * input.
 */
export async function followupCommand(
  io: CliIo,
  service: () => FollowupService,
  file: string,
  options: FollowupOptions,
): Promise<number> {
  const language = options.lang ?? 'it';
  const problems: string[] = [];
  if (!options.outcome || !(OUTCOMES as readonly string[]).includes(options.outcome)) {
    problems.push(TEXTS.badOutcome[language]);
  }
  if (options.sentBy !== undefined && !(SEND_METHODS as readonly string[]).includes(options.sentBy)) {
    problems.push(TEXTS.badSentBy[language]);
  }
  if (!options.output) problems.push(TEXTS.needsOutput[language]);
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\n`);
    return EXIT.invalid;
  }
  const caseBytes = readBytes(io, file, language);
  const receipt = options.receipt ? readBytes(io, options.receipt, language) : null;
  if (!caseBytes || (options.receipt && !receipt)) return EXIT.invalid;
  const reading = readCaseFile(caseBytes, {
    language,
    ...(options.sha256 !== undefined ? { sha256: options.sha256 } : {}),
    readLetterPdf: readLetterCase,
  });
  if (!reading.ok) {
    printErrors(io, reading.errors);
    return EXIT.invalid;
  }
  const claim = reading.caseFile.claim as { letter?: { date?: unknown } } | null;
  const letterDate = typeof claim?.letter?.date === 'string' ? claim.letter.date : undefined;
  const followup = {
    sent: {
      method: sentBy(options, claim),
      on: options.sentOn ?? letterDate,
      ...(options.raccomandata !== undefined ? { raccomandataNumber: options.raccomandata } : {}),
    },
    outcome: options.outcome,
    ...(options.receivedOn !== undefined ? { receivedOn: options.receivedOn } : {}),
    ...(options.replyOn !== undefined ? { replyOn: options.replyOn } : {}),
    ...(options.offer !== undefined ? { offer: { amount: options.offer } } : {}),
  };
  const outcome = await service().followUp({ caseFile: reading.caseFile, followup, receipt, language });
  if (!outcome.ok) {
    printErrors(io, outcome.errors);
    return EXIT.invalid;
  }
  const folder = options.output!;
  io.makeDirectory?.(folder);
  const written: string[] = [];
  for (const output of outcome.files) {
    io.writeFile(path.join(folder, output.fileName), output.bytes);
    written.push(output.fileName);
  }
  for (const readmeLanguage of LANGUAGES) {
    const name = TEXTS.readmeFile[readmeLanguage];
    io.writeFile(path.join(folder, name), Buffer.from(readme(outcome, readmeLanguage, String(letterDate)), 'utf8'));
    written.push(name);
  }
  if (outcome.receipt) io.stdout(`${outcome.receipt.sentences.join('\n')}\n`);
  io.stdout(`${outcome.presented.standing.join('\n')}\n${written.map((name) => path.join(folder, name)).join('\n')}\n`);
  return outcome.files.length > 0 ? EXIT.ok : EXIT.notEligible;
}
