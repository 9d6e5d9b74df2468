import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { businessClaim, freeClaim, workedExampleClaim } from '../fixtures/claims';
import { amounts, assess, codes } from '../support/assess';

function withChanges(base: ClaimInput, change: (claim: ClaimInput) => void): ClaimInput {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe('known incidents and their default windows', () => {
  test('January 2023: 22/01 22:00 → 28/01 20:00 is 5 days 22 hours, counted as 6', () => {
    const assessment = assess(workedExampleClaim());
    expect(assessment.periods).toEqual([
      expect.objectContaining({
        start: Date.UTC(2023, 0, 22, 21),
        end: Date.UTC(2023, 0, 28, 19),
        days: 6,
        severity: 'total',
        incidents: ['2023-01'],
      }),
    ]);
  });

  test('June 2023 (summer time): 13/06 23:00 → 19/06 09:00 is 5 days 10 hours, counted as 6', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [{ incident: '2023-06' }];
        claim.letter = { date: '2023-08-01' };
      }),
    );
    expect(assessment.periods[0]).toMatchObject({
      start: Date.UTC(2023, 5, 13, 21),
      end: Date.UTC(2023, 5, 19, 7),
      days: 6,
    });
  });

  test('both incidents: 12 days of total interruption for a paid account', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [{ incident: '2023-01' }, { incident: '2023-06' }];
        claim.letter = { date: '2023-08-01' };
      }),
    );
    expect(assessment.periods.map((period) => period.days)).toEqual([6, 6]);
    expect(amounts(assessment)).toMatchObject({ indemnity: 7200, refund: 66 });
  });

  test("a known incident with the claimant's own window uses that window", () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [{ incident: '2023-01', start: '2023-01-23T08:00', end: '2023-01-25T08:00' }];
      }),
    );
    expect(assessment.periods[0]!.days).toBe(2);
    expect(codes(assessment.warnings)).not.toContain('unverified-period');
  });
});

describe('account types', () => {
  test('free: €1 a day, both incidents, no refund', () => {
    const assessment = assess(freeClaim());
    expect(amounts(assessment)).toEqual({ indemnity: 1200 });
    expect(assessment.eligible).toBe(true);
  });

  test('free: the indemnity stops at €100 for the whole claim', () => {
    const assessment = assess(
      withChanges(freeClaim(), (claim) => {
        claim.outages = [{ incident: 'custom', start: '2023-01-01T00:00', end: '2023-06-01T00:00' }];
      }),
    );
    expect(assessment.periods[0]!.days).toBe(151);
    expect(amounts(assessment).indemnity).toBe(10000);
  });

  test('paid with a declared fee instead of a plan', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.account = { provider: 'libero', mailbox: 'mario.rossi@libero.it', type: 'paid', annualFee: '36,50' };
        claim.damages = undefined;
        claim.compensationReceived = undefined;
      }),
    );
    expect(amounts(assessment)).toEqual({ indemnity: 3600, refund: 60 });
  });

  test('business, custom partial period: €3 a day and the pro-rata fee', () => {
    const assessment = assess(businessClaim());
    // 14/06 08:00 → 16/06 18:00 = 2 days 10 hours → 3 days.
    expect(assessment.periods).toEqual([
      expect.objectContaining({ severity: 'partial', days: 3, incidents: ['2023-06'] }),
    ]);
    expect(amounts(assessment)).toEqual({ indemnity: 900, refund: divide(4999 * 3, 365), damages: 250000 });
    expect(assessment.compensation.totalCents).toBe(900 + 41 + 250000);
    // The fixture's tax code is Manuela Ricci's; a company above €1,100 first invites to assisted negotiation.
    expect(codes(assessment.warnings)).toEqual([
      'tax-code-name',
      'provider-pec-missing',
      'above-self-representation',
      'assisted-negotiation',
    ]);
    // 20 days from 23/11/2026 end on Sunday 13/12/2026: the term runs to Monday.
    expect(assessment.deadline).toBe('2026-12-14');
  });
});

function divide(n: number, d: number): number {
  return Math.floor(n / d + 0.5);
}

