import { claimFieldErrors } from '../../server/core/assessment/claim-checks';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { associationSchema } from '../../server/core/claim/association-schema';
import { validateClaim, validateWith } from '../../server/core/claim/validate-claim';
import { RULESET } from '../../server/core/rules/ruleset';
import { numberInWords } from '../../server/core/text/number-words';
import { easterSunday, nextWorkingDay } from '../../server/core/time/italian-calendar';
import { codiceFiscaleMatchesName, sexOfCodiceFiscale } from '../../server/core/validation/codice-fiscale';
import { checkIban, formatIban } from '../../server/core/validation/iban';
import { businessClaim, freeClaim, workedExampleClaim } from '../fixtures/claims';
import { amounts, assess, codes } from '../support/assess';
import { TEST_ASSOCIATION_INPUT } from '../support/batch-run';

/**
 * The inputs of the December 2026 letter review (its appendix and its cases), each with the behaviour issue 10
 * decided. The letters themselves are checked word for word by test/golden/golden-letters.test.ts.
 */

const at = (date: string) => Date.parse(`${date}T11:00:00Z`);

function change(base: ClaimInput, mutate: (claim: ClaimInput) => void): ClaimInput {
  const copy = structuredClone(base);
  mutate(copy);
  return copy;
}

function fieldErrors(input: ClaimInput, now: number, association = false) {
  const validated = validateClaim(input, 'it');
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const sender = association ? validateWith(associationSchema, TEST_ASSOCIATION_INPUT, 'it') : null;
  if (sender && !sender.ok) throw new Error(JSON.stringify(sender.errors));
  return claimFieldErrors(validated.value, { ruleset: RULESET, now, association: sender?.value ?? null }, 'it');
}

const freeJanuary = (): ClaimInput =>
  change(freeClaim(), (claim) => {
    claim.outages = [{ incident: '2023-01' }];
  });

describe('wrong (W)', () => {
  test('W1: a business row sent by a consumer association is refused on account.type, with the reason', () => {
    expect(fieldErrors(businessClaim(), at('2026-12-01'), true)).toEqual([
      {
        path: 'account.type',
        message:
          'Un’associazione di consumatori agisce per i consumatori: la diffida di un account business va inviata ' +
          'dalla società stessa, tramite il suo legale rappresentante.',
      },
    ]);
    expect(fieldErrors(businessClaim(), at('2026-12-01'), false)).toEqual([]);
    expect(fieldErrors(workedExampleClaim(), at('2026-12-01'), true)).toEqual([]);
  });

  test('W2 (C13): a company’s data loss stays under the civil code, without the GDPR', () => {
    const c13: ClaimInput = change(businessClaim(), (claim) => {
      claim.damages = [{ kind: 'data-loss', description: 'Archivio clienti perso', amount: '2.500,00' }];
    });
    const assessment = assess(c13);
    expect(assessment.gdpr).toBe(false);
    expect(assessment.compensation.lines.find((line) => line.code === 'damages')!.basis).toBe('art. 1223 c.c.');
    expect(codes(assessment.warnings)).not.toContain('gdpr-court');
    const person = assess(
      change(workedExampleClaim(), (claim) => {
        claim.damages = [{ kind: 'data-loss', description: 'Archivio perso', amount: '300,00' }];
      }),
    );
    expect(person.gdpr).toBe(true);
    expect(person.compensation.lines.find((line) => line.code === 'damages')!.basis).toContain(
      'art. 82 Regolamento (UE) 2016/679',
    );
    expect(codes(person.warnings)).toContain('gdpr-court');
  });

  test('W3: the free-account parameter is art. 6 co. 4 in relation to art. 4 co. 3 (the ruleset says so)', () => {
    expect(RULESET.indemnity.freePerDayCents.source).toBe('docs/sources.md#agcom-347-18-art-4-3');
    expect(amounts(assess(freeJanuary()))).toEqual({ indemnity: 600 });
  });

  test('W4 (C12): Mail Basic, first sold in November 2023, cannot cover the January 2023 outage', () => {
    const c12: ClaimInput = change(workedExampleClaim(), (claim) => {
      claim.account = { provider: 'virgilio', mailbox: 'mario.rossi@virgilio.it', type: 'paid', plan: 'mail-basic' };
      claim.outages = [
        { incident: '2023-01' },
        { incident: 'custom', start: '2023-06-19T09:00', end: '2023-06-21T12:00', severity: 'partial' },
      ];
    });
    expect(fieldErrors(c12, at('2026-12-01'))).toEqual([
      {
        path: 'account.plan',
        message: 'Il piano Mail Basic è in vendita solo dal 01/11/2023: non poteva coprire il periodo n. 1.',
      },
    ]);
    const later = change(c12, (claim) => {
      claim.outages = [{ incident: 'custom', start: '2024-02-01T10:00', end: '2024-02-02T10:00' }];
    });
    expect(fieldErrors(later, at('2026-12-01'))).toEqual([]);
  });

  test('W5 (C11): prescribed from 29/01/2033; the message says the term expired on 28/01/2033', () => {
    const late = assess(
      change(freeJanuary(), (claim) => {
        claim.letter = { date: '2033-01-29' };
      }),
      at('2033-01-29'),
    );
    expect(late.eligible).toBe(false);
    expect(late.reasons).toEqual([
      { code: 'prescribed', params: { years: 10, date: '2033-01-28', periodEnd: '2023-01-28' } },
    ]);
  });

  test('W6: the refund rests on artt. 1218 and 1223; art. 1453 only with letter.termination', () => {
    const assessment = assess(workedExampleClaim());
    expect(assessment.compensation.lines.find((line) => line.code === 'refund')!.basis).toBe('artt. 1218 e 1223 c.c.');
    expect(RULESET.termination.basis).toBe('art. 1453 c.c.');
    const asked = assess(
      change(workedExampleClaim(), (claim) => {
        claim.letter = { termination: true };
      }),
    );
    expect(codes(asked.warnings)).toContain('termination-not-quantified');
    const free = change(freeJanuary(), (claim) => {
      claim.letter = { termination: true };
    });
    expect(fieldErrors(free, at('2026-11-23')).map((error) => error.path)).toEqual(['letter.termination']);
  });
});

