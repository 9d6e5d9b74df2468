import fc from 'fast-check';
import { checkCodiceFiscale, codiceFiscaleCheckLetter } from '../../server/core/validation/codice-fiscale';
import { checkPartitaIva, partitaIvaCheckDigit } from '../../server/core/validation/partita-iva';

const OMOCODIA = 'LMNPQRSTUV';
const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const digitOrOmocodia = fc.constantFrom(...'0123456789', ...OMOCODIA);
const monthLetter = fc.constantFrom(...'ABCDEHLMPRST');
/** The 15 characters before the check letter of a well-formed codice fiscale, omocodia included. */
const codiceFiscaleBody = fc
  .tuple(
    fc.array(letter, { minLength: 6, maxLength: 6 }),
    fc.array(digitOrOmocodia, { minLength: 2, maxLength: 2 }),
    monthLetter,
    fc.array(digitOrOmocodia, { minLength: 2, maxLength: 2 }),
    letter,
    fc.array(digitOrOmocodia, { minLength: 3, maxLength: 3 }),
  )
  .map(([surname, year, month, day, town, number]) => [...surname, ...year, month, ...day, town, ...number].join(''));

describe('codice fiscale', () => {
  test.each(['RCCMNL83S18D969H', 'RSSMRA79B11C566R', 'rssmra79b11c566r', 'RSS MRA 79B11 C566R'])(
    '%s is valid',
    (code) => {
      expect(checkCodiceFiscale(code).ok).toBe(true);
    },
  );

  test('a wrong check letter is refused with its own reason', () => {
    expect(checkCodiceFiscale('RSSMRA79B11C566X')).toEqual({ ok: false, error: 'taxCode.checkLetter' });
  });

  test('a malformed code is refused as a format error', () => {
    expect(checkCodiceFiscale('RSSMRA79Z11C566R')).toEqual({ ok: false, error: 'taxCode.format' });
    expect(checkCodiceFiscale('RSSMRA79B11C566')).toEqual({ ok: false, error: 'taxCode.format' });
  });

  test('omocodia: digits replaced by L–V stay valid once the check letter is recomputed', () => {
    // RSSMRA79B11C566R with its last digit 6 → S (omocodia), as the Agenzia delle Entrate would issue it.
    const body = 'RSSMRA79B11C56S';
    expect(checkCodiceFiscale(body + codiceFiscaleCheckLetter(body)).ok).toBe(true);
  });

  test("a company's 11-digit code only where allowed, checked like a partita IVA", () => {
    expect(checkCodiceFiscale('03970540963')).toEqual({ ok: false, error: 'taxCode.company' });
    expect(checkCodiceFiscale('03970540963', { allowCompany: true }).ok).toBe(true);
    expect(checkCodiceFiscale('03970540964', { allowCompany: true }).ok).toBe(false);
  });

  test('property: the computed check letter validates, every other letter is refused', () => {
    fc.assert(
      fc.property(codiceFiscaleBody, letter, (body, other) => {
        const check = codiceFiscaleCheckLetter(body);
        expect(checkCodiceFiscale(body + check).ok).toBe(true);
        if (other !== check)
          expect(checkCodiceFiscale(body + other)).toEqual({ ok: false, error: 'taxCode.checkLetter' });
      }),
    );
  });
});

describe('partita IVA', () => {
  test.each(['00743110157', '03970540963', 'IT03970540963'])('%s is valid', (vat) => {
    expect(checkPartitaIva(vat).ok).toBe(true);
  });

  test('the documented invalid example and other malformed numbers', () => {
    expect(checkPartitaIva('00743110158')).toEqual({ ok: false, error: 'vatNumber.checkDigit' });
    expect(checkPartitaIva('0074311015')).toEqual({ ok: false, error: 'vatNumber.format' });
    expect(checkPartitaIva('00000001001')).toEqual({ ok: false, error: 'vatNumber.format' });
    expect(checkPartitaIva('12345672001')).toEqual({ ok: false, error: 'vatNumber.office' });
  });

  const officeCode = fc
    .oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(120, 121, 888, 999))
    .map((code) => String(code).padStart(3, '0'));
  const firstSeven = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 })
    .map((digits) => digits.join(''))
    .filter((digits) => digits !== '0000000');

  test('property: the computed check digit validates and any single changed digit is caught', () => {
    fc.assert(
      fc.property(
        firstSeven,
        officeCode,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (seven, office, position, delta) => {
          const body = seven + office;
          const vat = body + String(partitaIvaCheckDigit(body));
          expect(checkPartitaIva(vat).ok).toBe(true);
          const digits = [...vat];
          digits[position] = String((Number(digits[position]) + delta) % 10);
          const changed = digits.join('');
          if (/^0{7}/.test(changed)) return;
          const office2 = Number(changed.slice(7, 10));
          const knownOffice = (office2 >= 1 && office2 <= 100) || [120, 121, 888, 999].includes(office2);
          if (knownOffice) expect(checkPartitaIva(changed).ok).toBe(false);
        },
      ),
    );
  });
});
