const pad = (value: number) => String(value).padStart(2, '0');

/** Days between Excel's serial day 0 (1899-12-30, after its 1900 leap-year bug) and 1970-01-01; 1904 system: 24,107. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1900_TO_1904 = 1_462;
const DAY_MS = 86_400_000;

/** A date or time as a CSV export holds it: the workbook's digits, with no zone (a workbook's dates carry none). */
export function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** A serial date-time (days since the epoch of the workbook's date system, the time as a fraction of a day). */
export function serialDateText(serial: number, date1904: boolean): string {
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1900_TO_1904 : 0);
  return dateText(new Date(Math.round(days * DAY_MS)));
}

export interface CellFacts {
  /** The `t` attribute: s, str, inlineStr, b, e, d, n (or none: a number). */
  type: string;
  /** The `<v>` text, or null when the cell has none. */
  value: string | null;
  /** The text of an inline string (`<is>`). */
  inline: string | null;
  isDate: boolean;
}

/** A cell as the text a CSV export of it would hold. */
export function cellText(cell: CellFacts, sharedStrings: readonly string[], date1904: boolean): string {
  const { type, value } = cell;
  if (type === 'inlineStr') return cell.inline ?? value ?? '';
  if (value === null) return '';
  switch (type) {
    case 's':
      return sharedStrings[Number.parseInt(value, 10)] ?? '';
    case 'str':
      return value;
    case 'b':
      return value.trim() === '0' ? 'false' : 'true';
    case 'e':
      return '';
    case 'd': {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateText(date);
    }
    default: {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) return value;
      return cell.isDate ? serialDateText(number, date1904) : String(number);
    }
  }
}