describe('risky (R)', () => {
  test('R1: the term runs from receipt; the date it means skips Sundays and holidays, Easter Monday and 4 October', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const { holidays } = RULESET;
    expect(nextWorkingDay('2026-04-06', holidays)).toBe('2026-04-07'); // Easter Monday
    expect(nextWorkingDay('2026-12-25', holidays)).toBe('2026-12-28'); // Christmas, Santo Stefano, Sunday
    expect(nextWorkingDay('2027-10-04', holidays)).toBe('2027-10-05'); // San Francesco, a holiday from 2026
    expect(nextWorkingDay('2025-10-04', holidays)).toBe('2025-10-04'); // a Saturday, and not yet a holiday
    expect(nextWorkingDay('2026-12-05', holidays)).toBe('2026-12-05'); // Saturdays are working days
    // Dated 23/11/2026, 15 days end on the Immacolata: the term means 09/12/2026.
    const assessment = assess(workedExampleClaim());
    expect(assessment.deadline).toBe('2026-12-09');
    expect(assessment.deadlineDetail.movedFrom).toEqual({ date: '2026-12-08', holiday: 'Immacolata Concezione' });
    expect(numberInWords(15, 'it')).toBe('quindici');
    expect(numberInWords(21, 'it')).toBe('ventuno');
    expect(numberInWords(23, 'it')).toBe('ventitré');
    expect(numberInWords(28, 'it')).toBe('ventotto');
    expect(numberInWords(60, 'it')).toBe('sessanta');
    expect(numberInWords(45, 'en')).toBe('forty-five');
  });

  test('R2 (C01): without a PEC of the claimant the default is raccomandata; PEC chosen without one is flagged', () => {
    expect(assess(freeJanuary()).delivery).toBe('raccomandata');
    const withPec = change(freeJanuary(), (claim) => {
      claim.claimant.pec = 'manuela.ricci@pec.example.org';
    });
    expect(assess(withPec).delivery).toBe('pec');
    const c01 = assess(
      change(freeJanuary(), (claim) => {
        claim.letter = { delivery: 'pec' };
      }),
    );
    expect(c01.delivery).toBe('pec');
    expect(codes(c01.warnings)).toEqual(['delivery-pec-without-pec', 'provider-pec-missing']);
  });

  test('R3 (C14, C15): a letter date far from today is a warning; one whose term is over is a field error', () => {
    const c14 = change(freeJanuary(), (claim) => {
      claim.letter = { date: '2025-01-10' };
    });
    expect(fieldErrors(c14, at('2026-12-01'))).toEqual([
      {
        path: 'letter.date',
        message:
          'Con questa data il termine di 15 giorni sarebbe già scaduto il 25/01/2025: indicare una data più recente.',
      },
    ]);
    const tenDaysAgo = change(freeJanuary(), (claim) => {
      claim.letter = { date: '2026-11-21' };
    });
    expect(fieldErrors(tenDaysAgo, at('2026-12-01'))).toEqual([]);
    expect(codes(assess(tenDaysAgo, at('2026-12-01')).warnings)).toEqual(['letter-date-past']);
    const c15 = change(freeJanuary(), (claim) => {
      claim.letter = { date: '2027-06-01' };
    });
    expect(fieldErrors(c15, at('2026-12-01'))).toEqual([]);
    expect(codes(assess(c15, at('2026-12-01')).warnings)).toEqual(['letter-date-future']);
    // Prescription is judged on the later of today and the letter date: backdating hides nothing.
    const backdated = assess(
      change(freeJanuary(), (claim) => {
        claim.letter = { date: '2033-01-20' };
      }),
      at('2033-01-30'),
    );
    expect(codes(backdated.reasons)).toEqual(['prescribed']);
  });

  test('R4 (C11b): a letter dated on the last day is eligible, with the warning to send it by PEC', () => {
    const c11b = assess(
      change(freeJanuary(), (claim) => {
        claim.letter = { date: '2033-01-28' };
      }),
      at('2033-01-28'),
    );
    expect(c11b.eligible).toBe(true);
    expect(c11b.warnings).toContainEqual({ code: 'prescription-near', params: { date: '2033-01-28' } });
    const monthBefore = assess(freeJanuary(), at('2032-12-20'));
    expect(codes(monthBefore.warnings)).not.toContain('prescription-near');
    // The GDPR head, if extra-contractual, has 5 years: from 29/01/2028 it may be contested.
    const dataLoss = assess(
      change(workedExampleClaim(), (claim) => {
        claim.damages = [{ kind: 'data-loss', description: 'Archivio perso', amount: 40 }];
      }),
      at('2028-03-01'),
    );
    expect(dataLoss.warnings).toContainEqual({ code: 'gdpr-prescription-passed', params: { date: '2028-01-28' } });
  });

  test('R10 (C05): courts by the thresholds in force when the term ends; GDPR damages always the Tribunale', () => {
    const c05 = change(workedExampleClaim(), (claim) => {
      claim.account = { provider: 'virgilio', mailbox: 'maria@virgilio.it', type: 'paid', plan: 'virgilio-plus-100gb' };
      claim.outages = [{ incident: '2023-01' }, { incident: '2023-06' }];
      claim.damages = [
        { kind: 'lost-income', description: 'Incarico perso', amount: '12.000,00' },
        { kind: 'missed-deadline', description: 'Scadenza mancata', amount: '499,99' },
      ];
      claim.compensationReceived = undefined;
    });
    const now = assess(c05);
    expect(now.compensation.totalCents).toBe(1257298);
    expect(now.court.kind).toBe('uncertain');
    // Before 31/10/2026 the Tribunale was competent above €10,000.
    const before = assess(
      change(c05, (claim) => {
        claim.letter = { date: '2026-09-01' };
      }),
      at('2026-09-01'),
    );
    expect(before.court.kind).toBe('tribunale');
  });

  test('R12: a company may claim for a free mailbox: €1 a day, no refund', () => {
    const company = assess(
      change(businessClaim(), (claim) => {
        claim.account = { ...claim.account, plan: 'libero-free', annualFee: undefined };
      }),
    );
    expect(amounts(company)).toEqual({ indemnity: 300, damages: 250000 });
    expect(company.annualFeeCents).toBeNull();
    const noPlan = validateClaim(
      change(businessClaim(), (claim) => {
        claim.account = { ...claim.account, plan: undefined, annualFee: undefined };
      }),
      'en',
    );
    expect(noPlan.ok).toBe(false);
    if (!noPlan.ok)
      expect(noPlan.errors[0]!.message).toBe(
        'For a business account give the plan (a free one too) or the annual fee.',
      );
  });

  test('R13 (B4, B8): a tax code whose letters do not match the name is a warning', () => {
    expect(codiceFiscaleMatchesName('RCCMNL83S18D969H', { firstName: 'Luca', lastName: 'Verdi' })).toEqual({
      matches: false,
      expected: 'VRDLCU',
    });
    expect(codiceFiscaleMatchesName('RSSMRA79B11C566R', { firstName: 'Ştefan', lastName: 'Łukasiewicz-Øre' })).toEqual({
      matches: false,
      expected: 'LKSSFN',
    });
    expect(codiceFiscaleMatchesName('RSSMRA79B11C566R', { firstName: 'Mario', lastName: 'Rossi' })?.matches).toBe(true);
    // Four or more consonants in the first name: the 1st, 3rd and 4th (Gianfranco → GFR).
    expect(
      codiceFiscaleMatchesName('BNCGFR80A01H501X', { firstName: 'Gianfranco', lastName: 'Bianchi' })?.expected,
    ).toBe('BNCGFR');
    // Short names are padded with vowels, then X; apostrophes and spaces do not count.
    expect(codiceFiscaleMatchesName('DXAXXX80A01H501X', { firstName: 'Al', lastName: "D'A" })?.expected).toBe('DAXLAX');
    expect(codes(assess(businessClaim()).warnings)).toContain('tax-code-name');
  });
});

