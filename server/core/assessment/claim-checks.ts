import type { Association } from '../claim/association-schema';
import type { Claim } from '../claim/claim-schema';
import type { FieldError } from '../claim/field-error-schema';
import { fieldError } from '../claim/validate-claim';
import type { Language } from '../i18n/language';
import type { Ruleset } from '../rules/ruleset-types';
import { formatLongDate, romeDateOf, type Instant } from '../time/rome-time';
import { deadlineOfClaim } from './assess-claim';
import { annualFeeOf } from './compensation';
import { resolveOutages } from './outage-periods';

export interface ClaimCheckOptions {
  ruleset: Ruleset;
  now: Instant;
  association: Association | null;
}

/**
 * What a valid claim can still get wrong against the rules, today's date or its sender, as field errors: a plan
 * not yet sold during a period (W4), a customer only since after the outage, a business account sent by a consumer
 * association (W1), a letter dated so early that its term is already over (R3), termination without a fee.
 */
export function claimFieldErrors(claim: Claim, options: ClaimCheckOptions, language: Language): FieldError[] {
  const { ruleset } = options;
  const errors: FieldError[] = [];
  const outages = resolveOutages(claim.outages, ruleset);
  const { account } = claim;

  const plan = ruleset.plans.find((candidate) => candidate.id === account.plan);
  const soldFrom = plan?.availableFrom.value ?? null;
  if (account.type !== 'free' && plan && soldFrom !== null) {
    const index = outages.findIndex((outage) => romeDateOf(outage.start) < soldFrom);
    if (index >= 0) {
      errors.push(
        fieldError('account.plan', 'account.planNotYetSold', language, {
          plan: plan.name,
          date: formatLongDate(soldFrom, language),
          index: index + 1,
        }),
      );
    }
  }

  if (account.customerSince !== undefined) {
    const since = account.customerSince;
    const index = outages.findIndex((outage) => romeDateOf(outage.end) < since);
    if (index >= 0) {
      errors.push(
        fieldError('account.customerSince', 'account.customerAfterOutage', language, {
          date: formatLongDate(since, language),
          index: index + 1,
        }),
      );
    }
  }

  if (options.association && account.type === 'business') {
    errors.push(fieldError('account.type', 'association.business', language));
  }

  const deadline = deadlineOfClaim(claim, options.now, ruleset);
  if (deadline.date < romeDateOf(options.now)) {
    errors.push(
      fieldError('letter.date', 'letter.deadlinePassed', language, {
        days: deadline.days,
        deadline: formatLongDate(deadline.date, language),
      }),
    );
  }

  if (claim.letter?.termination && annualFeeOf(claim, ruleset) === null) {
    errors.push(fieldError('letter.termination', 'letter.terminationNeedsFee', language));
  }
  return errors;
}
