import { centsToDecimalString } from '../money/money';
import { toRomeIso } from '../time/rome-time';
import type { Claim, ClaimInput } from './claim-schema';

/**
 * A validated claim written back the way the API takes it (euros as `1234.56`, date-times with their Italian offset):
 * validating the result gives the same claim again, so it can be stored, sent or embedded and read back.
 */
export function claimToInput(claim: Claim): ClaimInput {
  const euros = (cents: number) => centsToDecimalString(cents);
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
  return defined({
    claimant: defined({ ...claim.claimant, address: { ...claim.claimant.address } }),
    account: defined({
      ...claim.account,
      annualFee: claim.account.annualFee === undefined ? undefined : euros(claim.account.annualFee),
    }),
    outages: claim.outages.map((outage) =>
      defined({
        ...outage,
        start: outage.start === undefined ? undefined : toRomeIso(outage.start),
        end: outage.end === undefined ? undefined : toRomeIso(outage.end),
      }),
    ),
    damages: claim.damages?.map((damage) => ({ ...damage, amount: euros(damage.amount) })),
    compensationReceived: claim.compensationReceived && {
      ...claim.compensationReceived,
      amount: euros(claim.compensationReceived.amount),
    },
    previousComplaints: claim.previousComplaints?.map((complaint) => defined({ ...complaint })),
    payment: claim.payment && defined({ ...claim.payment }),
    letter: claim.letter && defined({ ...claim.letter }),
  });
}
