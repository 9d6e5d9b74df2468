import { interpolate, type Language, type Localized } from '../i18n/language';
import { formatCents, type Cents } from '../money/money';
import { formatLongDate, toRomeIso } from '../time/rome-time';
import type { Assessment } from './assess-claim';
import { LINE_DETAILS, LINE_LABELS, REASON_MESSAGES, UNITS, WARNING_MESSAGES } from './assessment-texts';
import type { CompensationLine } from './compensation';
import type { Finding } from './eligibility';
import type { PresentedAssessment, PresentedLine } from './presented-assessment-schema';

export type { PresentedAssessment, PresentedLine };

export function count(value: number, singular: Localized, plural: Localized, language: Language): string {
  return `${value} ${value === 1 ? singular[language] : plural[language]}`;
}

const days = (value: number, language: Language) => count(value, UNITS.day, UNITS.days, language);
const perDay = (cents: Cents, language: Language) =>
  interpolate(UNITS.perDay[language], { amount: formatCents(cents, language) });

const DATE_PARAMS = new Set(['date', 'letterDate', 'periodEnd', 'since']);

/** Formats the figures of a finding for a sentence: amounts and dates the way the language writes them. */
function findingParams(params: Finding<string>['params'], language: Language): Record<string, string | number> {
  const formatted: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Cents') && typeof value === 'number')
      formatted[name.slice(0, -'Cents'.length)] = formatCents(value, language);
    else if (DATE_PARAMS.has(name) && typeof value === 'string') formatted[name] = formatLongDate(value, language);
    else formatted[name] = value;
  }
  return formatted;
}

export function findingMessage(
  finding: Finding<string>,
  catalog: Record<string, Localized>,
  language: Language,
): string {
  const template = catalog[finding.code];
  return template ? interpolate(template[language], findingParams(finding.params, language)) : finding.code;
}

export function lineDetail(line: CompensationLine, language: Language, receivedDescription?: string): string {
  switch (line.code) {
    case 'indemnity': {
      const { facts } = line;
      if (facts.scheme === 'free') {
        const template = facts.capped ? LINE_DETAILS.freeCapped : LINE_DETAILS.free;
        return interpolate(template[language], {
          days: days(facts.days, language),
          rate: perDay(facts.perDayCents, language),
          cap: formatCents(facts.capCents, language),
        });
      }
      const parts: string[] = [];
      if (facts.totalDays > 0 || facts.partialDays === 0) {
        parts.push(
          interpolate(LINE_DETAILS.paidTotal[language], {
            days: days(facts.totalDays, language),
            rate: perDay(facts.totalPerDayCents, language),
          }),
        );
      }
      if (facts.partialDays > 0) {
        parts.push(
          interpolate(LINE_DETAILS.paidPartial[language], {
            days: days(facts.partialDays, language),
            rate: perDay(facts.partialPerDayCents, language),
          }),
        );
      }
      return parts.join(' + ');
    }
    case 'refund':
      return interpolate(LINE_DETAILS.refund[language], {
        fee: formatCents(line.facts.annualFeeCents, language),
        days: days(line.facts.days, language),
        daysPerYear: line.facts.daysPerYear,
      });
    case 'damages':
      return interpolate(LINE_DETAILS.damages[language], {
        items: count(line.facts.items, UNITS.item, UNITS.items, language),
      });
    case 'compensation-received': {
      const declared = interpolate(LINE_DETAILS.received[language], {
        declared: formatCents(line.facts.declaredCents, language),
      });
      return receivedDescription ? `${receivedDescription} (${declared})` : declared;
    }
  }
}

export function presentLine(line: CompensationLine, language: Language, receivedDescription?: string): PresentedLine {
  return {
    code: line.code,
    label: LINE_LABELS[line.code][language],
    detail: lineDetail(line, language, receivedDescription),
    basis: typeof line.basis === 'string' ? line.basis : line.basis[language],
    amountCents: line.amountCents,
    amount: formatCents(line.amountCents, language),
  };
}

export function presentAssessment(
  assessment: Assessment,
  language: Language,
  receivedDescription?: string,
): PresentedAssessment {
  return {
    eligible: assessment.eligible,
    reasons: assessment.reasons.map((reason) => ({
      code: reason.code,
      message: findingMessage(reason, REASON_MESSAGES, language),
    })),
    warnings: assessment.warnings.map((warning) => ({
      code: warning.code,
      message: findingMessage(warning, WARNING_MESSAGES, language),
    })),
    periods: assessment.periods.map((period) => ({
      start: toRomeIso(period.start),
      end: toRomeIso(period.end),
      severity: period.severity,
      days: period.days,
      incidents: period.incidents,
    })),
    compensation: {
      lines: assessment.compensation.lines.map((line) => presentLine(line, language, receivedDescription)),
      totalCents: assessment.compensation.totalCents,
      total: formatCents(assessment.compensation.totalCents, language),
    },
    letterDate: assessment.letterDate,
    deadline: {
      date: assessment.deadline,
      formatted: formatLongDate(assessment.deadline, language),
      days: assessment.deadlineDays,
      movedFrom: assessment.deadlineDetail.movedFrom,
    },
    delivery: assessment.delivery,
    court: assessment.court.kind,
    ruleset: assessment.ruleset,
  };
}
