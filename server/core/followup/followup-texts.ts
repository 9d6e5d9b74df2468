import type { Localized } from '../i18n/language';
import type { DocumentKind, DocumentReason, ReceiptDateSource } from './followup-status';

/** Each document's name, as the page, the CLI's LEGGIMI.txt and the API show it. */
export const DOCUMENT_TITLES: Record<DocumentKind, Localized> = {
  sollecito: { it: 'Sollecito e ultima diffida', en: 'Reminder and final notice (sollecito e ultima diffida)' },
  garante: {
    it: 'Reclamo al Garante per la protezione dei dati personali',
    en: 'Complaint to the Italian data protection authority (Garante)',
  },
  agcm: { it: 'Segnalazione all’AGCM', en: 'Report to the competition and consumer authority (AGCM)' },
  conciliaweb: { it: 'Scheda per ConciliaWeb (CORECOM)', en: 'Data sheet for ConciliaWeb (CORECOM)' },
  'giudice-di-pace': { it: 'Giudice di Pace', en: 'Giudice di Pace (small claims court)' },
  'accettazione-parziale': {
    it: 'Accettazione della proposta parziale',
    en: 'Acceptance of the partial offer',
  },
};

/** One plain sentence per document that applies: what it is for. */
export const DOCUMENT_PURPOSES: Record<DocumentKind, Localized> = {
  sollecito: {
    it:
      'Una seconda lettera formale che ricorda la prima, ripete le richieste, concede un ultimo termine e interrompe ' +
      'di nuovo la prescrizione.',
    en:
      'A second formal letter that recalls the first one, repeats the demands, gives a last term and interrupts ' +
      'prescription again.',
  },
  garante: {
    it:
      'Un reclamo gratuito all’autorità per la protezione dei dati, per i messaggi e i dati perduti; il pagamento si ' +
      'chiede con il sollecito e davanti al giudice.',
    en:
      'A free complaint to the data protection authority about the lost mail and data; payment is asked for with the ' +
      'reminder and in court.',
  },
  agcm: {
    it:
      'Un testo da incollare nel modulo online dell’Antitrust, che può fermare pratiche scorrette ma non riconosce ' +
      'rimborsi né risarcimenti ai singoli.',
    en:
      'A text to paste into the competition authority’s online form; it can stop unfair practices but does not award ' +
      'refunds or compensation to individuals.',
  },
  conciliaweb: {
    it:
      'I dati da copiare nel modulo UG di ConciliaWeb: non è certo che la conciliazione valga per la posta ' +
      'elettronica, quindi è un passo facoltativo.',
    en:
      'The data to copy into ConciliaWeb’s UG form: it is not certain that conciliation covers e-mail services, so ' +
      'it is an optional step.',
  },
  'giudice-di-pace': {
    it:
      'Una bozza di ricorso al Giudice di Pace del luogo in cui risiedi, da controllare in cancelleria, che puoi ' +
      'presentare da solo.',
    en:
      'A draft claim to the Giudice di Pace of your place of residence, to check with the court office, which you ' +
      'can file yourself.',
  },
  'accettazione-parziale': {
    it: 'Una breve lettera che accetta la somma offerta come acconto, senza rinunciare al resto.',
    en: 'A short letter that accepts the sum offered as a part payment, without giving up the rest.',
  },
};

/** The Giudice di Pace document when the claimant may not act alone: a note, not a draft. */
export const LAWYER_NOTE_PURPOSE: Localized = {
  it: 'Una nota: per questa somma serve un avvocato; dice che cosa portargli.',
  en: 'A note: for this sum you need a lawyer; it says what to bring.',
};

/** Why a document does not apply, in one sentence. */
export const NOT_APPLICABLE: Record<
  Exclude<DocumentReason, 'applies' | 'self-represented' | 'lawyer-needed'>,
  Localized
