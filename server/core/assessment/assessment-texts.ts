import type { Localized } from '../i18n/language';
import type { ReasonCode, WarningCode } from './eligibility';

export const REASON_MESSAGES: Record<ReasonCode, Localized> = {
  'nothing-to-claim': {
    it:
      'Non resta alcun importo da chiedere: il ristoro già ricevuto copre ' +
      'indennizzo e rimborso e non sono stati indicati danni.',
    en:
      'There is nothing left to claim: the compensation already received ' +
      'covers the indemnity and the refund, and no damages were declared.',
  },
  'outage-not-over': {
    it: 'Un periodo di disservizio termina nel futuro: la diffida si invia a disservizio concluso.',
    en: 'An outage period ends in the future: the formal notice is sent once the outage is over.',
  },
  'letter-before-outage-end': {
    it: 'La data della lettera ({letterDate}) non è successiva alla fine del disservizio.',
    en: 'The date of the letter ({letterDate}) is not after the end of the outage.',
  },
  prescribed: {
    it:
      'Sono trascorsi più di {years} anni dalla fine del disservizio: il ' +
      'diritto è prescritto dal {date} (art. 2946 c.c.).',
    en:
      'More than {years} years have passed since the end of the outage: the ' +
      'claim is time-barred since {date} (art. 2946 c.c.).',
  },
};

export const WARNING_MESSAGES: Record<WarningCode, Localized> = {
  'unverified-period': {
    it:
      'Il periodo n. {index} non coincide con un disservizio noto: andrà ' +
      'provato (schermate, messaggi di errore, e-mail respinte).',
    en:
      'Period no. {index} does not match a known outage: you will have to ' +
      'prove it (screenshots, error messages, bounced mail).',
  },
  'mailbox-domain': {
    it:
      'La casella è sul dominio {domain}, che non è tra quelli di {service} ' +
      '({domains}): verificare il servizio indicato.',
    en:
      'The mailbox is on {domain}, which is not one of the {service} domains ' +
      '({domains}): check the service you chose.',
  },
  'plan-provider': {
    it: 'Il piano {plan} non appartiene a {service}: verificare il piano indicato.',
    en: 'The plan {plan} does not belong to {service}: check the plan you chose.',
  },
  'compensation-capped': {
    it: 'Il ristoro ricevuto supera indennizzo e rimborso: è stato detratto solo fino a quella cifra, mai dai danni.',
    en:
      'The compensation received exceeds the indemnity and the refund: it was ' +
      'deducted only up to that figure, never from damages.',
  },
  'above-self-representation': {
    it:
      'Il totale supera {limit}: oltre questa soglia davanti al Giudice di ' +
      'Pace serve un avvocato e non si decide secondo equità (artt. 82 e 113 ' +
      'c.p.c.).',
    en:
      'The total is above {limit}: beyond it a lawyer is needed before the ' +
      'Giudice di Pace, who no longer decides by equity (arts. 82 and 113 ' +
      'c.p.c.).',
  },
  'above-giudice-di-pace': {
    it:
      'Il totale supera {limit}: oltre questa soglia è competente il ' +
      'Tribunale e non il Giudice di Pace; è consigliabile rivolgersi a un ' +
      'avvocato.',
    en:
      'The total is above {limit}: beyond it the Tribunale, not the Giudice ' +
      'di Pace, is competent; seeing a lawyer is advisable.',
  },
};

export const LINE_LABELS = {
  indemnity: { it: "Indennizzo per l'interruzione del servizio", en: 'Indemnity for the interruption of the service' },
  refund: { it: 'Rimborso del canone per i giorni di disservizio', en: 'Refund of the fee for the days of outage' },
  damages: { it: 'Risarcimento dei danni subiti', en: 'Compensation for the damage suffered' },
  'compensation-received': { it: 'Ristoro già ricevuto, detratto', en: 'Compensation already received, deducted' },
} satisfies Record<string, Localized>;

export const LINE_DETAILS = {
  paidTotal: { it: '{days} di interruzione totale × {rate}', en: '{days} of total interruption × {rate}' },
  paidPartial: { it: '{days} di disservizio parziale × {rate}', en: '{days} of partial outage × {rate}' },
  free: { it: '{days} × {rate}, al massimo {cap}', en: '{days} × {rate}, at most {cap}' },
  freeCapped: {
    it: '{days} × {rate}, limitato al massimo di {cap}',
    en: '{days} × {rate}, limited to the maximum of {cap}',
  },
  refund: { it: 'canone annuo {fee} × {days} ÷ {daysPerYear}', en: 'annual fee {fee} × {days} ÷ {daysPerYear}' },
  damages: { it: '{items} come da prospetto', en: '{items} as itemised' },
  received: { it: 'dichiarato {declared}', en: 'declared {declared}' },
} satisfies Record<string, Localized>;

export const UNITS = {
  day: { it: 'giorno', en: 'day' },
  days: { it: 'giorni', en: 'days' },
  item: { it: 'voce', en: 'item' },
  items: { it: 'voci', en: 'items' },
  perDay: { it: '{amount} al giorno', en: '{amount} a day' },
} satisfies Record<string, Localized>;
