import { DAMAGE_KIND_LABELS } from '../claim/claim-label-texts';
import { DAMAGE_KINDS, type DamageKind } from '../claim/claim-schema';
import type { FieldError } from '../claim/field-error-schema';
import { interpolate, type Language } from '../i18n/language';
import { parseEuroToCents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { emailDomain } from '../validation/text-fields';
import { columnName, type BatchColumn } from './batch-columns';
import { BATCH_MESSAGES } from './member-list-texts';
import {
  parseAccountType,
  parseIncidents,
  parseProvider,
  parseSeverity,
  parseYesNo,
  providerOfMailbox,
  toLocalDate,
  toLocalDateTime,
} from './batch-values';

/** One input row: the text of each known column ('' when empty or absent). */
export type BatchRecord = Record<BatchColumn, string>;

export interface RowMappingOptions {
  ruleset: Ruleset;
  /** Language of the messages. */
  language: Language;
  /** Language of the file's column names, which messages mention. */
  columns: Language;
  /** The batch's letter options, the same for every row. */
  letter: Record<string, unknown>;
}

export interface RowMapping {
  /** The claim as the API would receive it; validated afterwards by the same code as a single claim. */
  input: Record<string, unknown>;
  /** Problems only the spreadsheet form can have (an account type the mapping does not know…), with claim paths. */
  errors: FieldError[];
}

const present = (value: string) => value.trim() !== '';
const orUndefined = (value: string) => (present(value) ? value : undefined);

/** A spreadsheet drops a CAP's leading zeros (00100 → 100): every Italian CAP has five digits. */
function postalCode(value: string): string {
  const trimmed = value.trim();
  return /^\d{3,4}$/.test(trimmed) ? trimmed.padStart(5, '0') : value;
}

function isZeroAmount(value: string): boolean {
  const parsed = parseEuroToCents(value);
  return parsed.ok && parsed.cents === 0;
}

function damageKind(value: string): DamageKind | 'invalid' {
  if (!present(value)) return 'other';
  const wanted = value.trim().toLowerCase();
  const byId = DAMAGE_KINDS.find((kind) => kind === wanted);
  if (byId) return byId;
  const byLabel = DAMAGE_KINDS.find((kind) =>
    Object.values(DAMAGE_KIND_LABELS[kind]).some((label) => label.toLowerCase() === wanted),
  );
  return byLabel ?? 'invalid';
}

/** A spreadsheet row → the claim input every other channel sends, plus the problems of the spreadsheet form. */
export function rowToClaimInput(row: BatchRecord, options: RowMappingOptions): RowMapping {
  const { language } = options;
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });

  const mailbox = row.mailbox.trim();
  let provider: string | undefined;
  if (present(row.provider)) {
    provider = parseProvider(row.provider) ?? undefined;
    if (!provider) fail('account.provider', BATCH_MESSAGES.providerValue[language]);
  } else if (present(mailbox)) {
    provider = providerOfMailbox(mailbox, options.ruleset) ?? undefined;
    if (!provider && mailbox.includes('@')) {
      fail(
        'account.provider',
        interpolate(BATCH_MESSAGES.provider[language], {
          domain: emailDomain(mailbox),
          column: columnName('provider', options.columns),
        }),
      );
    }
  }

  let type: string | undefined;
  if (present(row.accountType)) {
    type = parseAccountType(row.accountType) ?? undefined;
    if (!type) fail('account.type', BATCH_MESSAGES.accountType[language]);
  } else if (present(row.companyName) || present(row.vatNumber)) type = 'business';
  else if (present(row.plan) || (present(row.annualFee) && !isZeroAmount(row.annualFee))) type = 'paid';
  else type = 'free';

  const outages = mapOutages(row, language, fail);
  const damages = mapDamages(row, language, fail);
  const compensationReceived = mapCompensation(row, language, fail);

  const input: Record<string, unknown> = {
    claimant: {
      firstName: row.firstName,
      lastName: row.lastName,
      taxCode: row.taxCode,
      // The member's mailbox is an address of theirs too: a list without an e-mail column still works.
      email: present(row.email) ? row.email : mailbox,
      pec: orUndefined(row.pec),
      phone: orUndefined(row.phone),
      address: { street: row.street, postalCode: postalCode(row.postalCode), city: row.city, province: row.province },
    },
    account: {
      provider,
      mailbox: row.mailbox,
      type,
      plan: orUndefined(row.plan.trim().toLowerCase()),
      annualFee: orUndefined(row.annualFee),
      companyName: orUndefined(row.companyName),
      vatNumber: orUndefined(row.vatNumber),
      customerSince: present(row.customerSince) ? toLocalDate(row.customerSince) : undefined,
      customerNumber: orUndefined(row.customerNumber),
    },
    outages,
    damages,
    compensationReceived,
    previousComplaints:
      present(row.complaintReference) || present(row.complaintDate)
        ? [
            {
              reference: row.complaintReference,
              date: present(row.complaintDate) ? toLocalDate(row.complaintDate) : undefined,
            },
          ]
        : undefined,
    payment:
      present(row.iban) || present(row.ibanHolder)
        ? { iban: row.iban, holder: orUndefined(row.ibanHolder) }
        : undefined,
    letter: mapTermination(row, options.letter, language, fail),
  };
  return { input, errors };
}

