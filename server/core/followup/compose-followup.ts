import type { Language } from '../i18n/language';
import { assembleLetter, ORIGINAL_LANGUAGE } from '../letter/compose-letter';
import type { Letter } from '../letter/letter-model';
import type { LetterTemplate } from '../letter/letter-template';
import { buildFollowupContext, type FollowupLetterFacts } from './followup-context';
import type { DocumentChoice } from './followup-status';

/** One template per document and variant (the Giudice di Pace document is a draft ricorso or a lawyer's note). */
export const FOLLOWUP_TEMPLATE_NAMES = [
  'sollecito',
  'garante',
  'agcm',
  'conciliaweb',
  'giudice-di-pace',
  'nota-avvocato',
  'accettazione-parziale',
] as const;
export type FollowupTemplateName = (typeof FOLLOWUP_TEMPLATE_NAMES)[number];
export type FollowupTemplates = Record<Language, Record<FollowupTemplateName, LetterTemplate>>;

export function templateNameFor(choice: DocumentChoice): FollowupTemplateName {
  if (choice.kind === 'giudice-di-pace')
    return choice.reason === 'self-represented' ? 'giudice-di-pace' : 'nota-avvocato';
  return choice.kind;
}

/**
 * A follow-up document, worded by templates/<language>/followup/<name>.hbs: the Italian original and, for a claimant
 * who reads English, the courtesy translation. Dated the follow-up's date, so the same input gives the same PDF.
 */
export function composeFollowupDocument(
  choice: DocumentChoice,
  facts: FollowupLetterFacts,
  templates: FollowupTemplates,
): Letter {
  const name = templateNameFor(choice);
  return assembleLetter(
    (language) => templates[language][name](buildFollowupContext(facts, language)),
    facts.claim.letter?.language ?? ORIGINAL_LANGUAGE,
    { rulesetVersion: facts.ruleset.version, letterDate: facts.status.followupDate },
  );
}