describe('missing (M)', () => {
  test('M2: the IBAN is checked by its mod-97 digits and its length, and printed in groups of four', () => {
    expect(checkIban('IT60 X054 2811 1010 0000 0123 456')).toEqual({ ok: true, value: 'IT60X0542811101000000123456' });
    expect(checkIban('it60x0542811101000000123456').ok).toBe(true);
    expect(checkIban('IT61X0542811101000000123456')).toEqual({ ok: false, error: 'iban.checkDigits' });
    expect(checkIban('IT60X054281110100000012345')).toEqual({ ok: false, error: 'iban.length' });
    expect(checkIban('DE89370400440532013000')).toEqual({ ok: true, value: 'DE89370400440532013000' });
    expect(checkIban('not an iban')).toEqual({ ok: false, error: 'iban.format' });
    expect(formatIban('IT60X0542811101000000123456')).toBe('IT60 X054 2811 1010 0000 0123 456');
    const invalid = validateClaim(
      change(workedExampleClaim(), (claim) => {
        claim.payment = { iban: 'IT61X0542811101000000123456' };
      }),
      'en',
    );
    expect(invalid.ok ? [] : invalid.errors).toEqual([
      {
        path: 'payment.iban',
        message: 'Invalid IBAN: the check digits do not match. Check that it was copied without mistakes.',
      },
    ]);
  });

  test('M5: the codice fiscale decides the gender (women: day + 40, omocodia letters decoded)', () => {
    expect(sexOfCodiceFiscale('RSSMRA79B51C566V')).toBe('female');
    expect(sexOfCodiceFiscale('RSSMRA79B11C566R')).toBe('male');
    // Omocodia: the day "51" written as "RM" (R = 5, M = 1).
    expect(sexOfCodiceFiscale('RSSMRA79BRMC566V')).toBe('female');
  });

  test('M9: contract references, earlier complaints and the customer-since date; a date after the outage is refused', () => {
    const withReferences = change(workedExampleClaim(), (claim) => {
      claim.account = { ...claim.account, customerSince: '2015-03-15', customerNumber: 'LIB-778812' };
      claim.previousComplaints = [{ reference: '123456', date: '2023-01-24' }];
    });
    expect(fieldErrors(withReferences, at('2026-11-23'))).toEqual([]);
    const tooLate = change(withReferences, (claim) => {
      claim.account = { ...claim.account, customerSince: '2023-05-01' };
    });
    expect(fieldErrors(tooLate, at('2026-11-23'))).toEqual([
      {
        path: 'account.customerSince',
        message: 'La data «cliente dal» (01/05/2023) è successiva alla fine del periodo n. 1.',
      },
    ]);
  });
});

test('the worked example is still 176,33 € to the cent', () => {
  expect(assess(workedExampleClaim()).compensation.totalCents).toBe(17633);
});
