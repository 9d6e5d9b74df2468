import type { AppConfig } from '../config/app-config';
import { RULESET } from '../core/rules/ruleset';
import { loadFollowupTemplates } from '../letter-templates/load-followup-templates';
import { loadLetterFonts } from '../pdf/letter-fonts';
import { createFollowupService, type FollowupService } from './followup-service';

/** The follow-up service wired with the ruleset in force, the templates on disk and the embedded fonts. */
export function createDefaultFollowupService(
  config: Pick<AppConfig, 'PROVIDER_PEC'> & Partial<Pick<AppConfig, 'PUBLIC_URL'>>,
  now: () => number = Date.now,
): FollowupService {
  return createFollowupService({
    ruleset: RULESET,
    templates: loadFollowupTemplates(),
    fonts: loadLetterFonts(),
    providerPec: config.PROVIDER_PEC ?? null,
    followUpUrl: `${config.PUBLIC_URL ?? 'http://localhost:3000'}/followup`,
    now,
  });
}
