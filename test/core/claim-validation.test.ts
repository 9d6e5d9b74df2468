import fc from 'fast-check';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { validateClaim } from '../../server/core/claim/validate-claim';
import { businessClaim, workedExampleClaim } from '../fixtures/claims';

function errorsOf(input: unknown, language: 'it' | 'en' = 'en') {
  const result = validateClaim(input, language);
  if (result.ok) throw new Error('expected the claim to be invalid');
  return result.errors;
}

function change(mutate: (claim: ClaimInput) => void, base: ClaimInput = workedExampleClaim()): ClaimInput {
  const copy = structuredClone(base);
  mutate(copy);
  return copy;
}

test('a valid claim is normalised: trimmed, upper-cased codes, cents, instants', () => {
  const result = validateClaim(
    change((claim) => {
      claim.claimant.taxCode = ' rssmra79b11c566r ';
      claim.claimant.firstName = '  Mario   Luigi ';
      claim.claimant.address.province = 'mi';
    }),
    'it',
  );
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.value.claimant.taxCode).toBe('RSSMRA79B11C566R');
  expect(result.value.claimant.firstName).toBe('Mario Luigi');
  expect(result.value.claimant.address.province).toBe('MI');
  expect(result.value.damages?.[0]?.amount).toBe(15000);
});

test('every invalid field is named by its path, in Italian or English', () => {
  const input = change((claim) => {
    claim.claimant.taxCode = 'RSSMRA79B11C566X';
    claim.claimant.address.postalCode = '2012';
    claim.claimant.email = 'not-an-address';
    claim.outages = [{ incident: 'custom', start: '2023-06-20T10:00', end: '2023-06-18T10:00' }];
    claim.damages = [{ kind: 'lost-mail', description: 'x', amount: '12,345' }];
  });
  const italian = errorsOf(input, 'it');
  expect(italian.map((error) => error.path)).toEqual([
    'claimant.taxCode',
    'claimant.email',
    'claimant.address.postalCode',
    'outages.0.end',
    'damages.0.amount',
  ]);
  expect(italian[0]!.message).toMatch(/carattere di controllo/);
  expect(italian[3]!.message).toBe("La fine deve essere successiva all'inizio.");
  const english = errorsOf(input, 'en');
  expect(english[3]!.message).toBe('The end must be after the start.');
  expect(english[4]!.message).toBe('At most two decimals.');
});

test.each(['=HYPERLINK("http://x";"y")', '+39', '-Mario', '@SUM(A1)'])(
  'a name starting like a formula (%s) is refused',
  (name) => {
    const errors = errorsOf(
      change((claim) => {
        claim.claimant.firstName = name;
      }),
    );
    expect(errors).toEqual([{ path: 'claimant.firstName', message: 'Must not start with =, +, - or @.' }]);
  },
);

test.each(["D'Angelo", 'Ştefan', 'Łukasiewicz-Øre', 'Άννα', 'Ян', 'J. R. R.'])('%s is a real name', (name) => {
  expect(
    validateClaim(
      change((claim) => {
        claim.claimant.lastName = name;
      }),
      'it',
    ).ok,
  ).toBe(true);
});

test('names with digits or symbols are refused', () => {
  expect(
    errorsOf(
      change((claim) => {
        claim.claimant.lastName = 'Rossi2';
      }),
    )[0],
  ).toEqual({ path: 'claimant.lastName', message: 'Use only letters, spaces, apostrophes, hyphens and dots.' });
});

test('a paid account needs a fee: a declared fee or a paid plan', () => {
  const errors = errorsOf(
    change((claim) => {
      claim.account = { provider: 'libero', mailbox: 'a@libero.it', type: 'paid' };
    }),
  );
  expect(errors).toEqual([
    { path: 'account.annualFee', message: 'For a paid or business account give the annual fee or a paid plan.' },
  ]);
  expect(
    errorsOf(
      change((claim) => {
        claim.account = { provider: 'libero', mailbox: 'a@libero.it', type: 'paid', plan: 'libero-free' };
      }),
    )[0]!.path,
  ).toBe('account.annualFee');
});

test('a business account needs the company name and a valid partita IVA', () => {
  expect(
    errorsOf(
      change((claim) => {
        claim.account.companyName = undefined;
        claim.account.vatNumber = undefined;
      }, businessClaim()),
    ).map((error) => error.path),
  ).toEqual(['account.companyName', 'account.vatNumber']);
  expect(
    errorsOf(
      change((claim) => {
        claim.account.vatNumber = '00743110158';
      }, businessClaim()),
    ),
  ).toEqual([{ path: 'account.vatNumber', message: 'Invalid partita IVA: the check digit does not match.' }]);
});

test('a custom period needs both ends; a known one needs both or neither', () => {
  expect(
    errorsOf(
      change((claim) => {
        claim.outages = [{ incident: 'custom' }];
      }),
    ).map((error) => error.path),
  ).toEqual(['outages.0.start', 'outages.0.end']);
  expect(
    errorsOf(
      change((claim) => {
        claim.outages = [{ incident: '2023-01', start: '2023-01-22T22:00' }];
      }),
    ).map((error) => error.path),
  ).toEqual(['outages.0.end']);
});

test('a local time skipped by daylight saving is refused, not guessed', () => {
  expect(
    errorsOf(
      change((claim) => {
        claim.outages = [{ incident: 'custom', start: '2023-03-26T02:30', end: '2023-03-27T10:00' }];
      }),
    )[0],
  ).toEqual({
    path: 'outages.0.start',
    message: 'This time does not exist in Italy (clocks go forward): give a later time.',
  });
});

test('unknown fields, wrong types, bad choices and bounds are reported per field', () => {
  const errors = errorsOf({
    ...workedExampleClaim(),
    extra: 1,
    account: { ...workedExampleClaim().account, type: 'premium' },
    outages: [],
    letter: { deadlineDays: 5, language: 'fr' },
  });
  expect(errors).toEqual([
    { path: 'account.type', message: 'Value not allowed: choose one of free, paid, business.' },
    { path: 'outages', message: 'Give at least 1 item.' },
    { path: 'letter.deadlineDays', message: 'Invalid value.' },
    { path: 'letter.language', message: 'Value not allowed: choose one of it, en.' },
    { path: 'extra', message: 'Unknown field.' },
  ]);
});

test('empty strings count as "not given" for optional fields', () => {
  expect(
    validateClaim(
      change((claim) => {
        claim.claimant.pec = '';
        claim.claimant.phone = '';
        claim.account.annualFee = '';
      }),
      'it',
    ).ok,
  ).toBe(true);
});

test('a body that is not an object', () => {
  expect(errorsOf([1, 2], 'it')).toEqual([
    { path: '', message: 'Il corpo della richiesta deve essere un oggetto JSON.' },
  ]);
  expect(errorsOf(null)).toEqual([{ path: '', message: 'The request body must be a JSON object.' }]);
});

test('property: a bidi control, an invisible character or a lone surrogate never reaches a free-text field', () => {
  const hidden = fc.constantFrom(
    '\u061c',
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2060',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ufeff',
    '\ud800',
    '\udfff',
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), hidden, fc.string({ maxLength: 20 }), (before, character, after) => {
      const claim = workedExampleClaim();
      claim.claimant.address.street = `Via Roma 12 ${before}${character}${after}`;
      const result = validateClaim(claim, 'en');
      // Refused, naming the field; or (a U+FEFF at either end, which trimming removes) stripped.
      if (result.ok) expect(result.value.claimant.address.street).not.toContain(character);
      else expect(result.errors.map((error) => error.path)).toContain('claimant.address.street');
    }),
  );
});
