import type { Catalog } from './catalog';

/** Words of the claim form. */
export const FORM_STRINGS: Catalog = {
  'form.title': { it: 'Prepara la tua diffida', en: 'Prepare your formal notice' },
  'form.intro': {
    it:
      'Reclamo verifica se puoi chiedere un indennizzo a Italiaonline S.p.A. ' +
      'per i disservizi di Libero Mail e Virgilio ' +
      'Mail del 2023, calcola quanto chiedere voce per voce e prepara la ' +
      'lettera formale (diffida e messa in mora) in PDF.',
    en:
      'Reclamo checks whether you can claim compensation from Italiaonline ' +
      'S.p.A. for the 2023 Libero Mail and Virgilio ' +
      'Mail outages, works out what to ask for line by line and prepares the ' +
      'formal letter (diffida e messa in mora) as a PDF.',
  },
  'form.notDo': {
    it:
      'Non è una consulenza legale e non invia nulla al posto tuo. I tuoi ' +
      'dati non vengono salvati: servono solo a comporre la lettera.',
    en:
      'It is not legal advice and sends nothing on your behalf. Your data is ' +
      'not stored: it is only used to write the letter.',
  },
  'form.time': {
    it: 'Servono circa 5 minuti. I campi sono obbligatori se non è indicato "facoltativo".',
    en: 'It takes about 5 minutes. Every field is required unless marked "optional".',
  },
  'form.optional': { it: '(facoltativo)', en: '(optional)' },
  'form.choose': { it: 'Scegli…', en: 'Choose…' },
  'form.submit': { it: 'Verifica e prepara la lettera', en: 'Check and prepare the letter' },

  'errors.title': { it: 'Ci sono dei problemi', en: 'There is a problem' },
  'errors.prefix': { it: 'Errore:', en: 'Error:' },
  'errors.pageTitle': { it: 'Errore', en: 'Error' },

  'claimant.legend': { it: 'I tuoi dati', en: 'About you' },
  'claimant.firstName': { it: 'Nome', en: 'First name' },
  'claimant.lastName': { it: 'Cognome', en: 'Last name' },
  'claimant.taxCode': { it: 'Codice fiscale', en: 'Italian tax code (codice fiscale)' },
  'claimant.taxCode.hint': {
    it: '16 caratteri, per esempio RSSMRA79B11C566R',
    en: '16 characters, for example RSSMRA79B11C566R',
  },
  'claimant.email': { it: 'E-mail per la risposta', en: 'E-mail for the reply' },
  'claimant.email.hint': {
    it: 'Un indirizzo che funziona anche se la casella Libero o Virgilio non va.',
    en: 'An address that works even when the Libero or Virgilio mailbox does not.',
  },
  'claimant.pec': { it: 'La tua PEC', en: 'Your PEC (certified e-mail)' },
  'claimant.phone': { it: 'Telefono', en: 'Phone' },
  'claimant.address.street': { it: 'Indirizzo (via e numero civico)', en: 'Street and number' },
  'claimant.address.postalCode': { it: 'CAP', en: 'Postcode (CAP)' },
  'claimant.address.city': { it: 'Comune', en: 'Town or city' },
  'claimant.address.province': { it: 'Provincia', en: 'Province' },
  'claimant.address.province.hint': { it: 'Sigla di 2 lettere, es. MI', en: '2-letter code, e.g. MI' },

  'account.legend': { it: 'La casella di posta', en: 'The mailbox' },
  'account.provider': { it: 'Servizio', en: 'Service' },
  'account.mailbox': { it: 'Indirizzo della casella colpita', en: 'Address of the affected mailbox' },
  'account.mailbox.hint': { it: 'Per esempio nome.cognome@libero.it', en: 'For example name.surname@libero.it' },
  'account.type': { it: 'Tipo di account', en: 'Type of account' },
  'account.type.free.detail': { it: 'Nessun canone pagato', en: 'No fee paid' },
  'account.type.paid.detail': { it: 'Un abbonamento Mail Plus o simile', en: 'A Mail Plus or similar subscription' },
  'account.type.business.detail': {
    it: "Usata per una professione o un'impresa",
    en: 'Used for a profession or a business',
  },
  'account.plan': { it: 'Piano', en: 'Plan' },
  'account.plan.hint': {
    it: 'Il canone annuo del piano è già indicato. Se non lo trovi, scrivi sotto quanto hai pagato.',
    en: "The plan's yearly fee is already filled in. If it is not listed, type below what you paid.",
  },
  'account.plan.option': { it: "{name} – {price} all'anno", en: '{name} – {price} a year' },
  'account.annualFee': { it: 'Canone annuo pagato, in euro', en: 'Yearly fee paid, in euros' },
  'account.annualFee.hint': {
    it: 'Solo se diverso da quello del piano. Es. 19,99',
    en: "Only if different from the plan's. E.g. 19.99",
  },
  'account.business.legend': { it: 'Solo per account business', en: 'Only for business accounts' },
  'account.companyName': { it: 'Ragione sociale o studio', en: 'Company or practice name' },
  'account.vatNumber': { it: 'Partita IVA', en: 'VAT number (partita IVA)' },
  'account.customerSince': { it: 'Cliente dal', en: 'Customer since' },
  'account.customerSince.hint': {
    it: 'Facoltativo: la data in cui hai attivato la casella o il primo abbonamento.',
    en: 'Optional: the day you opened the mailbox or took the first subscription.',
  },
  'account.customerNumber': { it: 'Codice cliente o numero di contratto', en: 'Customer or contract number' },
  'account.customerNumber.hint': {
    it: 'Facoltativo: come compare nelle e-mail o nelle fatture di Italiaonline (anche un numero d’ordine).',
    en: 'Optional: as it appears in Italiaonline’s e-mails or invoices (an order number will do).',
  },

  'outage.legend': { it: 'Il disservizio', en: 'The outage' },
  'outage.incidents': { it: 'Quali interruzioni hai subito?', en: 'Which outages affected you?' },
  'outage.incidents.hint': { it: 'Seleziona tutte quelle che valgono per te.', en: 'Select all that apply.' },
  'outage.custom': { it: 'Un altro periodo (indica le date)', en: 'Another period (give the dates)' },
  'outage.custom.detail': {
    it: 'Per esempio se la tua casella è tornata più tardi.',
    en: 'For example if your mailbox came back later.',
  },
  'custom.start': { it: 'Inizio del periodo', en: 'Start of the period' },
  'custom.end': { it: 'Fine del periodo', en: 'End of the period' },
  'custom.hint': {
    it: 'Data e ora italiana, es. 2023-06-14T08:00',
    en: 'Italian date and time, e.g. 2023-06-14T08:00',
  },
  'outage.severity': { it: "Com'è stato il disservizio?", en: 'How bad was the outage?' },

  'damages.legend': { it: 'Danni subiti', en: 'Damage suffered' },
  'damages.hint': {
    it:
      "Facoltativo. Una riga per ogni danno concreto, con l'importo. Tieni da " +
      'parte le prove (e-mail respinte, fatture, scadenze).',
    en:
      'Optional. One row for each concrete loss, with its amount. Keep the ' +
      'evidence (bounced e-mails, invoices, deadlines).',
  },
  'damages.row': { it: 'Danno {number}', en: 'Damage {number}' },
  'damages.kind': { it: 'Tipo di danno', en: 'Kind of damage' },
  'damages.description': { it: 'Cosa è successo', en: 'What happened' },
  'damages.amount': { it: 'Importo in euro', en: 'Amount in euros' },
  'damages.add': { it: 'Aggiungi un altro danno', en: 'Add another damage' },
  'damages.remove': { it: 'Rimuovi il danno {number}', en: 'Remove damage {number}' },

  'received.legend': { it: 'Ristoro già ricevuto', en: 'Compensation already received' },
  'received.hint': {
    it: 'Facoltativo. Se Italiaonline ti ha già dato qualcosa, indicalo: viene detratto da indennizzo e rimborso.',
    en:
      'Optional. If Italiaonline already gave you something, say so: it is ' +
      'deducted from the indemnity and the refund.',
  },
  'received.known': { it: 'Offerte note dopo gennaio 2023:', en: 'Known offers after January 2023:' },
  'compensationReceived.description': { it: 'Che cosa hai ricevuto', en: 'What you received' },
  'compensationReceived.amount': { it: 'Valore in euro', en: 'Value in euros' },
  'compensationReceived.amount.hint': { it: '0 se non ha un valore in denaro', en: '0 if it has no money value' },

  'letter.legend': { it: 'La lettera', en: 'The letter' },
  'letter.place': { it: 'Luogo', en: 'Place' },
  'letter.place.hint': {
    it: 'Dove firmi la lettera; se vuoto, il tuo comune.',
    en: 'Where you sign the letter; if empty, your town.',
  },
  'letter.date': { it: 'Data della lettera', en: 'Date of the letter' },
  'letter.date.hint': { it: 'Se vuota, oggi.', en: 'If empty, today.' },
  'letter.deadlineDays': { it: 'Giorni concessi per rispondere', en: 'Days given to answer' },
  'letter.deadlineDays.hint': {
    it: 'Da {min} a {max}; se vuoto, {default}.',
    en: 'From {min} to {max}; if empty, {default}.',
  },
  'letter.delivery': { it: 'Come la invierai', en: 'How you will send it' },
  'letter.delivery.hint': {
    it:
      'Una PEC ha valore legale solo se spedita dalla tua casella PEC. Se non scegli: PEC se hai indicato la tua ' +
      'PEC, altrimenti raccomandata A/R.',
    en:
      'A PEC has legal value only when sent from your own PEC mailbox. If you do not choose: PEC when you gave ' +
      'your PEC address, otherwise registered post with return receipt.',
  },
  'letter.language': { it: 'Lingua della lettera', en: 'Language of the letter' },
  'letter.language.hint': {
    it:
      'La lettera che si firma e si invia è sempre in italiano; con l’inglese il PDF aggiunge una traduzione di ' +
      'cortesia, solo per te.',
    en:
      'The letter you sign and send is always in Italian; with English the PDF adds a courtesy translation, for ' +
      'you only.',
  },
  'letter.termination': { it: 'Risoluzione del contratto', en: 'Termination of the contract' },
  'letter.termination.choice': {
    it: 'Chiedo anche la risoluzione del contratto e il rimborso del canone per il periodo non goduto',
    en: 'I also ask for termination of the contract and a refund of the fee for the unused period',
  },
  'letter.termination.hint': {
    it:
      'Facoltativo, solo per un abbonamento a pagamento. Il contratto non si scioglie da solo: serve l’accordo ' +
      'di Italiaonline o la decisione di un giudice.',
    en:
      'Optional, for a paid subscription only. The contract does not end by itself: it takes Italiaonline’s ' +
      'agreement or a court’s decision.',
  },

  'references.legend': { it: 'Riferimenti e pagamento', en: 'References and payment' },
  'references.hint': {
    it: 'Tutto facoltativo. Compaiono nella lettera come li scrivi e non finiscono mai nei registri del server.',
    en: 'All optional. They appear in the letter as you type them and never reach the server’s logs.',
  },
  'previousComplaints.0.reference': {
    it: 'Numero di una segnalazione già fatta (ticket)',
    en: 'Number of an earlier complaint (ticket)',
  },
  'previousComplaints.0.date': { it: 'Data della segnalazione', en: 'Date of that complaint' },
  'payment.iban': { it: 'IBAN su cui ricevere il pagamento', en: 'IBAN to be paid into' },
  'payment.iban.hint': {
    it: 'Per esempio IT60 X054 2811 1010 0000 0123 456: le cifre di controllo vengono verificate.',
    en: 'For example IT60 X054 2811 1010 0000 0123 456: the check digits are verified.',
  },
  'payment.holder': { it: 'Intestatario del conto', en: 'Account holder' },
  'payment.holder.hint': {
    it: 'Se vuoto, il tuo nome (o la società).',
    en: 'If empty, your name (or the company).',
  },

  'estimate.title': { it: 'Stima', en: 'Estimate' },
  'estimate.total': { it: 'Totale stimato: {total}', en: 'Estimated total: {total}' },
  'estimate.incomplete': {
    it: 'Completa servizio, tipo di account e disservizio per vedere la stima.',
    en: 'Fill in the service, account type and outage to see an estimate.',
  },
  'estimate.notEligible': {
    it: 'Con questi dati la richiesta non risulta fondata.',
    en: 'With these answers the claim does not look eligible.',
  },
};
