export type PartitaIvaError = 'vatNumber.format' | 'vatNumber.checkDigit' | 'vatNumber.office';
export type PartitaIvaCheck = { ok: true; value: string } | { ok: false; error: PartitaIvaError };

/** Check digit of the first 10 digits (Luhn mod 10 as the Agenzia delle Entrate defines it). */
export function partitaIvaCheckDigit(first10: string): number {
  let sum = 0;
  for (let position = 0; position < 10; position += 1) {
    const digit = first10.charCodeAt(position) - 48;
    if (position % 2 === 0) {
      sum += digit;
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (sum % 10)) % 10;
}

function isKnownOfficeCode(code: number): boolean {
  return (code >= 1 && code <= 100) || code === 120 || code === 121 || code === 888 || code === 999;
}

export function normalizePartitaIva(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/^IT/i, '');
}

export function checkPartitaIva(raw: string): PartitaIvaCheck {
  const value = normalizePartitaIva(raw);
  if (!/^\d{11}$/.test(value) || /^0{7}/.test(value)) return { ok: false, error: 'vatNumber.format' };
  if (!isKnownOfficeCode(Number(value.slice(7, 10)))) return { ok: false, error: 'vatNumber.office' };
  if (partitaIvaCheckDigit(value.slice(0, 10)) !== Number(value.charAt(10)))
    return { ok: false, error: 'vatNumber.checkDigit' };
  return { ok: true, value };
}
