import type { FieldError } from '../core/claim/field-error-schema';
import type { Language } from '../core/i18n/language';
import type { LetterService } from './letter-service';

/**
 * The answers the live estimate never receives (who the person is, the mailbox, the free texts) are replaced by
 * neutral stand-ins before validation: none of them changes an amount, and the browser keeps no copy of the claim.
 */
const STAND_IN_CLAIMANT = {
  firstName: 'Stima',
  lastName: 'Stima',
  taxCode: 'RSSMRA79B11C566R',
  email: 'stima@example.org',
  address: { street: 'Via Stima 1', postalCode: '00100', city: 'Roma', province: 'RM' },
};
const STAND_IN_TEXT = 'Stima';
const STAND_IN_VAT_NUMBER = '00743110157';
const STAND_IN_MAILBOX: Record<string, string> = { libero: 'stima@libero.it', virgilio: 'stima@virgilio.it' };

export type Estimate =
  | { ok: false; errors: FieldError[] }
  | { ok: true; eligible: false }
  | { ok: true; eligible: true; totalCents: number; total: string };

type Input = Record<string, unknown>;
const isRecord = (value: unknown): value is Input => typeof value === 'object' && value !== null;

function withStandIns(input: Input): Input {
  const account = isRecord(input.account) ? { ...input.account } : {};
  account.mailbox = STAND_IN_MAILBOX[String(account.provider)] ?? STAND_IN_MAILBOX.libero;
  if (account.type === 'business') {
    account.companyName = STAND_IN_TEXT;
    account.vatNumber = STAND_IN_VAT_NUMBER;
  }
  const damages = Array.isArray(input.damages)
    ? input.damages.map((damage) => (isRecord(damage) ? { ...damage, description: STAND_IN_TEXT } : damage))
    : input.damages;
  const received = isRecord(input.compensationReceived)
    ? { ...input.compensationReceived, description: STAND_IN_TEXT }
    : input.compensationReceived;
  delete account.customerNumber;
  // The account to pay into and earlier complaint numbers change no amount: never part of an estimate.
  const { payment: _payment, previousComplaints: _complaints, ...rest } = input;
  return { ...rest, claimant: STAND_IN_CLAIMANT, account, damages, compensationReceived: received };
}

/** The total a claim would reach, from its figures alone (service, account, outages, amounts, dates). */
export function estimateClaim(service: LetterService, input: Input, language: Language): Estimate {
  const assessed = service.assess(withStandIns(input), language);
  if (!assessed.ok) return assessed;
  if (!assessed.assessment.eligible) return { ok: true, eligible: false };
  return {
    ok: true,
    eligible: true,
    totalCents: assessed.assessment.compensation.totalCents,
    total: assessed.presented.compensation.total,
  };
}
