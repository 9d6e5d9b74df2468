import type { PresentedAssessment } from '../core/assessment/present-assessment';
import { interpolate, type Language } from '../core/i18n/language';
import { CLI_TEXTS as WORDS } from './cli-texts';

/** The assessment as a terminal reads it: verdict, lines with their basis, total, deadline. */
export function formatAssessment(presented: PresentedAssessment, language: Language): string {
  const out: string[] = [];
  if (presented.eligible) out.push(WORDS.eligible[language]);
  else {
    out.push(WORDS.notEligible[language]);
    for (const reason of presented.reasons) out.push(`  - ${reason.message}`);
  }
  if (presented.warnings.length) {
    out.push(WORDS.warnings[language]);
    for (const warning of presented.warnings) out.push(`  - ${warning.message}`);
  }
  out.push('');
  const width = Math.max(
    ...presented.compensation.lines.map((line) => line.amount.length),
    presented.compensation.total.length,
  );
  for (const line of presented.compensation.lines) {
    out.push(`  ${line.amount.padStart(width)}  ${line.label} (${line.detail}) [${line.basis}]`);
  }
  out.push(`  ${presented.compensation.total.padStart(width)}  ${WORDS.total[language]}`);
  out.push('');
  const deadline = interpolate(WORDS.deadlineDetail[language], { days: presented.deadline.days });
  out.push(`${WORDS.deadline[language]}: ${presented.deadline.formatted} (${deadline})`);
  out.push(`${WORDS.ruleset[language]}: ${presented.ruleset.version}`);
  return `${out.join('\n')}\n`;
}
