import type { Language } from '../i18n/language';

/** The digits of a whole, non-negative number with a separator every three: 10000 → 10.000. */
export function groupThousands(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A whole number the way the language writes it: 10.000 in Italian, 10,000 in English. */
export function formatCount(value: number, language: Language): string {
  const grouped = groupThousands(Math.trunc(Math.abs(value)), language === 'it' ? '.' : ',');
  return value < 0 ? `-${grouped}` : grouped;
}
