import type { ClaimInput } from '../../server/core/claim/claim-schema';
import type { FollowupInput } from '../../server/core/followup/followup-schema';
import { createDefaultFollowupService } from '../../server/use-cases/default-followup-service';
import type { FollowupOutcome, FollowupService } from '../../server/use-cases/followup-service';
import { workedExampleClaim } from '../fixtures/claims';

/** The worked example's letter as it was written on 01/12/2026 (176,33 €), for follow-ups on later days. */
export function firstLetterClaim(change: (claim: ClaimInput) => void = () => {}): ClaimInput {
  const claim = workedExampleClaim();
  claim.letter = { place: 'Milano', date: '2026-12-01' };
  change(claim);
  return claim;
}

export const LETTER_SHA = 'a'.repeat(64);

export const NO_REPLY: FollowupInput = {
  sent: { method: 'raccomandata', on: '2026-12-02', raccomandataNumber: '15012345678-9' },
  receivedOn: '2026-12-05',
  outcome: 'no-reply',
};

const services = new Map<string, FollowupService>();

/** A follow-up service whose "today" is the given date (10:00 in Italy). */
export function followupServiceOn(today: string): FollowupService {
  let service = services.get(today);
  if (!service) {
    service = createDefaultFollowupService({ PROVIDER_PEC: undefined }, () => Date.parse(`${today}T09:00:00Z`));
    services.set(today, service);
  }
  return service;
}

export async function followUp(
  claim: ClaimInput,
  followup: FollowupInput,
  options: { today?: string; receipt?: Buffer; sha?: string | null; language?: 'it' | 'en' } = {},
): Promise<Extract<FollowupOutcome, { ok: true }>> {
  const outcome = await followupServiceOn(options.today ?? '2026-12-28').followUp({
    caseFile: { claim, association: null, letterSha256: options.sha === undefined ? LETTER_SHA : options.sha },
    followup,
    receipt: options.receipt ?? null,
    language: options.language ?? 'it',
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome;
}
