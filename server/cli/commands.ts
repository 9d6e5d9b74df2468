import { isLanguage, type Language } from '../core/i18n/language';
import type { LetterService } from '../use-cases/letter-service';
import { EXIT, type CliIo } from './cli-io';
import { formatAssessment } from './format-assessment';
import { printErrors, readClaimFile } from './read-claim-file';

export interface CommandContext {
  io: CliIo;
  service: () => LetterService;
  /** "Today": the service's when one is given (tests fix it), else the clock, without loading fonts and templates. */
  now: () => number;
}

function claimLanguage(value: unknown, fallback: Language): Language {
  const letterLanguage = (value as { letter?: { language?: unknown } } | null)?.letter?.language;
  return isLanguage(letterLanguage) ? letterLanguage : fallback;
}

/** The claim file read, and the language its messages are in; null once its problems are printed. */
function readClaim(ctx: CommandContext, file: string, lang?: Language): { value: unknown; language: Language } | null {
  const read = readClaimFile(ctx.io, file, lang ?? 'it');
  if (!read.ok) {
    printErrors(ctx.io, read.errors);
    return null;
  }
  return { value: read.value, language: lang ?? claimLanguage(read.value, 'it') };
}

/** `reclamo assess claim.json [--json]` */
export async function assessCommand(
  ctx: CommandContext,
  file: string,
  options: { json: boolean; lang?: Language },
): Promise<number> {
  const read = readClaim(ctx, file, options.lang);
  if (!read) return EXIT.invalid;
  const { language } = read;
  const assessed = ctx.service().assess(read.value, language);
  if (!assessed.ok) {
    printErrors(ctx.io, assessed.errors);
    return EXIT.invalid;
  }
  ctx.io.stdout(
    options.json ? `${JSON.stringify(assessed.presented, null, 2)}\n` : formatAssessment(assessed.presented, language),
  );
  return assessed.presented.eligible ? EXIT.ok : EXIT.notEligible;
}

/** `reclamo letter claim.json -o letter.pdf [--ics deadline.ics]` */
export async function letterCommand(
  ctx: CommandContext,
  file: string,
  options: { output?: string; ics?: string; lang?: Language },
): Promise<number> {
  const read = readClaim(ctx, file, options.lang);
  if (!read) return EXIT.invalid;
  const { language } = read;
  const service = ctx.service();
  const outcome = await service.letter(read.value, language);
  if (!outcome.ok) {
    printErrors(ctx.io, outcome.errors);
    return EXIT.invalid;
  }
  if (!outcome.eligible) {
    ctx.io.stderr(formatAssessment(outcome.presented, language));
    return EXIT.notEligible;
  }
  const output = options.output ?? outcome.fileName;
  ctx.io.writeFile(output, outcome.pdf);
  ctx.io.stdout(`${output}\nSHA-256 ${outcome.sha256}\n`);
  if (options.ics) {
    const calendar = service.calendar(outcome.claim, outcome.assessment, outcome);
    ctx.io.writeFile(options.ics, Buffer.from(calendar.content, 'utf8'));
    ctx.io.stdout(`${options.ics}\n`);
  }
  return EXIT.ok;
}
