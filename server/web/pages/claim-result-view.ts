import { SEVERITY_LABELS } from '../../core/claim/claim-label-texts';
import type { Language } from '../../core/i18n/language';
import type { Letter } from '../../core/letter/letter-model';
import { formatPercent } from '../../core/money/money';
import type { Ruleset } from '../../core/rules/ruleset-types';
import { formatLongDate, formatRomeDateTime } from '../../core/time/rome-time';
import type { Assessed } from '../../use-cases/letter-service';
import type { Translate } from '../i18n/catalog';
import { formAnswers, type FormState } from './claim-form-state';
import { letterPreview } from './letter-preview';

export const RESULT_ACTION = '/claim';

/** Everything claim-result.hbs shows; the answers travel on as hidden fields for "change", "PDF" and later actions. */
export function claimResultView(
  assessed: Extract<Assessed, { ok: true }>,
  letter: Letter | null,
  state: FormState,
  options: { language: Language; t: Translate; ruleset: Ruleset },
) {
  const { language, t, ruleset } = options;
  const { presented, assessment } = assessed;
  const moved = presented.deadline.movedFrom;
  const year = Number(presented.letterDate.slice(0, 4));
  const rate = ruleset.interest.legalRates.find((candidate) => candidate.year === year);
  return {
    title: t('result.title'),
    eligible: presented.eligible,
    headline: presented.eligible ? t('result.eligible') : t('result.notEligible'),
    summary: presented.eligible ? t('result.eligible.body', { total: presented.compensation.total }) : '',
    reasons: presented.reasons,
    warnings: presented.warnings,
    periods: assessment.periods.map((period) => ({
      start: formatRomeDateTime(period.start, language),
      end: formatRomeDateTime(period.end, language),
      severity: SEVERITY_LABELS[period.severity][language],
      days: period.days,
    })),
    lines: presented.compensation.lines,
    total: presented.compensation.total,
    deadline: t('result.deadline.body', {
      letterDate: formatLongDate(presented.letterDate, language),
      days: presented.deadline.days,
      date: presented.deadline.formatted,
    }),
    deadlineMoved: moved
      ? t('result.deadline.moved', {
          days: presented.deadline.days,
          nominal: formatLongDate(moved.date, language),
          holiday: moved.holiday,
        })
      : null,
    interest: rate ? t('result.interest', { year, rate: formatPercent(rate.basisPoints, language) }) : null,
    rulesetNote: t('result.ruleset', {
      version: presented.ruleset.version,
      publishedOn: formatLongDate(presented.ruleset.publishedOn, language),
    }),
    translationNote: letter?.courtesyTranslation ? t('result.translation') : null,
    letter: letter ? letterPreview(letter) : null,
    answers: formAnswers(state),
    languageSwitchAction: RESULT_ACTION,
  };
}
