import { createDefaultLetterService } from '../../server/use-cases/default-letter-service';
import type { LetterService } from '../../server/use-cases/letter-service';
import { createDefaultFollowupService } from '../../server/use-cases/default-followup-service';
import type { FollowupService } from '../../server/use-cases/followup-service';

/** 23 November 2026, noon in Rome: "today" for every test. */
export const TEST_NOW = Date.UTC(2026, 10, 23, 11);

let shared: LetterService | undefined;

/** One service per test file: fonts parsed and templates compiled once, as in production. */
export function testLetterService(options: { providerPec?: string; now?: number } = {}): LetterService {
  if (options.providerPec || options.now !== undefined) {
    const now = options.now ?? TEST_NOW;
    return createDefaultLetterService({ PROVIDER_PEC: options.providerPec }, () => now);
  }
  shared ??= createDefaultLetterService({ PROVIDER_PEC: undefined }, () => TEST_NOW);
  return shared;
}

let sharedFollowups: FollowupService | undefined;

/** The follow-up service with the same "today" as the letter service. */
export function testFollowupService(): FollowupService {
  sharedFollowups ??= createDefaultFollowupService({ PROVIDER_PEC: undefined }, () => TEST_NOW);
  return sharedFollowups;
}