type Fail = (path: string, message: string) => void;

function mapOutages(row: BatchRecord, language: Language, fail: Fail): unknown[] {
  const hasDates = present(row.outageStart) || present(row.outageEnd);
  const parsed = parseIncidents(row.incidents);
  if (!parsed.ok) {
    fail('outages', interpolate(BATCH_MESSAGES.incidents[language], { value: parsed.invalid }));
    return [];
  }
  const incidents = parsed.incidents.length === 0 && hasDates ? (['custom'] as const) : parsed.incidents;
  if (incidents.length === 0) {
    fail('outages', BATCH_MESSAGES.incidentsRequired[language]);
    return [];
  }
  if (hasDates && incidents.length > 1) fail('outages', BATCH_MESSAGES.datesNeedOneIncident[language]);
  let severity: string | undefined;
  if (present(row.severity)) {
    severity = parseSeverity(row.severity) ?? undefined;
    if (!severity) fail('outages.0.severity', BATCH_MESSAGES.severity[language]);
  }
  return incidents.map((incident) => ({
    incident,
    start: hasDates ? toLocalDateTime(row.outageStart) : undefined,
    end: hasDates ? toLocalDateTime(row.outageEnd) : undefined,
    severity,
  }));
}

/** The batch's letter options, with this row's `risoluzione` (sì/no) when the column is filled. */
function mapTermination(
  row: BatchRecord,
  letter: Record<string, unknown>,
  language: Language,
  fail: Fail,
): Record<string, unknown> {
  if (!present(row.termination)) return letter;
  const wanted = parseYesNo(row.termination);
  if (wanted === null) {
    fail('letter.termination', BATCH_MESSAGES.yesNo[language]);
    return letter;
  }
  return wanted ? { ...letter, termination: true } : letter;
}

function mapDamages(row: BatchRecord, language: Language, fail: Fail): unknown[] | undefined {
  const amount = row.damagesAmount.trim();
  const description = row.damagesDescription.trim();
  // A spreadsheet often holds 0 where nothing is claimed.
  if (!description && (!amount || isZeroAmount(amount))) return undefined;
  const kind = damageKind(row.damagesKind);
  if (kind === 'invalid') {
    fail('damages.0.kind', interpolate(BATCH_MESSAGES.damageKind[language], { options: DAMAGE_KINDS.join(', ') }));
    return undefined;
  }
  return [{ kind, description: row.damagesDescription, amount: row.damagesAmount }];
}

function mapCompensation(row: BatchRecord, language: Language, fail: Fail): unknown {
  const amount = row.compensationReceived.trim();
  if (!amount || isZeroAmount(amount)) return undefined;
  const yesNo = parseYesNo(amount);
  if (yesNo === false) return undefined;
  if (yesNo === true) {
    fail('compensationReceived.amount', BATCH_MESSAGES.yesNoAmount[language]);
    return undefined;
  }
  // Without a description the letter speaks of "un ristoro" of that value: nothing is made up for it.
  return { description: orUndefined(row.compensationDescription), amount };
}
