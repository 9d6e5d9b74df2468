import type { Localized } from '../../core/i18n/language';
import type { MemberAction, MemberStatus, Outcome } from '../../core/campaign/member-events';
import type { FollowUpSkipReason } from './follow-ups';

/** Status names, as the pages, the register and the API's labels show them. */
export const STATUS_LABELS: Record<MemberStatus, Localized> = {
  'not-produced': { it: 'Lettera non prodotta', en: 'No letter produced' },
  'letter-ready': { it: 'Lettera pronta', en: 'Letter ready' },
  sent: { it: 'Inviata', en: 'Sent' },
  delivered: { it: 'Consegnata', en: 'Delivered' },
  reminded: { it: 'Sollecitata', en: 'Reminder sent' },
  replied: { it: 'Risposta ricevuta', en: 'Reply received' },
  paid: { it: 'Pagata', en: 'Paid' },
  'partially-paid': { it: 'Pagata in parte', en: 'Partly paid' },
  refused: { it: 'Respinta', en: 'Refused' },
};

export const ACTION_LABELS: Record<MemberAction, Localized> = {
  'to-send': { it: 'Da inviare', en: 'To send' },
  'awaiting-proof': { it: 'In attesa della prova di consegna', en: 'Awaiting proof of delivery' },
  'deadline-passed': { it: 'Termine scaduto senza risposta', en: 'Deadline passed, no reply' },
  'reply-to-review': { it: 'Risposta da esaminare', en: 'Reply to review' },
};

/** The words an outcomes file may use for each outcome (compared without case or accents). */
export const OUTCOME_WORDS: Record<Outcome, readonly string[]> = {
  paid: ['pagato', 'pagata', 'paid', 'rimborsato', 'rimborsata'],
  'partially-paid': ['parziale', 'pagato in parte', 'pagata in parte', 'partially-paid', 'partially paid', 'partial'],
  refused: ['respinto', 'respinta', 'rifiutato', 'rifiutata', 'refused', 'rejected'],
};

/** The column names a bulk file may use for each field (compared without case, spaces or accents). */
export const IMPORT_COLUMNS = {
  row: ['riga', 'row', 'n', 'n.', 'numero riga'],
  list: ['lista', 'list', 'elenco'],
  taxCode: ['codice fiscale', 'codice_fiscale', 'cf', 'tax code', 'taxcode'],
  number: ['numero raccomandata', 'raccomandata', 'numero', 'number', 'tracking'],
  deliveredOn: ['data consegna', 'consegnata il', 'consegna', 'delivered on', 'delivered'],
  outcome: ['esito', 'outcome'],
  amount: ['importo', 'amount', 'somma'],
  note: ['nota', 'note', 'note interne'],
} as const;

export const IMPORT_TEXTS = {
  noRows: { it: 'Il file non contiene righe.', en: 'The file has no rows.' },
  missingColumn: { it: 'Manca la colonna {column}.', en: 'The column {column} is missing.' },
  missingKey: {
    it: 'Indicare la riga del socio o il suo codice fiscale.',
    en: "Give the member's row or codice fiscale.",
  },
  badRow: { it: 'Numero di riga non valido.', en: 'Not a valid row number.' },
  unknownMember: { it: 'Nessun socio della campagna corrisponde.', en: 'No member of the campaign matches.' },
  ambiguous: {
    it: 'Più soci corrispondono (più liste): indicare anche la colonna lista.',
    en: 'More than one member matches (several lists): add the list column.',
  },
  badNumber: {
    it: 'Numero di raccomandata non valido (lettere, cifre e trattini, fino a 30).',
    en: 'Not a valid raccomandata number (letters, digits and dashes, up to 30).',
  },
  badDate: { it: 'Data non valida: usare gg/mm/aaaa.', en: 'Not a valid date: use dd/mm/yyyy.' },
  futureDate: { it: 'La data è nel futuro.', en: 'The date is in the future.' },
  badOutcome: {
    it: 'Esito non riconosciuto: pagato, pagato in parte o respinto.',
    en: 'Unknown outcome: paid, partially paid or refused.',
  },
  badAmount: { it: 'Importo non valido: ad esempio 1.234,56.', en: 'Not a valid amount: for example 1.234,56.' },
  amountNeeded: { it: 'Per un pagamento indicare l’importo.', en: 'A payment needs its amount.' },
  'no-letter': { it: 'Per questo socio non c’è una lettera.', en: 'This member has no letter.' },
  'already-produced': { it: 'La lettera di questo socio esiste già.', en: 'This member already has a letter.' },
  closed: {
    it: 'Lo stato del socio non consente questa registrazione.',
    en: "The member's status does not allow this.",
  },
  'unknown-member': { it: 'Nessun socio della campagna corrisponde.', en: 'No member of the campaign matches.' },
} satisfies Record<string, Localized>;

/** Why a PEC receipt file was not recorded, per reason. */
export const RECEIPT_IMPORT_TEXTS = {
  unreadable: { it: 'Non è una ricevuta PEC leggibile.', en: 'Not a readable PEC receipt.' },
  'signature-invalid': {
    it: 'La firma della ricevuta non corrisponde: è stata modificata.',
    en: "The receipt's signature does not match: it was changed.",
  },
  'no-match': {
    it: 'Nessuna lettera della campagna corrisponde (né l’impronta del PDF né l’identificativo del messaggio).',
    en: "No letter of the campaign matches (neither the PDF's fingerprint nor the message id).",
  },
  'not-delivered': { it: 'Mancata consegna: {reason}', en: 'Not delivered: {reason}' },
  'not-a-delivery': {
    it: 'Non è una ricevuta di consegna né di accettazione.',
    en: 'Neither a delivery nor an acceptance receipt.',
  },
  duplicate: { it: 'Ricevuta già registrata.', en: 'Receipt already recorded.' },
  'no-letter': IMPORT_TEXTS['no-letter'],
  closed: IMPORT_TEXTS.closed,
  'already-produced': IMPORT_TEXTS['already-produced'],
  'unknown-member': IMPORT_TEXTS['unknown-member'],
} satisfies Record<string, Localized>;

