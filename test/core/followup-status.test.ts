import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { validateWith } from '../../server/core/claim/validate-claim';
import { courtFeeFor } from '../../server/core/followup/court-fee';
import { followupSchema, type FollowupInput } from '../../server/core/followup/followup-schema';
import {
  assessFollowup,
  type DeliveryProof,
  type DocumentKind,
  type FollowupStatus,
} from '../../server/core/followup/followup-status';
import { legalInterest } from '../../server/core/followup/legal-interest';
import { openCase } from '../../server/core/followup/open-case';
import { RULESET } from '../../server/core/rules/ruleset';
import { businessClaim, freeClaim, workedExampleClaim } from '../fixtures/claims';

/** The worked example, written on 01/12/2026: 176,33 € (see the worked-example test). */
function letterClaim(change: (claim: ClaimInput) => void = () => {}): ClaimInput {
  const claim = workedExampleClaim();
  claim.letter = { place: 'Milano', date: '2026-12-01' };
  change(claim);
  return claim;
}

function statusOf(
  claimInput: ClaimInput,
  followupInput: FollowupInput,
  today = '2027-01-10',
  proof: DeliveryProof | null = null,
): FollowupStatus {
  const opened = openCase(claimInput, 'en', RULESET);
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  const followup = validateWith(followupSchema, followupInput, 'en');
  if (!followup.ok) throw new Error(JSON.stringify(followup.errors));
  return assessFollowup({ ...opened, followup: followup.value, proof, today, ruleset: RULESET });
}

const applying = (status: FollowupStatus) => status.documents.filter((doc) => doc.applies).map((doc) => doc.kind);
const reasonOf = (status: FollowupStatus, kind: DocumentKind) =>
  status.documents.find((doc) => doc.kind === kind)!.reason;

const noReply: FollowupInput = {
  sent: { method: 'raccomandata', on: '2026-12-02' },
  receivedOn: '2026-12-05',
  outcome: 'no-reply',
};

describe('the case read back', () => {
  test('an old letter keeps its date: no "deadline passed" guard, its own assessment', () => {
    const opened = openCase(
      letterClaim((claim) => (claim.letter = { place: 'Milano', date: '2024-03-01' })),
      'it',
      RULESET,
    );
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.assessment.letterDate).toBe('2024-03-01');
    expect(opened.assessment.eligible).toBe(true);
    expect(opened.assessment.warnings.map((warning) => warning.code)).not.toContain('letter-date-past');
  });

  test('a claim without the letter date is refused with the field named', () => {
    const opened = openCase(workedExampleClaim(), 'en', RULESET);
    expect(opened).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'claim.letter.date' })] });
  });

  test('an invalid claim gives its errors under claim.', () => {
    const opened = openCase(
      letterClaim((claim) => (claim.claimant.taxCode = 'XX')),
      'en',
      RULESET,
    );
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0]!.path).toBe('claim.claimant.taxCode');
  });
});

describe('the follow-up input', () => {
  const check = (input: unknown) => validateWith(followupSchema, input, 'en');
  test('a partial offer needs its amount; other outcomes take none', () => {
    expect(check({ ...noReply, outcome: 'partial' })).toMatchObject({ ok: false, errors: [{ path: 'offer.amount' }] });
    expect(check({ ...noReply, offer: { amount: 10 } })).toMatchObject({
      ok: false,
      errors: [{ path: 'offer.amount' }],
    });
  });
  test('received before sent, or a raccomandata number for a PEC, is an error on that field', () => {
    expect(check({ ...noReply, receivedOn: '2026-12-01' })).toMatchObject({ errors: [{ path: 'receivedOn' }] });
    expect(check({ ...noReply, sent: { method: 'pec', on: '2026-12-02', raccomandataNumber: '1234' } })).toMatchObject({
      errors: [{ path: 'sent.raccomandataNumber' }],
    });
  });
  test('the raccomandata number is kept exactly as given', () => {
    const result = check({
      ...noReply,
      sent: { method: 'raccomandata', on: '2026-12-02', raccomandataNumber: '15/0789 A-R' },
    });
    expect(result).toMatchObject({ ok: true, value: { sent: { raccomandataNumber: '15/0789 A-R' } } });
  });
});

