import type { Language } from '../i18n/language';

/** The columns a member list may have, each with its Italian and English name and the claim field it fills. */
export const BATCH_COLUMNS = {
  firstName: { it: 'nome', en: 'first_name', path: 'claimant.firstName' },
  lastName: { it: 'cognome', en: 'last_name', path: 'claimant.lastName' },
  taxCode: { it: 'codice_fiscale', en: 'tax_code', path: 'claimant.taxCode' },
  street: { it: 'indirizzo', en: 'street', path: 'claimant.address.street' },
  postalCode: { it: 'cap', en: 'postal_code', path: 'claimant.address.postalCode' },
  city: { it: 'comune', en: 'city', path: 'claimant.address.city' },
  province: { it: 'provincia', en: 'province', path: 'claimant.address.province' },
  email: { it: 'email', en: 'email', path: 'claimant.email' },
  pec: { it: 'pec', en: 'pec', path: 'claimant.pec' },
  phone: { it: 'telefono', en: 'phone', path: 'claimant.phone' },
  mailbox: { it: 'casella', en: 'mailbox', path: 'account.mailbox' },
  provider: { it: 'gestore', en: 'provider', path: 'account.provider' },
  accountType: { it: 'tipo_account', en: 'account_type', path: 'account.type' },
  plan: { it: 'piano', en: 'plan', path: 'account.plan' },
  annualFee: { it: 'canone_annuo', en: 'annual_fee', path: 'account.annualFee' },
  companyName: { it: 'ragione_sociale', en: 'company_name', path: 'account.companyName' },
  vatNumber: { it: 'partita_iva', en: 'vat_number', path: 'account.vatNumber' },
  incidents: { it: 'disservizi', en: 'incidents', path: 'outages' },
  outageStart: { it: 'inizio_disservizio', en: 'outage_start', path: 'outages.*.start' },
  outageEnd: { it: 'fine_disservizio', en: 'outage_end', path: 'outages.*.end' },
  severity: { it: 'gravita', en: 'severity', path: 'outages.*.severity' },
  compensationReceived: {
    it: 'ristoro_ricevuto_importo',
    en: 'compensation_received',
    path: 'compensationReceived.amount',
  },
  compensationDescription: {
    it: 'ristoro_ricevuto_descrizione',
    en: 'compensation_description',
    path: 'compensationReceived.description',
  },
  damagesAmount: { it: 'danni_importo', en: 'damages_amount', path: 'damages.*.amount' },
  damagesDescription: { it: 'danni_descrizione', en: 'damages_description', path: 'damages.*.description' },
  damagesKind: { it: 'danni_tipo', en: 'damages_kind', path: 'damages.*.kind' },
  customerSince: { it: 'cliente_dal', en: 'customer_since', path: 'account.customerSince' },
  customerNumber: { it: 'codice_cliente', en: 'customer_number', path: 'account.customerNumber' },
  complaintReference: { it: 'segnalazione_numero', en: 'complaint_number', path: 'previousComplaints.*.reference' },
  complaintDate: { it: 'segnalazione_data', en: 'complaint_date', path: 'previousComplaints.*.date' },
  iban: { it: 'iban', en: 'iban', path: 'payment.iban' },
  ibanHolder: { it: 'intestatario_conto', en: 'account_holder', path: 'payment.holder' },
  termination: { it: 'risoluzione', en: 'termination', path: 'letter.termination' },
} as const;

export type BatchColumn = keyof typeof BATCH_COLUMNS;
export const BATCH_COLUMN_KEYS = Object.keys(BATCH_COLUMNS) as BatchColumn[];

/** Without these a row cannot name a member or a mailbox: a file lacking one is refused as a whole. */
export const REQUIRED_COLUMNS: readonly BatchColumn[] = ['firstName', 'lastName', 'taxCode', 'mailbox'];

/** Other spellings seen in real exports, after normalisation. */
const ALIASES: Record<string, BatchColumn> = {
  cf: 'taxCode',
  codicefiscale: 'taxCode',
  e_mail: 'email',
  mail: 'email',
  casella_email: 'mailbox',
  casella_di_posta: 'mailbox',
  ristoro_ricevuto: 'compensationReceived',
  ristoro: 'compensationReceived',
  provider_name: 'provider',
  type: 'accountType',
  fee: 'annualFee',
};

/** `Codice Fiscale`, `codice-fiscale` and `gravità` become `codice_fiscale` and `gravita`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_');
}

const BY_NAME = new Map<string, { column: BatchColumn; language: Language | null }>();
for (const column of BATCH_COLUMN_KEYS) {
  const { it, en } = BATCH_COLUMNS[column];
  BY_NAME.set(en, { column, language: it === en ? null : 'en' });
  BY_NAME.set(it, { column, language: it === en ? null : 'it' });
}
for (const [alias, column] of Object.entries(ALIASES)) BY_NAME.set(alias, { column, language: null });

export interface ResolvedHeader {
  /** For each input column, the field it fills (null when unknown; the first of two equal columns wins). */
  columns: (BatchColumn | null)[];
  /** The language of the column names: the report answers in it. */
  language: Language;
  unknown: string[];
  missing: BatchColumn[];
}

export function resolveHeader(headers: readonly string[]): ResolvedHeader {
  const seen = new Set<BatchColumn>();
  const votes = { it: 0, en: 0 };
  const unknown: string[] = [];
  const columns = headers.map((header) => {
    const match = BY_NAME.get(normalizeHeader(header));
    if (!match) {
      if (header.trim() !== '') unknown.push(header.trim());
      return null;
    }
    if (match.language) votes[match.language] += 1;
    if (seen.has(match.column)) return null;
    seen.add(match.column);
    return match.column;
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  return { columns, language: votes.en > votes.it ? 'en' : 'it', unknown, missing };
}

/** The name of a column in the language of the file. */
export function columnName(column: BatchColumn, language: Language): string {
  return BATCH_COLUMNS[column][language];
}

/** Where a column comes in the template (unknown names last): the report lists a row's errors in this order. */
export function columnPosition(name: string, language: Language): number {
  const index = BATCH_COLUMN_KEYS.findIndex((column) => columnName(column, language) === name);
  return index === -1 ? BATCH_COLUMN_KEYS.length : index;
}

/**
 * The column an error of the claim belongs to (`outages.0.end` → `fine_disservizio`), so the report speaks the
 * spreadsheet's language; a path with no column (the letter options) is kept as it is.
 */
export function columnForPath(path: string, language: Language): string {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.*');
  let best: { column: BatchColumn; length: number } | null = null;
  for (const column of BATCH_COLUMN_KEYS) {
    const columnPath: string = BATCH_COLUMNS[column].path;
    const matches = generic === columnPath || generic.startsWith(`${columnPath}.`);
    if (matches && (!best || columnPath.length > best.length)) best = { column, length: columnPath.length };
  }
  if (best) return columnName(best.column, language);
  if (generic === 'outages.*') return columnName('incidents', language);
  if (generic === 'damages.*' || generic === 'damages') return columnName('damagesAmount', language);
  if (generic === 'compensationReceived') return columnName('compensationReceived', language);
  if (generic === 'payment') return columnName('iban', language);
  if (generic === 'previousComplaints.*' || generic === 'previousComplaints') {
    return columnName('complaintReference', language);
  }
  return path;
}