export const CAMPAIGN_TEXTS = {
  unknownCampaign: { it: 'Campagna non trovata.', en: 'Campaign not found.' },
  noFollowUps: {
    it: 'I documenti successivi (sollecito) non sono ancora disponibili in questa versione.',
    en: 'Follow-up documents (reminders) are not available in this version yet.',
  },
} satisfies Record<string, Localized>;

/** The register's columns (CSV export), in order. */
export const REGISTER_HEADERS = {
  list: { it: 'Lista', en: 'List' },
  row: { it: 'Riga', en: 'Row' },
  name: { it: 'Socio', en: 'Member' },
  taxCode: { it: 'Codice fiscale', en: 'Italian tax code (codice fiscale)' },
  mailbox: { it: 'Casella', en: 'Mailbox' },
  status: { it: 'Stato', en: 'State' },
  letterDate: { it: 'Data lettera', en: 'Letter date' },
  letterSha256: { it: 'SHA-256 lettera', en: 'Letter SHA-256' },
  sentVia: { it: 'Inviata con', en: 'Sent via' },
  sentReference: { it: 'Riferimento invio', en: 'Sending reference' },
  mailStatus: { it: 'Stato e-mail', en: 'E-mail status' },
  deliveredOn: { it: 'Consegnata il', en: 'Delivered on' },
  deliveryProof: { it: 'Prova di consegna', en: 'Proof of delivery' },
  deadline: { it: 'Termine', en: 'Deadline' },
  repliedOn: { it: 'Risposta il', en: 'Replied on' },
  followUps: { it: 'Solleciti', en: 'Reminders' },
  claimed: { it: 'Importo richiesto', en: 'Amount claimed' },
  outcome: { it: 'Esito', en: 'Outcome' },
  outcomeAmount: { it: 'Importo ottenuto', en: 'Amount obtained' },
} satisfies Record<string, Localized>;

/** Why a member got no follow-up document, as the report says it. */
export const FOLLOW_UP_SKIP_LABELS: Record<FollowUpSkipReason, Localized> = {
  'no-claim': {
    it:
      'Nessun dato della pratica conservato (socio registrato prima di questa versione): sollecito da preparare ' +
      'a mano',
    en: 'No case data kept (member recorded before this version): prepare the reminder by hand',
  },
  'no-legal-sending': {
    it: 'La diffida risulta inviata solo per e-mail, o l’invio non è registrato: servono PEC o raccomandata',
    en: 'The notice was only e-mailed, or its sending is not recorded: a PEC or raccomandata is needed',
  },
  'not-applicable': { it: 'Il sollecito non si applica', en: 'The reminder does not apply' },
  'invalid-claim': { it: 'I dati della pratica non sono più validi', en: 'The case data no longer validate' },
  'no-confirmed-address': { it: 'Nessun indirizzo e-mail confermato', en: 'No confirmed e-mail address' },
  'over-budget': { it: 'Limite di invii raggiunto', en: 'Sending limit reached' },
  refused: { it: 'Lo stato del socio è cambiato nel frattempo', en: 'The member’s state changed meanwhile' },
};

/** Why a member's address is not confirmed for a reminder by e-mail. */
export const FOLLOW_UP_MAIL_SKIP_TEXTS = {
  noAddress: { it: 'Il socio non ha un indirizzo e-mail.', en: 'The member has no e-mail address.' },
  letterNotMailed: {
    it: 'La diffida non è stata inviata per e-mail a questo indirizzo dalla campagna: l’indirizzo non è confermato.',
    en: 'The campaign did not e-mail the notice to this address: the address is not confirmed.',
  },
  letterNotSent: {
    it: 'La diffida a questo indirizzo non risulta ancora recapitata (in coda o non riuscita).',
    en: 'The notice to this address has not been delivered yet (queued or failed).',
  },
  overBudget: {
    it: 'Limite di invii raggiunto: riprovare più tardi.',
    en: 'Sending limit reached: try again later.',
  },
} satisfies Record<string, Localized>;

/** The columns of a follow-up ZIP's report.csv, in order. */
export const FOLLOW_UP_REPORT_HEADERS = {
  list: { it: 'Lista', en: 'List' },
  row: { it: 'Riga', en: 'Row' },
  name: { it: 'Socio', en: 'Member' },
  result: { it: 'Risultato', en: 'Result' },
  file: { it: 'Documento', en: 'Document' },
  deadline: { it: 'Nuovo termine', en: 'New deadline' },
  reason: { it: 'Motivo', en: 'Reason' },
} satisfies Record<string, Localized>;

export const FOLLOW_UP_RESULTS = {
  produced: { it: 'prodotto', en: 'produced' },
  queued: { it: 'in coda per e-mail', en: 'queued for e-mail' },
  skipped: { it: 'saltato', en: 'skipped' },
} satisfies Record<string, Localized>;
