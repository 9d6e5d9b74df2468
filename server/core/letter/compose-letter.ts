import type { Assessment } from '../assessment/assess-claim';
import type { Claim } from '../claim/claim-schema';
import type { Language } from '../i18n/language';
import type { Ruleset } from '../rules/ruleset-types';
import { buildLetterContext, type LetterOptions } from './letter-context';
import type { Letter } from './letter-model';
import type { LetterTemplate } from './letter-template';

export type LetterTemplates = Record<Language, LetterTemplate>;

/** Claim + assessment → the structured letter, worded by the template of the letter's language. */
export function composeLetter(
  claim: Claim,
  assessment: Assessment,
  templates: LetterTemplates,
  ruleset: Ruleset,
  options: LetterOptions,
): Letter {
  const context = buildLetterContext(claim, assessment, ruleset, options);
  const { blocks, meta } = templates[context.language](context);
  return {
    language: context.language,
    title: meta['meta-title'] ?? '',
    pageLabel: meta['meta-page'] ?? '{page} / {pages}',
    footerNote: meta['meta-footer'] ?? '',
    blocks,
    rulesetVersion: assessment.ruleset.version,
    letterDate: assessment.letterDate,
  };
}
