import { interpolate, type Language } from '../core/i18n/language';
import { formatCount } from '../core/text/format-count';
import { BATCH_INPUT_MESSAGES } from './batch-input-texts';

export type BatchInputProblem = keyof typeof BATCH_INPUT_MESSAGES;

/** A file that cannot be processed as a whole (as opposed to a bad row, which only gets a line in the report). */
export class BatchInputError extends Error {
  constructor(
    readonly problem: BatchInputProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`batch input: ${problem}`);
  }

  messageIn(language: Language): string {
    const params = Object.fromEntries(
      Object.entries(this.params).map(([name, value]) => [
        name,
        typeof value === 'number' ? formatCount(value, language) : value,
      ]),
    );
    return interpolate(BATCH_INPUT_MESSAGES[this.problem][language], params);
  }

  /** The HTTP status that says it: too big is 413, not a spreadsheet 415, anything else about the content 422. */
  get httpStatus(): number {
    if (['too-large', 'too-many-rows', 'xlsx-too-large', 'xlsx-rows'].includes(this.problem)) return 413;
    if (this.problem === 'unsupported-type' || this.problem === 'old-excel') return 415;
    return 422;
  }
}
