import { SEVERITY_LABELS } from '../../core/claim/claim-label-texts';
import type { Language } from '../../core/i18n/language';
import type { Letter } from '../../core/letter/letter-model';
import { formatDate, formatRomeDateTime } from '../../core/time/rome-time';
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
  options: { language: Language; t: Translate },
) {
  const { language, t } = options;
  const { presented, assessment } = assessed;
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
      letterDate: formatDate(presented.letterDate),
      days: presented.deadline.days,
      date: presented.deadline.formatted,
    }),
    letter: letter ? letterPreview(letter) : null,
    answers: formAnswers(state),
    languageSwitchAction: RESULT_ACTION,
  };
}
