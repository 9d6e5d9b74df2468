import type { AppConfig } from '../config/app-config';
import { RULESET } from '../core/rules/ruleset';
import { loadLetterTemplates } from '../letter-templates/load-letter-templates';
import { loadLetterFonts } from '../pdf/letter-fonts';
import { createLetterService, type LetterService } from './letter-service';

/** The letter service wired with the ruleset in force, the templates on disk and the embedded fonts. */
export function createDefaultLetterService(
  config: Pick<AppConfig, 'PROVIDER_PEC'> & Partial<Pick<AppConfig, 'PUBLIC_URL'>>,
  now: () => number = Date.now,
): LetterService {
  return createLetterService({
    ruleset: RULESET,
    templates: loadLetterTemplates(),
    fonts: loadLetterFonts(),
    providerPec: config.PROVIDER_PEC ?? null,
    now,
    followUpUrl: `${config.PUBLIC_URL ?? 'http://localhost:3000'}/followup`,
  });
}
