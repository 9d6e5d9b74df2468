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
      'Per il periodo terminato il {periodEnd} il termine di prescrizione di {years} anni è scaduto il {date} ' +
      '(artt. 2946 e 2963 c.c.): la diffida non può più interromperlo.',
    en:
      'For the period that ended on {periodEnd} the {years}-year limitation period expired on {date} ' +
      '(arts. 2946 and 2963 c.c.): the letter can no longer interrupt it.',
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
    it:
      'Il ristoro ricevuto supera indennizzo e rimborso: è stato detratto solo fino a quella cifra, mai dai ' +
      'danni, e la lettera lo dice.',
    en:
      'The compensation received exceeds the indemnity and the refund: it was deducted only up to that figure, ' +
      'never from damages, and the letter says so.',
  },
  'above-self-representation': {
    it:
      'Il totale supera {limit}: oltre questa soglia, davanti al Giudice di Pace, serve l’assistenza di un ' +
      'avvocato (art. 82 c.p.c.).',
    en: 'The total is above {limit}: beyond it a lawyer is needed before the Giudice di Pace (art. 82 c.p.c.).',
  },
  'above-giudice-di-pace': {
    it:
      'Il totale supera {limit}: è competente il Tribunale, davanti al quale serve un avvocato; la lettera lo ' +
      'indica.',
    en: 'The total is above {limit}: the Tribunale is competent and a lawyer is needed there; the letter says so.',
  },
  'court-uncertain': {
    it:
      'Il totale è tra {lower} e {upper}: dal {since} il limite del Giudice di Pace dovrebbe essere salito a ' +
      '{upper}, ma non è stato possibile confermarlo. La lettera indica perciò «l’Autorità giudiziaria ' +
      'competente»; prima di agire, chiedi a un avvocato.',
    en:
      'The total is between {lower} and {upper}: from {since} the Giudice di Pace limit should have risen to ' +
      '{upper}, but this could not be confirmed. The letter therefore names “the competent judicial ' +
      'authority”; ask a lawyer before going to court.',
  },
  'gdpr-court': {
    it:
      'Il risarcimento del danno da perdita dei dati personali (art. 82 del Regolamento (UE) 2016/679) si ' +
      'chiede al Tribunale, qualunque sia il valore (art. 10 D.Lgs. 150/2011); la lettera lo indica.',
    en:
      'Compensation for the loss of personal data (art. 82 of Regulation (EU) 2016/679) is claimed before the ' +
      'Tribunale, whatever its value (art. 10 D.Lgs. 150/2011); the letter says so.',
  },
  'assisted-negotiation': {
    it:
      'Una società che chiede fino a {limit}, prima di agire in giudizio, deve invitare Italiaonline S.p.A. alla ' +
      'negoziazione assistita tramite un avvocato (art. 3 D.L. 132/2014); la lettera lo annuncia.',
    en:
      'A company claiming up to {limit} must, before going to court, invite Italiaonline S.p.A. to an assisted ' +
      'negotiation through a lawyer (art. 3 D.L. 132/2014); the letter announces it.',
  },
  'letter-date-past': {
    it:
      'La lettera è datata {letterDate}, più di {days} giorni fa: verificare la data. La prescrizione è comunque ' +
      'valutata alla data di oggi.',
    en:
      'The letter is dated {letterDate}, more than {days} days ago: check the date. Limitation is judged on ' +
      'today’s date all the same.',
  },
  'letter-date-future': {
    it:
      'La lettera è datata {letterDate}, oltre {days} giorni da oggi: verificare la data. La lettera produce ' +
      'effetti solo quando è ricevuta.',
    en:
      'The letter is dated {letterDate}, more than {days} days from today: check the date. The letter takes ' +
      'effect only when it is received.',
  },
  'prescription-near': {
    it:
      'Il termine di prescrizione scade il {date}: la lettera lo interrompe solo se è ricevuta entro quel giorno ' +
      '(artt. 1334, 1335 e 2943 c.c.). Inviala via PEC.',
    en:
      'The limitation period ends on {date}: the letter interrupts it only if it is received by that day ' +
      '(arts. 1334, 1335 and 2943 c.c.). Send it by PEC.',
  },
  'gdpr-prescription-near': {
    it:
      'Per il danno da perdita dei dati personali, se qualificato come extracontrattuale, il termine di 5 anni ' +
      '(art. 2947 c.c.) scade il {date}: invia la lettera via PEC, perché sia ricevuta entro quel giorno.',
    en:
      'For the loss of personal data, if treated as extra-contractual, the 5-year term (art. 2947 c.c.) ends ' +
      'on {date}: send the letter by PEC, so that it is received by that day.',
  },
  'gdpr-prescription-passed': {
    it:
      'Per il danno da perdita dei dati personali, se qualificato come extracontrattuale, il termine di 5 anni ' +
      '(art. 2947 c.c.) è scaduto il {date}: quella voce potrebbe essere contestata come prescritta.',
    en:
      'For the loss of personal data, if treated as extra-contractual, the 5-year term (art. 2947 c.c.) ended ' +
      'on {date}: that item may be challenged as time-barred.',
  },
  'tax-code-name': {
    it:
      'Le prime sei lettere del codice fiscale ({letters}) non corrispondono a cognome e nome indicati ' +
      '(sarebbero {expected}): verificare che codice e nome siano della stessa persona. Se il codice è giusto ' +
      '(l’Agenzia delle Entrate può averne assegnato uno diverso), si può procedere.',
    en:
      'The first six letters of the codice fiscale ({letters}) do not match the surname and name given ' +
      '(they would be {expected}): check that code and name belong to the same person. If the code is right ' +
      '(the Agenzia delle Entrate may have assigned a different one), you can go ahead.',
  },
  'delivery-pec-without-pec': {
    it:
      'Hai scelto la PEC ma non hai indicato una tua casella PEC: una PEC ha valore legale solo se spedita dalla ' +
      'propria casella. Senza PEC, invia la lettera per raccomandata A/R.',
    en:
      'You chose PEC but gave no PEC mailbox of your own: a PEC has legal value only when sent from the ' +
      'sender’s own PEC mailbox. Without one, send the letter by registered post with return receipt.',
  },
  'provider-pec-missing': {
    it:
      'L’indirizzo PEC di Italiaonline S.p.A. non è configurato e non lo indichiamo senza una fonte: cercalo su ' +
      'INI-PEC (www.inipec.gov.it) o nel Registro delle Imprese con il codice fiscale {taxCode} e usalo come ' +
      'destinatario della PEC.',
    en:
      'The PEC address of Italiaonline S.p.A. is not configured and we do not give one without a source: look ' +
      'it up on INI-PEC (www.inipec.gov.it) or in the Registro delle Imprese with the tax code {taxCode}, and ' +
      'send the PEC to it.',
  },
  'termination-not-quantified': {
    it:
      'Hai chiesto la risoluzione: il rimborso del canone per il periodo non goduto dopo la risoluzione dipende ' +
      'dalla data di rinnovo dell’abbonamento e non è calcolato; la lettera lo chiede senza importo.',
    en:
      'You asked for termination: the refund of the fee for the period after termination depends on the ' +
      'renewal date of the subscription and is not computed; the letter asks for it without an amount.',
  },
};

export const LINE_LABELS = {
  indemnity: {
    it: 'Mancata fruizione del servizio (liquidazione equitativa)',
    en: 'Loss of use of the service (equitable assessment)',
  },
  refund: { it: 'Restituzione del canone per i giorni di disservizio', en: 'Refund of the fee for the days of outage' },
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
