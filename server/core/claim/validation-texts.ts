import type { Localized } from '../i18n/language';

/** Every message a user can get for an invalid field, in every language. `{x}` are parameters. */
export const VALIDATION_MESSAGES = {
  required: { it: 'Campo obbligatorio.', en: 'This field is required.' },
  type: { it: 'Valore non valido: è atteso {expected}.', en: 'Invalid value: {expected} expected.' },
  tooShort: { it: 'Troppo corto: almeno {minimum} caratteri.', en: 'Too short: at least {minimum} characters.' },
  tooLong: { it: 'Troppo lungo: al massimo {maximum} caratteri.', en: 'Too long: at most {maximum} characters.' },
  tooFewItems: { it: 'Indicare almeno {minimum} elemento.', en: 'Give at least {minimum} item.' },
  tooManyItems: { it: 'Al massimo {maximum} elementi.', en: 'At most {maximum} items.' },
  numberRange: {
    it: 'Deve essere un numero intero tra {minimum} e {maximum}.',
    en: 'Must be a whole number from {minimum} to {maximum}.',
  },
  choice: { it: 'Valore non ammesso: scegliere tra {options}.', en: 'Value not allowed: choose one of {options}.' },
  unknownField: { it: 'Campo non previsto.', en: 'Unknown field.' },
  invalid: { it: 'Valore non valido.', en: 'Invalid value.' },
  'body.object': {
    it: 'Il corpo della richiesta deve essere un oggetto JSON.',
    en: 'The request body must be a JSON object.',
  },
  'text.control': {
    it: 'Contiene caratteri non ammessi (di controllo o invisibili).',
    en: 'Contains characters that are not allowed (control or invisible ones).',
  },
  'text.marks': {
    it: 'Troppi segni diacritici sulla stessa lettera.',
    en: 'Too many accents or marks on one letter.',
  },
  'text.formula': {
    it: 'Non può iniziare con =, +, - o @.',
    en: 'Must not start with =, +, - or @.',
  },
  'name.letters': {
    it: 'Usare solo lettere, spazi, apostrofi, trattini e punti.',
    en: 'Use only letters, spaces, apostrophes, hyphens and dots.',
  },
  'taxCode.format': {
    it: 'Codice fiscale non valido: servono 16 caratteri nel formato RSSMRA79B11C566R.',
    en: 'Invalid codice fiscale: 16 characters in the form RSSMRA79B11C566R are expected.',
  },
  'taxCode.checkLetter': {
    it:
      'Codice fiscale non valido: il carattere di controllo non corrisponde. ' +
      'Verificare di averlo copiato senza errori.',
    en: 'Invalid codice fiscale: the check character does not match. Check that it was copied without mistakes.',
  },
  'taxCode.company': {
    it: 'Indicare il codice fiscale della persona (16 caratteri), non quello di una società.',
    en: "Give the person's codice fiscale (16 characters), not a company's.",
  },
  'vatNumber.format': {
    it: 'Partita IVA non valida: servono 11 cifre.',
    en: 'Invalid partita IVA: 11 digits are expected.',
  },
  'vatNumber.office': {
    it: "Partita IVA non valida: il codice dell'ufficio (cifre 8–10) non esiste.",
    en: 'Invalid partita IVA: the office code (digits 8–10) does not exist.',
  },
  'vatNumber.checkDigit': {
    it: 'Partita IVA non valida: la cifra di controllo non corrisponde.',
    en: 'Invalid partita IVA: the check digit does not match.',
  },
  'email.format': { it: 'Indirizzo e-mail non valido.', en: 'Invalid e-mail address.' },
  'phone.format': { it: 'Numero di telefono non valido.', en: 'Invalid phone number.' },
  'postalCode.format': { it: 'Il CAP è formato da 5 cifre.', en: 'The postal code (CAP) has 5 digits.' },
  'province.format': {
    it: 'Indicare la sigla della provincia, 2 lettere (es. MI).',
    en: 'Give the 2-letter province code (e.g. MI).',
  },
  'money.format': {
    it: 'Importo non valido: scrivere ad esempio 1234,56 oppure 1.234,56.',
    en: 'Invalid amount: write it as, for example, 1234.56 or 1.234,56.',
  },
  'money.decimals': { it: 'Al massimo due decimali.', en: 'At most two decimals.' },
  'money.negative': { it: "L'importo non può essere negativo.", en: 'The amount cannot be negative.' },
  'money.tooLarge': { it: 'Importo troppo alto.', en: 'Amount too large.' },
  'money.zero': { it: "L'importo deve essere maggiore di zero.", en: 'The amount must be greater than zero.' },
  'datetime.format': {
    it: 'Data e ora non valide: usare il formato AAAA-MM-GGTHH:mm (es. 2023-01-22T22:00).',
    en: 'Invalid date and time: use the form YYYY-MM-DDTHH:mm (e.g. 2023-01-22T22:00).',
  },
  'datetime.invalid': { it: 'Questa data non esiste.', en: 'This date does not exist.' },
  'datetime.nonexistent': {
    it: "Quest'ora non esiste in Italia (passaggio all'ora legale): indicare un'ora successiva.",
    en: 'This time does not exist in Italy (clocks go forward): give a later time.',
  },
  'date.format': { it: 'Data non valida: usare il formato AAAA-MM-GG.', en: 'Invalid date: use the form YYYY-MM-DD.' },
  'outage.customNeedsDates': {
    it: 'Per un periodo personalizzato indicare inizio e fine.',
    en: 'A custom period needs a start and an end.',
  },
  'outage.bothDates': {
    it: "Indicare sia l'inizio sia la fine, oppure nessuno dei due per usare le date note.",
    en: 'Give both the start and the end, or neither to use the known dates.',
  },
  'outage.endBeforeStart': { it: "La fine deve essere successiva all'inizio.", en: 'The end must be after the start.' },
  'outage.tooLong': {
    it: 'Un periodo non può superare {maximum} giorni.',
    en: 'A period cannot be longer than {maximum} days.',
  },
  'account.feeRequired': {
    it: 'Per un account a pagamento o business indicare il canone annuo o un piano a pagamento.',
    en: 'For a paid or business account give the annual fee or a paid plan.',
  },
  'account.companyRequired': { it: 'Indicare la ragione sociale.', en: 'Give the company name.' },
  'account.vatRequired': { it: 'Indicare la partita IVA della società.', en: "Give the company's partita IVA." },
  'account.businessPlanRequired': {
    it: 'Per un account business indicare il piano (anche gratuito) o il canone annuo.',
    en: 'For a business account give the plan (a free one too) or the annual fee.',
  },
  'account.planNotYetSold': {
    it: 'Il piano {plan} è in vendita solo dal {date}: non poteva coprire il periodo n. {index}.',
    en: 'The {plan} plan has been sold only since {date}: it cannot have covered period no. {index}.',
  },
  'account.customerAfterOutage': {
    it: 'La data «cliente dal» ({date}) è successiva alla fine del periodo n. {index}.',
    en: 'The "customer since" date ({date}) is after the end of period no. {index}.',
  },
  'association.business': {
    it:
      'Un’associazione di consumatori agisce per i consumatori: la diffida di un account business va inviata ' +
      'dalla società stessa, tramite il suo legale rappresentante.',
    en:
      'A consumer association acts for consumers: the letter for a business account is to be sent by the ' +
      'company itself, through its legal representative.',
  },
  'letter.deadlinePassed': {
    it: 'Con questa data il termine di {days} giorni sarebbe già scaduto il {deadline}: indicare una data più recente.',
    en: 'With this date the {days}-day term would already have ended on {deadline}: give a later date.',
  },
  'letter.terminationNeedsFee': {
    it: 'La risoluzione con rimborso del canone si chiede solo per un abbonamento a pagamento.',
    en: 'Termination with a refund of the fee can be asked only for a paid subscription.',
  },
  'iban.format': {
    it:
      'IBAN non valido: due lettere del paese, due cifre di controllo e il numero del conto ' +
      '(es. IT60X0542811101000000123456).',
    en:
      'Invalid IBAN: two country letters, two check digits and the account number ' +
      '(e.g. IT60X0542811101000000123456).',
  },
  'iban.length': {
    it: 'IBAN non valido: la lunghezza non è quella prevista per il paese (27 caratteri per l’Italia).',
    en: 'Invalid IBAN: the length is not the one of its country (27 characters for Italy).',
  },
  'iban.checkDigits': {
    it: 'IBAN non valido: le cifre di controllo non corrispondono. Verificare di averlo copiato senza errori.',
    en: 'Invalid IBAN: the check digits do not match. Check that it was copied without mistakes.',
  },
  'account.planUnknown': {
    it: 'Piano sconosciuto: scegliere tra {options}.',
    en: 'Unknown plan: choose one of {options}.',
  },
  'followup.offerRequired': {
    it: 'Per una proposta parziale indicare l’importo offerto.',
    en: 'For a partial offer give the amount offered.',
  },
  'followup.offerOnlyPartial': {
    it: 'L’importo offerto si indica solo per una proposta parziale.',
    en: 'An amount offered goes with a partial offer only.',
  },
  'followup.offerTooHigh': {
    it:
      'L’offerta ({offer}) non è inferiore alla somma richiesta ({total}): in tal caso scegliere «pagato per ' +
      'intero».',
    en: 'The offer ({offer}) is not below the sum claimed ({total}): choose "paid in full" instead.',
  },
  'followup.receivedBeforeSent': {
    it: 'La data di ricevimento non può precedere quella di invio.',
    en: 'The date of receipt cannot be before the date it was sent.',
  },
  'followup.sentBeforeLetter': {
    it: 'La lettera non può essere stata inviata prima della sua data ({date}).',
    en: 'The letter cannot have been sent before its date ({date}).',
  },
  'followup.dateInFuture': {
    it: 'La data non può essere successiva a oggi.',
    en: 'The date cannot be after today.',
  },
  'followup.raccomandataOnly': {
    it: 'Il numero di raccomandata si indica solo per l’invio con raccomandata.',
    en: 'A raccomandata number goes with sending by raccomandata only.',
  },
  'followup.letterDateMissing': {
    it: 'La pratica deve indicare la data della prima lettera (claim.letter.date).',
    en: 'The case must give the first letter’s date (claim.letter.date).',
  },
  'followup.sha256': {
    it: 'Impronta SHA-256 non valida: 64 cifre esadecimali.',
    en: 'Invalid SHA-256 fingerprint: 64 hexadecimal digits.',
  },
  'followup.receiptNeedsPec': {
    it: 'Una ricevuta PEC si allega solo per l’invio via PEC.',
    en: 'A PEC receipt goes with sending by PEC only.',
  },
} satisfies Record<string, Localized>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function isValidationMessageKey(key: string): key is ValidationMessageKey {
  return Object.prototype.hasOwnProperty.call(VALIDATION_MESSAGES, key);
}

/** How a message names the type a field expects ("expected a number"). */
export const TYPE_NAMES: Record<string, Localized> = {
  string: { it: 'un testo', en: 'a text' },
  number: { it: 'un numero', en: 'a number' },
  object: { it: 'un oggetto', en: 'an object' },
  array: { it: 'un elenco', en: 'a list' },
  boolean: { it: 'vero o falso', en: 'true or false' },
};
