import { interpolate, type Language, type Localized } from '../../core/i18n/language';
import { formatRomeDateTime } from '../../core/time/rome-time';
import type { BudgetDimension, BudgetKind, BudgetRefusal } from '../../mail/send-budget';

/** Why a message was refused over a send budget, and from when to try again; the page and the API say the same. */
export const SEND_BUDGET_TEXTS: Record<BudgetKind, Partial<Record<BudgetDimension, Localized>>> = {
  confirmation: {
    client: {
      it: 'Troppe richieste di codici di conferma da questa connessione: riprova dal {time}.',
      en: 'Too many confirmation codes asked for from this connection: try again from {time}.',
    },
    address: {
      it: 'Troppi codici di conferma inviati a questo indirizzo: riprova dal {time}.',
      en: 'Too many confirmation codes sent to this address: try again from {time}.',
    },
    global: {
      it: 'Questo server ha già inviato tutti i codici di conferma previsti per oggi: riprova dal {time}.',
      en: 'This server has already sent all the confirmation codes allowed for today: try again from {time}.',
    },
  },
  'code-failure': {
    client: {
      it: 'Troppi codici sbagliati da questa connessione: per sicurezza la conferma è sospesa fino al {time}.',
      en: 'Too many wrong codes from this connection: for safety, confirming is paused until {time}.',
    },
    address: {
      it: 'Troppi codici sbagliati per questo indirizzo: per sicurezza la conferma è sospesa fino al {time}.',
      en: 'Too many wrong codes for this address: for safety, confirming is paused until {time}.',
    },
  },
  letter: {
    client: {
      it: 'Troppe lettere inviate da questa connessione: riprova dal {time}.',
      en: 'Too many letters sent from this connection: try again from {time}.',
    },
    operator: {
      it: 'Il tuo account operatore ha raggiunto il suo limite di invii: riprova dal {time}.',
      en: 'Your operator account has reached its sending limit: try again from {time}.',
    },
    address: {
      it: 'Troppe lettere inviate a nome di questo indirizzo: riprova dal {time}.',
      en: 'Too many letters sent for this address: try again from {time}.',
    },
    global: {
      it: 'Questo server ha raggiunto il limite giornaliero di lettere inviate per e-mail: riprova dal {time}.',
      en: 'This server has reached its daily limit of letters sent by e-mail: try again from {time}.',
    },
  },
};

const ALSO_PDF: Localized = {
  it: 'Il PDF si può sempre scaricare e inviare personalmente.',
  en: 'The PDF can always be downloaded and sent yourself.',
};

export function sendBudgetMessage(refusal: BudgetRefusal, language: Language): string {
  const text = SEND_BUDGET_TEXTS[refusal.kind][refusal.dimension] ?? SEND_BUDGET_TEXTS.letter.global!;
  const reason = interpolate(text[language], { time: formatRomeDateTime(refusal.retryAt, language) });
  return refusal.kind === 'letter' ? `${reason} ${ALSO_PDF[language]}` : reason;
}

/** Whole seconds until the refusal lifts, for Retry-After. */
export function retryAfterSeconds(refusal: BudgetRefusal, now = Date.now()): string {
  return String(Math.max(1, Math.ceil((refusal.retryAt - now) / 1000)));
}