describe('where the claim stands', () => {
  test('the deadline counts from receipt: 15 days from 05/12/2026 is 20/12/2026, a Sunday, so 21/12/2026', () => {
    const status = statusOf(letterClaim(), noReply);
    expect(status.receivedOnSource).toBe('declared');
    expect(status.firstDeadline.date).toBe('2026-12-21');
    expect(status.deadlinePassed).toBe(true);
    expect(status.totalCents).toBe(17633);
    expect(status.dueCents).toBe(17633);
  });

  test('no reply before the deadline: nothing applies yet, each document says so', () => {
    const status = statusOf(letterClaim(), noReply, '2026-12-15');
    expect(status.deadlinePassed).toBe(false);
    expect(applying(status)).toEqual([]);
    expect(reasonOf(status, 'sollecito')).toBe('deadline-not-passed');
  });

  test('the day after the deadline the sollecito applies; on the day it does not', () => {
    expect(applying(statusOf(letterClaim(), noReply, '2026-12-21'))).toEqual([]);
    expect(applying(statusOf(letterClaim(), noReply, '2026-12-22'))).toContain('sollecito');
  });

  test('a refusal is an answer: the documents apply before the deadline', () => {
    const status = statusOf(letterClaim(), { ...noReply, outcome: 'refused' }, '2026-12-10');
    expect(applying(status)).toEqual(['sollecito', 'garante', 'agcm', 'conciliaweb', 'giudice-di-pace']);
  });

  test('a PEC delivery receipt gives the date of receipt, over what the claimant typed', () => {
    const proof: DeliveryProof = {
      kind: 'delivered',
      at: Date.UTC(2026, 11, 3, 9),
      on: '2026-12-03',
      to: 'x@pec.example.org',
      id: 'opec1',
      exactLetter: true,
    };
    const status = statusOf(
      letterClaim(),
      { ...noReply, sent: { method: 'pec', on: '2026-12-03' } },
      '2027-01-10',
      proof,
    );
    expect(status.receivedOn).toBe('2026-12-03');
    expect(status.receivedOnSource).toBe('pec-receipt');
    expect(status.firstDeadline.date).toBe('2026-12-18');
  });

  test('a failed delivery: nothing applies until the letter is sent again', () => {
    const status = statusOf(letterClaim(), { ...noReply, sent: { method: 'pec', on: '2026-12-03' } }, '2027-01-10', {
      kind: 'failed',
      at: Date.UTC(2026, 11, 3, 9),
      reason: 'no-dest',
    });
    expect(status.delivered).toBe(false);
    expect(applying(status)).toEqual([]);
    expect(reasonOf(status, 'sollecito')).toBe('not-delivered');
  });

  test('receipt unknown for a raccomandata: terms count from sending, flagged as the earliest', () => {
    const status = statusOf(letterClaim(), { sent: { method: 'raccomandata', on: '2026-12-02' }, outcome: 'no-reply' });
    expect(status.receivedOnSource).toBe('estimated-from-sending');
    expect(status.receivedOn).toBe('2026-12-02');
  });

  test('paid in full: nothing applies, every document says why', () => {
    const status = statusOf(letterClaim(), { ...noReply, outcome: 'paid' });
    expect(applying(status)).toEqual([]);
    expect(new Set(status.documents.map((doc) => doc.reason))).toEqual(new Set(['paid']));
    expect(status.dueCents).toBe(0);
  });

  test('a partial offer: the acceptance letter applies, and what the offer leaves is counted', () => {
    const status = statusOf(
      letterClaim(),
      { ...noReply, outcome: 'partial', offer: { amount: '40,00' } },
      '2026-12-10',
    );
    expect(status.offerCents).toBe(4000);
    expect(status.remainingAfterOfferCents).toBe(13633);
    expect(status.dueCents).toBe(17633);
    expect(applying(status)).toContain('accettazione-parziale');
    expect(applying(status)).toContain('sollecito');
  });
});

describe('prescription', () => {
  test('the first letter interrupted it: the new ten years run from its receipt', () => {
    const status = statusOf(letterClaim(), noReply);
    expect(status.prescription).toEqual({ lastDay: '2036-12-05', prescribed: false });
  });

  test('a letter received after the last day (28/01/2033 for January 2023) came too late', () => {
    const claim = letterClaim((input) => (input.letter = { place: 'Milano', date: '2033-01-20' }));
    const status = statusOf(
      claim,
      { sent: { method: 'raccomandata', on: '2033-01-20' }, receivedOn: '2033-01-31', outcome: 'no-reply' },
      '2033-03-01',
    );
    expect(status.prescription).toEqual({ lastDay: '2033-01-28', prescribed: true });
    expect(applying(status)).toEqual([]);
    expect(reasonOf(status, 'sollecito')).toBe('prescribed');
  });

  test('received on the last day still interrupts it', () => {
    const claim = letterClaim((input) => (input.letter = { place: 'Milano', date: '2033-01-20' }));
    const status = statusOf(
      claim,
      { sent: { method: 'pec', on: '2033-01-20' }, receivedOn: '2033-01-28', outcome: 'no-reply' },
      '2033-03-01',
    );
    expect(status.prescription).toEqual({ lastDay: '2043-01-28', prescribed: false });
  });
});

