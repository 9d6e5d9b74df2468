import { createHmac } from 'node:crypto';
import type { SendLedger } from './outbox/outbox-port';

/** A confirmation message, a letter (each copy: the claimant's and the provider's), or a wrong confirmation code. */
export const BUDGET_KINDS = ['confirmation', 'letter', 'code-failure'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
export const BUDGET_DIMENSIONS = ['client', 'operator', 'address', 'global'] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];

/**
 * Who asks for a message: a web client (by its network address, which is only ever hashed), a signed-in operator
 * (batches; counted per operator id instead of per client), or this machine's command line (no budget of its own:
 * only the per-address and the global budgets apply).
 */
export type Requester = { kind: 'client'; id: string } | { kind: 'operator'; id: string } | { kind: 'local' };

/** What a message is charged to: its kind, who asked, and the claimant address it is sent to or on behalf of. */
export interface BudgetClaim {
  kind: BudgetKind;
  requester: Requester;
  address: string;
}

export interface BudgetRefusal {
  kind: BudgetKind;
  dimension: BudgetDimension;
  limit: number;
  /** When enough of the window has passed for the refused messages to fit. */
  retryAt: number;
}

export interface Allowance {
  limit: number;
  windowMs: number;
}

export type BudgetLimits = Record<BudgetKind, Partial<Record<BudgetDimension, Allowance>>>;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface BudgetConfig {
  MAIL_CONFIRMATIONS_PER_CLIENT_HOUR: number;
  MAIL_CONFIRMATIONS_PER_ADDRESS_DAY: number;
  MAIL_CONFIRMATIONS_PER_DAY: number;
  MAIL_CODE_FAILURES_PER_CLIENT_HOUR: number;
  MAIL_CODE_FAILURES_PER_ADDRESS_DAY: number;
  MAIL_LETTERS_PER_CLIENT_HOUR: number;
  MAIL_LETTERS_PER_ADDRESS_DAY: number;
  MAIL_LETTERS_PER_OPERATOR_DAY: number;
  MAIL_LETTERS_PER_DAY: number;
}

export function budgetLimits(config: BudgetConfig): BudgetLimits {
  return {
    confirmation: {
      client: { limit: config.MAIL_CONFIRMATIONS_PER_CLIENT_HOUR, windowMs: HOUR },
      address: { limit: config.MAIL_CONFIRMATIONS_PER_ADDRESS_DAY, windowMs: DAY },
      global: { limit: config.MAIL_CONFIRMATIONS_PER_DAY, windowMs: DAY },
    },
    'code-failure': {
      client: { limit: config.MAIL_CODE_FAILURES_PER_CLIENT_HOUR, windowMs: HOUR },
      address: { limit: config.MAIL_CODE_FAILURES_PER_ADDRESS_DAY, windowMs: DAY },
    },
    letter: {
      client: { limit: config.MAIL_LETTERS_PER_CLIENT_HOUR, windowMs: HOUR },
      operator: { limit: config.MAIL_LETTERS_PER_OPERATOR_DAY, windowMs: DAY },
      address: { limit: config.MAIL_LETTERS_PER_ADDRESS_DAY, windowMs: DAY },
      global: { limit: config.MAIL_LETTERS_PER_DAY, windowMs: DAY },
    },
  };
}

export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

export type ChargeOutcome = { ok: true; ids: number[] } | { ok: false; refusal: BudgetRefusal };

/**
 * The send budgets: each claim is checked and recorded on every dimension that applies to it (who asked, the
 * address, the whole server) inside the outbox's write transaction, so parallel requests and processes cannot
 * overspend. Subjects are HMACs keyed by the configured secret.
 */
export class SendBudget {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly limits: BudgetLimits,
  ) {
    this.key = createHmac('sha256', secret).update('reclamo/send-budget/v1').digest();
  }

  /** Must run inside a write transaction of the ledger's database. */
  async charge(ledger: SendLedger, claim: BudgetClaim, units: number, now: number): Promise<ChargeOutcome> {
    const dimensions = this.dimensionsOf(claim);
    for (const { dimension, subject, allowance } of dimensions) {
      const used = await ledger.used(subject, now);
      if (used + units <= allowance.limit) continue;
      const when = retryAt(await ledger.live(subject, now), used + units - allowance.limit, now, allowance);
      return { ok: false, refusal: { kind: claim.kind, dimension, limit: allowance.limit, retryAt: when } };
    }
    const ids: number[] = [];
    for (const { subject, allowance } of dimensions)
      ids.push(await ledger.record(subject, units, now, now + allowance.windowMs));
    return { ok: true, ids };
  }

  private dimensionsOf(claim: BudgetClaim) {
    const limits = this.limits[claim.kind];
    const values: [BudgetDimension, string][] = [
      ['address', normalizeAddress(claim.address)],
      ['global', ''],
    ];
    if (claim.requester.kind !== 'local') values.unshift([claim.requester.kind, claim.requester.id]);
    return values.flatMap(([dimension, value]) => {
      const allowance = limits[dimension];
      if (!allowance) return [];
      const subject = {
        kind: claim.kind,
        dimension,
        subject: dimension === 'global' ? '' : this.hash(dimension, value),
      };
      return [{ dimension, subject, allowance }];
    });
  }

  private hash(dimension: BudgetDimension, value: string): string {
    return createHmac('sha256', this.key).update(`${dimension}\n${value}`).digest('hex');
  }
}

/** When `excess` units will have expired from the window (never: a limit smaller than the request itself). */
function retryAt(
  live: readonly { n: number; expiresAt: number }[],
  excess: number,
  now: number,
  allowance: Allowance,
): number {
  let freed = 0;
  for (const charge of live) {
    freed += charge.n;
    if (freed >= excess) return charge.expiresAt;
  }
  return now + allowance.windowMs;
}
