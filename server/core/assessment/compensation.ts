import type { Claim } from '../claim/claim-schema';
import { divideRoundHalfUp, type Cents } from '../money/money';
import type { Localized } from '../i18n/language';
import type { Ruleset } from '../rules/ruleset-types';
import type { Period } from './outage-periods';

export type CompensationLineCode = 'indemnity' | 'refund' | 'damages' | 'compensation-received';

/** One line of the demand; `facts` carries the figures the wording needs, so labels can be written in any language. */
export type CompensationLine =
  | { code: 'indemnity'; amountCents: Cents; basis: string; facts: IndemnityFacts }
  | {
      code: 'refund';
      amountCents: Cents;
      basis: string;
      facts: { annualFeeCents: Cents; days: number; daysPerYear: number };
    }
  | { code: 'damages'; amountCents: Cents; basis: string; facts: { items: number; dataLoss: boolean } }
  | {
      code: 'compensation-received';
      amountCents: Cents;
      basis: Localized;
      facts: { declaredCents: Cents; capped: boolean };
    };

export type IndemnityFacts =
  | { scheme: 'free'; days: number; perDayCents: Cents; capCents: Cents; capped: boolean }
  | { scheme: 'paid'; totalDays: number; partialDays: number; totalPerDayCents: Cents; partialPerDayCents: Cents };

export interface Compensation {
  lines: CompensationLine[];
  totalCents: Cents;
}

/**
 * The annual fee the claimant paid: the declared one, or the price of the declared plan; null for a free mailbox
 * (a free account, or a company on a free plan).
 */
export function annualFeeOf(claim: Claim, ruleset: Ruleset): Cents | null {
  if (claim.account.type === 'free') return null;
  if (claim.account.annualFee !== undefined) return claim.account.annualFee;
  const planFee = ruleset.plans.find((plan) => plan.id === claim.account.plan)?.annualFeeCents ?? null;
  return claim.account.type === 'business' && planFee === 0 ? null : planFee;
}

/** The GDPR protects natural persons only (art. 1 GDPR): a company's lost data stay under the civil code. */
export function isNaturalPerson(claim: Claim): boolean {
  return claim.account.type !== 'business';
}

function indemnityLine(claim: Claim, periods: readonly Period[], ruleset: Ruleset): CompensationLine {
  const { indemnity } = ruleset;
  const daysWith = (severity: Period['severity']) =>
    periods.filter((period) => period.severity === severity).reduce((sum, period) => sum + period.days, 0);
  if (annualFeeOf(claim, ruleset) === null) {
    const days = daysWith('total') + daysWith('partial');
    const uncapped = days * indemnity.freePerDayCents.value;
    const amountCents = Math.min(uncapped, indemnity.freeCapCents.value);
    return {
      code: 'indemnity',
      amountCents,
      basis: indemnity.basis,
      facts: {
        scheme: 'free',
        days,
        perDayCents: indemnity.freePerDayCents.value,
        capCents: indemnity.freeCapCents.value,
        capped: uncapped > amountCents,
      },
    };
  }
  const totalDays = daysWith('total');
  const partialDays = daysWith('partial');
  return {
    code: 'indemnity',
    amountCents: totalDays * indemnity.totalPerDayCents.value + partialDays * indemnity.partialPerDayCents.value,
    basis: indemnity.basis,
    facts: {
      scheme: 'paid',
      totalDays,
      partialDays,
      totalPerDayCents: indemnity.totalPerDayCents.value,
      partialPerDayCents: indemnity.partialPerDayCents.value,
    },
  };
}

export function computeCompensation(claim: Claim, periods: readonly Period[], ruleset: Ruleset): Compensation {
  const lines: CompensationLine[] = [indemnityLine(claim, periods, ruleset)];

  const annualFeeCents = annualFeeOf(claim, ruleset);
  if (annualFeeCents !== null) {
    const days = periods.reduce((sum, period) => sum + period.days, 0);
    const daysPerYear = ruleset.refund.daysPerYear.value;
    lines.push({
      code: 'refund',
      amountCents: divideRoundHalfUp(annualFeeCents * days, daysPerYear),
      basis: ruleset.refund.basis,
      facts: { annualFeeCents, days, daysPerYear },
    });
  }

  const damages = claim.damages ?? [];
  if (damages.length > 0) {
    const dataLoss = damages.some((damage) => damage.kind === 'data-loss');
    lines.push({
      code: 'damages',
      amountCents: damages.reduce((sum, damage) => sum + damage.amount, 0),
      basis: dataLoss && isNaturalPerson(claim) ? ruleset.damages.dataLossBasis : ruleset.damages.basis,
      facts: { items: damages.length, dataLoss },
    });
  }

  const declared = claim.compensationReceived?.amount ?? 0;
  if (declared > 0) {
    // What the provider already gave offsets the indemnity and the refund, never the damages.
    const offsettable = lines
      .filter((line) => line.code === 'indemnity' || line.code === 'refund')
      .reduce((sum, line) => sum + line.amountCents, 0);
    const deducted = Math.min(declared, offsettable);
    lines.push({
      code: 'compensation-received',
      amountCents: -deducted,
      basis: ruleset.compensationReceived.basis,
      facts: { declaredCents: declared, capped: deducted < declared },
    });
  }

  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}