describe('periods: merging and daylight saving', () => {
  const custom = (start: string, end: string, severity: 'total' | 'partial' = 'total') => ({
    incident: 'custom' as const,
    start,
    end,
    severity,
  });

  test('across the March 2023 change: 22:00 on 25 Mar to 23:00 on 26 Mar is 24 real hours, one day', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [custom('2023-03-25T22:00', '2023-03-26T23:00')];
      }),
    );
    expect(assessment.periods[0]!.end - assessment.periods[0]!.start).toBe(24 * 3600 * 1000);
    expect(assessment.periods[0]!.days).toBe(1);
  });

  test('across the October 2023 change: 22:00 on 28 Oct to 21:00 on 29 Oct is also 24 real hours', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [custom('2023-10-28T22:00', '2023-10-29T21:00')];
      }),
    );
    expect(assessment.periods[0]!.days).toBe(1);
  });

  test('an explicit offset is honoured', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [custom('2023-03-25T21:00Z', '2023-03-26T21:00Z')];
      }),
    );
    expect(assessment.periods[0]!.days).toBe(1);
  });

  test('overlapping periods are merged and counted once', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [{ incident: '2023-01' }, custom('2023-01-27T00:00', '2023-01-30T00:00')];
      }),
    );
    expect(assessment.periods).toHaveLength(1);
    // 22/01 22:00 → 30/01 00:00 = 7 days 2 hours → 8 days.
    expect(assessment.periods[0]!.days).toBe(8);
  });

  test('partial time under a total interruption counts as total, the rest as partial', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [
          custom('2023-03-01T00:00', '2023-03-03T00:00'),
          custom('2023-03-02T00:00', '2023-03-06T00:00', 'partial'),
        ];
      }),
    );
    expect(assessment.periods.map(({ severity, days }) => ({ severity, days }))).toEqual([
      { severity: 'total', days: 2 },
      { severity: 'partial', days: 3 },
    ]);
    expect(amounts(assessment).indemnity).toBe(2 * 600 + 3 * 300);
  });
});

describe('not eligible, with every reason', () => {
  test('nothing left to claim once the compensation received covers indemnity and refund', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.damages = undefined;
        claim.compensationReceived = { description: 'Rimborso', amount: '500' };
      }),
    );
    expect(assessment.eligible).toBe(false);
    expect(amounts(assessment)['compensation-received']).toBe(-3633);
    expect(codes(assessment.reasons)).toEqual(['nothing-to-claim']);
    expect(codes(assessment.warnings)).toContain('compensation-capped');
  });

  test('the compensation received never eats into damages', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.compensationReceived = { description: 'Rimborso', amount: '500' };
      }),
    );
    expect(assessment.compensation.totalCents).toBe(15000);
    expect(assessment.eligible).toBe(true);
  });

  test('a period that has not ended yet', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [{ incident: 'custom', start: '2026-11-20T10:00', end: '2026-11-30T10:00' }];
        claim.letter = undefined;
      }),
    );
    expect(codes(assessment.reasons)).toEqual(['outage-not-over']);
  });

  test('a letter dated before the end of the outage', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.letter = { date: '2023-01-25' };
      }),
    );
    expect(codes(assessment.reasons)).toEqual(['letter-before-outage-end']);
  });

  test('more than ten years after the end of the last period (art. 2946 c.c.)', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.letter = { date: '2033-01-29' };
      }),
      Date.UTC(2033, 0, 29, 11),
    );
    expect(codes(assessment.reasons)).toEqual(['prescribed']);
    const inTime = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.letter = { date: '2033-01-28' };
      }),
      Date.UTC(2033, 0, 28, 11),
    );
    expect(inTime.eligible).toBe(true);
  });
});

describe('warnings that leave the claim eligible', () => {
  test('a custom period outside every known incident must be proved', () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.outages = [{ incident: 'custom', start: '2023-02-20T10:00', end: '2023-02-21T10:00' }];
      }),
    );
    expect(assessment.eligible).toBe(true);
    expect(assessment.warnings).toContainEqual({ code: 'unverified-period', params: { index: 1 } });
  });

  test('between €10,000 and €30,000 the court is left open; above €30,000 it is the Tribunale', () => {
    const between = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.damages = [{ kind: 'lost-income', description: 'Contratto perso', amount: '12.000,00' }];
      }),
    );
    expect(codes(between.warnings)).toEqual(['court-uncertain']);
    expect(between.court.kind).toBe('uncertain');
    const above = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.damages = [{ kind: 'lost-income', description: 'Contratto perso', amount: '31.000,00' }];
      }),
    );
    expect(codes(above.warnings)).toEqual(['above-giudice-di-pace']);
    expect(above.court.kind).toBe('tribunale');
  });

  test("a mailbox outside the provider's domains and a plan of the other provider", () => {
    const assessment = assess(
      withChanges(workedExampleClaim(), (claim) => {
        claim.account = { provider: 'virgilio', mailbox: 'mario@gmail.com', type: 'paid', plan: 'libero-plus-5gb' };
      }),
    );
    expect(codes(assessment.warnings)).toEqual(['mailbox-domain', 'plan-provider']);
  });
});