describe('who the claimant is and what was lost', () => {
  test('a business: no Garante complaint and no AGCM report, the reason given', () => {
    const claim = businessClaim();
    claim.letter = { date: '2026-12-01' };
    const status = statusOf(claim, noReply);
    expect(status.consumer).toBe(false);
    expect(reasonOf(status, 'garante')).toBe('business');
    expect(reasonOf(status, 'agcm')).toBe('business');
    expect(applying(status)).toEqual(expect.arrayContaining(['sollecito', 'conciliaweb', 'giudice-di-pace']));
  });

  test('a consumer without lost mail or data: no Garante complaint', () => {
    const claim = freeClaim();
    claim.letter = { date: '2026-12-01' };
    const status = statusOf(claim, noReply);
    expect(reasonOf(status, 'garante')).toBe('no-data-loss');
    expect(applying(status)).toContain('agcm');
  });

  test('a consumer who declared data loss gets the Garante complaint', () => {
    const claim = letterClaim(
      (input) => (input.damages = [{ kind: 'data-loss', description: 'Archivio', amount: 50 }]),
    );
    expect(applying(statusOf(claim, noReply))).toContain('garante');
  });
});

describe('the court and its fee', () => {
  test('up to 1.100 €: the claimant may act alone (a draft ricorso), fee 43 €, no flat costs', () => {
    const status = statusOf(letterClaim(), noReply);
    expect(status.court.kind).toBe('giudice-di-pace');
    expect(reasonOf(status, 'giudice-di-pace')).toBe('self-represented');
    expect(status.courtFee).toEqual({ contributoCents: 4300, flatCostsCents: 0 });
  });

  test('above 1.100 €: the note that a lawyer is needed', () => {
    const claim = letterClaim(
      (input) => (input.damages = [{ kind: 'lost-income', description: 'Commessa', amount: 2000 }]),
    );
    const status = statusOf(claim, noReply);
    expect(status.dueCents).toBeGreaterThan(110000);
    expect(status.selfRepresentation).toBe(false);
    expect(reasonOf(status, 'giudice-di-pace')).toBe('lawyer-needed');
  });

  test('the brackets: 1.100 € → 43 €, 1.100,01 € → 98 € + 27 €, 1.033 € has no flat costs, 1.033,01 € has', () => {
    const rules = RULESET.followUp;
    expect(courtFeeFor(110000, rules)).toEqual({ contributoCents: 4300, flatCostsCents: 2700 });
    expect(courtFeeFor(110001, rules)).toEqual({ contributoCents: 9800, flatCostsCents: 2700 });
    expect(courtFeeFor(103300, rules).flatCostsCents).toBe(0);
    expect(courtFeeFor(103301, rules).flatCostsCents).toBe(2700);
    expect(courtFeeFor(2600001, rules).contributoCents).toBe(51800);
    expect(courtFeeFor(5200001, rules).contributoCents).toBeNull();
  });
});

describe('legal interest', () => {
  test('1.000 € from 05/12/2025 to 10/01/2026: 26 days at 2 % and 10 days at 1,60 %', () => {
    const figure = legalInterest(100000, '2025-12-05', '2026-01-10', RULESET)!;
    expect(figure.years).toEqual([
      { year: 2025, days: 26, basisPoints: 200 },
      { year: 2026, days: 10, basisPoints: 160 },
    ]);
    // 100000 × (26 × 200 + 10 × 160) / (10000 × 365) = 186,3 → 186 cents
    expect(figure.cents).toBe(186);
  });

  test('no figure when a year’s rate is not known yet', () => {
    expect(legalInterest(100000, '2026-12-05', '2027-01-10', RULESET)).toBeNull();
  });

  test('nothing before the day after receipt', () => {
    expect(legalInterest(100000, '2026-12-05', '2026-12-05', RULESET)!.cents).toBe(0);
  });
});
