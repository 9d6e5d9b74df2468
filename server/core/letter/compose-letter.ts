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

type Rendered = ReturnType<LetterTemplate>;

function part(rendered: Rendered, language: Language) {
  const letterPart: LetterPart = {
    language,
    pageLabel: rendered.meta['meta-page'] ?? '{page} / {pages}',
    blocks: rendered.blocks.map(typesetBlock),
  };
  return { part: letterPart, title: rendered.meta['meta-title'] ?? '' };
}

/**
 * A document in the house layout: the Italian original and, for a reader of another language, its courtesy
 * translation, each rendered by `render` in that language. The first letter and every follow-up document use it.
 */
export function assembleLetter(
  render: (language: Language) => Rendered,
  readerLanguage: Language,
  meta: { rulesetVersion: string; letterDate: string },
): Letter {
  const original = part(render(ORIGINAL_LANGUAGE), ORIGINAL_LANGUAGE);
  const translation = readerLanguage === ORIGINAL_LANGUAGE ? null : part(render(readerLanguage), readerLanguage).part;
  return {
    language: ORIGINAL_LANGUAGE,
    title: translation ? `${original.title} (${TRANSLATION_NOTE[readerLanguage]})` : original.title,
    pageLabel: original.part.pageLabel,
    blocks: original.part.blocks,
    courtesyTranslation: translation,
    rulesetVersion: meta.rulesetVersion,
    letterDate: meta.letterDate,
  };
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
  return assembleLetter(
    (language) => templates[language](buildLetterContext(claim, assessment, ruleset, options, language)),
    claim.letter?.language ?? ORIGINAL_LANGUAGE,
    { rulesetVersion: assessment.ruleset.version, letterDate: assessment.letterDate },
  );
}