> = {
  paid: {
    it: 'Il gestore ha pagato per intero: non c’è altro da chiedere.',
    en: 'The provider paid in full: there is nothing more to ask.',
  },
  'not-delivered': {
    it: 'La prima lettera non risulta consegnata: va inviata di nuovo prima di qualsiasi altro passo.',
    en: 'The first letter was not delivered: send it again before any other step.',
  },
  'deadline-not-passed': {
    it: 'Il termine della prima lettera non è ancora scaduto: si attende la risposta fino al {deadline}.',
    en: 'The first letter’s term has not run out yet: wait for an answer until {deadline}.',
  },
  prescribed: {
    it: 'Il diritto risulta prescritto (ultimo giorno utile: {date}): nessun documento può più farlo valere.',
    en: 'The claim appears time-barred (last day: {date}): no document can enforce it any more.',
  },
  business: {
    it: 'Riguarda solo le persone fisiche e i consumatori, non un’impresa.',
    en: 'It concerns natural persons and consumers only, not a business.',
  },
  'no-data-loss': {
    it: 'La pratica non indica perdita di dati o di messaggi.',
    en: 'The case declares no loss of data or of mail.',
  },
  'not-partial': {
    it: 'Serve solo quando il gestore propone una somma parziale.',
    en: 'Only needed when the provider offers part of the sum.',
  },
};

/** Where the claim stands, sentence by sentence. */
export const STATUS_TEXTS = {
  received: {
    'pec-receipt': {
      it: 'La prima lettera è stata consegnata il {date} (ricevuta PEC di avvenuta consegna).',
      en: 'The first letter was delivered on {date} (PEC delivery receipt).',
    },
    declared: {
      it: 'La prima lettera è stata ricevuta il {date}, come hai indicato.',
      en: 'The first letter was received on {date}, as you stated.',
    },
    'by-hand': {
      it: 'La prima lettera è stata consegnata a mano il {date}.',
      en: 'The first letter was handed over on {date}.',
    },
    'estimated-from-sending': {
      it:
        'La data di ricevimento non è nota: i termini sono contati dall’invio ({date}), quindi sono la data più ' +
        'vicina possibile; la ricevuta di ritorno dà quella esatta.',
      en:
        'The date of receipt is not known: terms are counted from sending ({date}), so they are the earliest ' +
        'possible; the return receipt gives the exact one.',
    },
  } satisfies Record<ReceiptDateSource, Localized>,
  notDelivered: {
    it: 'La ricevuta PEC dice che la prima lettera non è stata consegnata.',
    en: 'The PEC receipt says that the first letter was not delivered.',
  },
  deadlinePassed: {
    it: 'Il termine di {days} giorni è scaduto il {date}.',
    en: 'The {days}-day term ran out on {date}.',
  },
  deadlineOpen: {
    it: 'Il termine di {days} giorni scade il {date}.',
    en: 'The {days}-day term runs out on {date}.',
  },
  prescriptionOpen: {
    it:
      'La prescrizione, interrotta dalla prima lettera, non matura prima del {date}; il sollecito la interrompe di ' +
      'nuovo.',
    en:
      'Prescription, interrupted by the first letter, does not run out before {date}; the reminder interrupts it ' +
      'again.',
  },
  prescribed: {
    it: 'Il diritto risulta prescritto: l’ultimo giorno utile era il {date}.',
    en: 'The claim appears time-barred: the last day was {date}.',
  },
  due: {
    it: 'Somma richiesta nella prima lettera: {total}.',
    en: 'Sum claimed in the first letter: {total}.',
  },
  offer: {
    it: 'Il gestore ha offerto {offer}: restano {remaining} che l’offerta non copre.',
    en: 'The provider offered {offer}: {remaining} remain that the offer does not cover.',
  },
  paid: {
    it: 'Il gestore ha pagato per intero: la pratica è chiusa.',
    en: 'The provider paid in full: the case is closed.',
  },
  interest: {
    it: 'Interessi legali dal ricevimento al {date}: {amount}.',
    en: 'Legal interest from receipt to {date}: {amount}.',
  },
  raccomandata: {
    it: 'Raccomandata n. {number}.',
    en: 'Raccomandata no. {number}.',
  },
} as const;
