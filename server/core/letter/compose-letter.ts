import type { Assessment } from '../assessment/assess-claim';
import type { Claim } from '../claim/claim-schema';
import type { Language } from '../i18n/language';
import type { Ruleset } from '../rules/ruleset-types';
import { buildLetterContext, type LetterOptions } from './letter-context';
import type { Letter, LetterPart } from './letter-model';
import type { LetterTemplate } from './letter-template';
import { TRANSLATION_NOTE } from './letter-texts';
import { typesetBlock } from './typeset';

export type LetterTemplates = Record<Language, LetterTemplate>;

/** The language of the letter that is sent: the recipient is an Italian company and a court reads Italian. */
export const ORIGINAL_LANGUAGE: Language = 'it';

function part(
  claim: Claim,
  assessment: Assessment,
  templates: LetterTemplates,
  ruleset: Ruleset,
  options: LetterOptions,
  language: Language,
) {
  const context = buildLetterContext(claim, assessment, ruleset, options, language);
  const { blocks, meta } = templates[language](context);
  const letterPart: LetterPart = {
    language,
    pageLabel: meta['meta-page'] ?? '{page} / {pages}',
    blocks: blocks.map(typesetBlock),
  };
  return { part: letterPart, title: meta['meta-title'] ?? '' };
}

/**
 * Claim + assessment → the structured letter: the Italian original, worded by templates/it, and for a claimant
 * who chose English the courtesy translation worded by templates/en from the same facts.
 */
export function composeLetter(
  claim: Claim,
  assessment: Assessment,
  templates: LetterTemplates,
  ruleset: Ruleset,
  options: LetterOptions,
): Letter {
  const original = part(claim, assessment, templates, ruleset, options, ORIGINAL_LANGUAGE);
  const readerLanguage = claim.letter?.language ?? ORIGINAL_LANGUAGE;
  const translation =
    readerLanguage === ORIGINAL_LANGUAGE
      ? null
      : part(claim, assessment, templates, ruleset, options, readerLanguage).part;
  return {
    language: ORIGINAL_LANGUAGE,
    title: translation ? `${original.title} (${TRANSLATION_NOTE[readerLanguage]})` : original.title,
    pageLabel: original.part.pageLabel,
    blocks: original.part.blocks,
    courtesyTranslation: translation,
    rulesetVersion: assessment.ruleset.version,
    letterDate: assessment.letterDate,
  };
}
