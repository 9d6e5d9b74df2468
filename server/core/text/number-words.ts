import type { Language } from '../i18n/language';

const IT_UNITS = [
  'zero',
  'uno',
  'due',
  'tre',
  'quattro',
  'cinque',
  'sei',
  'sette',
  'otto',
  'nove',
  'dieci',
  'undici',
  'dodici',
  'tredici',
  'quattordici',
  'quindici',
  'sedici',
  'diciassette',
  'diciotto',
  'diciannove',
];
const IT_TENS = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];
const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function italian(value: number): string {
  if (value < 20) return IT_UNITS[value]!;
  const tens = IT_TENS[Math.floor(value / 10)]!;
  const unit = value % 10;
  if (unit === 0) return tens;
  // "ventuno", "trentotto": the tens drop their final vowel before "uno" and "otto"; "ventitré" takes an accent.
  const stem = unit === 1 || unit === 8 ? tens.slice(0, -1) : tens;
  return stem + (unit === 3 ? 'tré' : IT_UNITS[unit]!);
}

function english(value: number): string {
  if (value < 20) return EN_UNITS[value]!;
  const tens = EN_TENS[Math.floor(value / 10)]!;
  const unit = value % 10;
  return unit === 0 ? tens : `${tens}-${EN_UNITS[unit]!}`;
}

/** A whole number from 0 to 99 in words, as a legal text repeats a term: "quindici", "fifteen". */
export function numberInWords(value: number, language: Language): string {
  if (!Number.isInteger(value) || value < 0 || value > 99) throw new RangeError(`no words for ${value}`);
  return language === 'it' ? italian(value) : english(value);
}
