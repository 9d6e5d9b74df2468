import type { Language } from '../i18n/language';

/** A whole number the way the language writes it: 10.000 in Italian, 10,000 in English. */
export function formatCount(value: number, language: Language): string {
  const digits = String(Math.trunc(Math.abs(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'it' ? '.' : ',');
  return value < 0 ? `-${grouped}` : grouped;
}
