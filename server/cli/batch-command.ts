import { BatchInputError } from '../batch/batch-input-error';
import { readAssociationFile } from '../batch/association-file';
import { BATCH_WORDS, STATUS_LABELS } from '../batch/batch-texts';
import { processBatchFile } from '../batch/process-batch-file';
import { RenderPool } from '../batch/render-pool';
import type { BatchSummary } from '../batch/run-batch';
import { formatReasons, ROW_STATUSES } from '../core/member-list/report-row';
import { letterOptionsSchema } from '../core/claim/claim-schema';
import type { Association } from '../core/claim/association-schema';
import { validateWith } from '../core/claim/validate-claim';
import type { Language } from '../core/i18n/language';
import { EXIT } from './cli-io';
import type { CommandContext } from './commands';
import { printErrors } from './read-claim-file';

export interface BatchCommandOptions {
  output?: string;
  association?: string;
  lang?: Language;
  workers?: number;
  maxRows?: number;
  letter: { delivery?: string; date?: string; place?: string };
  providerPec: string | null;
  /** A terminal gets a redrawn progress bar; a pipe or a log file gets a line every 10 %. */
  tty: boolean;
  /** `--send member|provider|both`: e-mail each eligible row's letter through the outbox. */
  send?: string;
}

function progressPrinter(ctx: CommandContext, tty: boolean): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    const fraction = total === 0 ? 1 : done / total;
    if (tty) {
      const filled = Math.round(fraction * 30);
      ctx.io.stderr(
        `\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ` +
          `${Math.floor(fraction * 100)}% ${done}/${total}` +
          `${done === total ? '\n' : ''}`,
      );
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      ctx.io.stderr(`${done}/${total} (${tenth * 10}%)\n`);
    }
  };
}

export function formatBatchSummary(summary: BatchSummary, language: Language): string {
  const counts = ROW_STATUSES.map((status) => `${summary.counts[status]} ${STATUS_LABELS[status][language]}`).join(
    ', ',
  );
  const lines = [`${BATCH_WORDS.rows[language]}: ${summary.rows} — ${counts}`];
  if (summary.problems.length > 0) {
    lines.push(`${BATCH_WORDS.problems[language]}:`);
    for (const problem of summary.problems) {
      lines.push(
        `  ${BATCH_WORDS.row[language]} ${problem.row} (${problem.status}): ${formatReasons(problem.reasons)}`,
      );
    }
  }
  lines.push(BATCH_WORDS.report[language]);
  return `${lines.join('\n')}\n`;
}

/**
 * `reclamo batch members.csv -o letters.zip [--association association.json|yaml]`: exit 0 once processed, 2 if
 * unreadable.
 */
export async function batchCommand(ctx: CommandContext, file: string, options: BatchCommandOptions): Promise<number> {
  const language = options.lang ?? 'it';
  let association: Association | null = null;
  if (options.association) {
    const read = await readAssociationFile(options.association, language);
    if (!read.ok) {
      printErrors(ctx.io, read.errors);
      return EXIT.invalid;
    }
    association = read.value;
  }
  const letterInput = { ...options.letter, language: options.lang };
  const letter = validateWith(letterOptionsSchema, letterInput, language);
  if (!letter.ok) {
    printErrors(
      ctx.io,
      letter.errors.map((error) => ({ ...error, path: `--${error.path}` })),
    );
    return EXIT.invalid;
  }
  // The outbox (SQLite, SMTP) is loaded only for a batch that sends.
  const mail =
    options.send === undefined ? null : (await import('./batch-mail-option')).openBatchMail(ctx.io, options.send);
  if (mail && 'error' in mail) {
    ctx.io.stderr(`${mail.error}\n`);
    return EXIT.invalid;
  }
  const output = options.output ?? 'letters.zip';
  const pool = new RenderPool({ size: options.workers, providerPec: options.providerPec });
  try {
    const summary = await processBatchFile({
      file,
      zipFile: output,
      maxRows: options.maxRows ?? Number.MAX_SAFE_INTEGER,
      now: ctx.now(),
      pool,
      association,
      letter: Object.fromEntries(Object.entries(letterInput).filter(([, value]) => value !== undefined)),
      language: options.lang,
      onProgress: progressPrinter(ctx, options.tty),
      ...(mail ? { onRow: mail.onRow, extraColumn: mail.extraColumn } : {}),
    });
    ctx.io.stdout(`${output}\n${formatBatchSummary(summary, options.lang ?? summary.language)}`);
    if (mail) ctx.io.stdout(await mail.finish());
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof BatchInputError)) throw error;
    ctx.io.stderr(`${file}: ${error.messageIn(language)}\n`);
    return EXIT.invalid;
  } finally {
    await pool.close();
    await mail?.close();
  }
}
