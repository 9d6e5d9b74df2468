import type { Catalog } from './catalog';

/** Words of "send by e-mail" on the result page, the page after sending, and the local outbox page. */
export const MAIL_STRINGS: Catalog = {
  'mail.title': { it: 'Inviare la lettera per e-mail', en: 'Send the letter by e-mail' },
  'mail.recipients': { it: 'A chi inviarla', en: 'Who receives it' },
  'mail.recipients.hint': {
    it: 'Solo a questi indirizzi: non è possibile scriverne un altro.',
    en: 'Only to these addresses: another one cannot be typed in.',
  },
  'mail.confirm.note': {
    it:
      'Prima ti inviamo un codice di 6 cifre all’indirizzo e-mail indicato nel modulo. La lettera, e la copia al ' +
      'fornitore se la scegli, partono solo dopo che hai inserito il codice: così nessuno può far spedire lettere ' +
      'a un indirizzo che non è suo.',
    en:
      'First we send a 6-digit code to the e-mail address given in the form. The letter, and the copy to the ' +
      'provider if you choose it, leave only after you have typed the code in: so nobody can have letters sent ' +
      'to an address that is not theirs.',
  },
  'mail.confirm.title': { it: 'Conferma il tuo indirizzo e-mail', en: 'Confirm your e-mail address' },
  'mail.confirm.lead.queued': {
    it: 'Abbiamo inviato un codice di 6 cifre a {address}. La lettera parte solo dopo che lo inserisci qui sotto.',
    en: 'We have sent a 6-digit code to {address}. The letter leaves only after you type it in below.',
  },
  'mail.confirm.lead.already-queued': {
    it: 'Il codice è in arrivo a {address}. La lettera parte solo dopo che lo inserisci qui sotto.',
    en: 'The code is on its way to {address}. The letter leaves only after you type it in below.',
  },
  'mail.confirm.lead.already-sent': {
    it:
      'Il codice è già stato inviato a {address}: cercalo anche nella posta indesiderata. La lettera parte solo ' +
      'dopo che lo inserisci qui sotto.',
    en:
      'The code has already been sent to {address}: look in the spam folder too. The letter leaves only after you ' +
      'type it in below.',
  },
  'mail.confirm.lead.requeued': {
    it: 'Il primo invio del codice a {address} non era riuscito: lo inviamo di nuovo. Inseriscilo qui sotto.',
    en: 'The first attempt to send the code to {address} failed: we are sending it again. Type it in below.',
  },
  'mail.confirm.lead.retry': {
    it: 'Inserisci il codice di 6 cifre inviato a {address}.',
    en: 'Type in the 6-digit code sent to {address}.',
  },
  'mail.confirm.expires': {
    it: 'Il codice vale fino al {expiresAt}, solo per questa lettera e per i destinatari scelti.',
    en: 'The code is valid until {expiresAt}, only for this letter and the recipients chosen.',
  },
  'mail.confirm.code': { it: 'Codice di conferma', en: 'Confirmation code' },
  'mail.confirm.code.hint': {
    it: 'Le 6 cifre del messaggio “Reclamo: il codice per confermare il tuo indirizzo e-mail”.',
    en: 'The 6 digits of the message “Reclamo: the code to confirm your e-mail address”.',
  },
  'mail.confirm.submit': { it: 'Conferma e invia la lettera', en: 'Confirm and send the letter' },
  'mail.confirm.again': { it: 'Invia di nuovo il codice', en: 'Send the code again' },
  'mail.confirm.missing': {
    it: 'Inserisci le 6 cifre del codice ricevuto per e-mail.',
    en: 'Type the 6 digits of the code received by e-mail.',
  },
  'mail.confirm.wrong': {
    it: 'Il codice non è giusto o è scaduto: controlla l’ultimo messaggio ricevuto, oppure chiedi un nuovo codice.',
    en: 'The code is wrong or has expired: check the latest message received, or ask for a new code.',
  },
  'mail.toClaimant': { it: 'Una copia a me', en: 'A copy to me' },
  'mail.toClaimant.detail': {
    it: "All'indirizzo e-mail indicato nel modulo, dopo la conferma con il codice.",
    en: 'To the e-mail address given in the form, once confirmed with the code.',
  },
  'mail.toProvider': { it: 'Al fornitore', en: 'To the provider' },
  'mail.toProvider.detail': {
    it: "All'indirizzo per i reclami configurato su questo server: {addresses}.",
    en: 'To the complaint address configured on this server: {addresses}.',
  },
  'mail.toProvider.none': {
    it:
      'Nessun indirizzo del fornitore è configurato su questo server: la ' +
      'lettera al fornitore va inviata personalmente.',
    en: 'No provider address is configured on this server: the letter to the provider must be sent by you.',
  },
  'mail.pec.title': { it: "Un'e-mail non è una PEC", en: 'An e-mail is not a PEC' },
  'mail.pec.body': {
    it:
      'Una PEC ha valore legale solo se spedita dalla propria casella PEC. ' +
      'Per inviare la diffida con valore legale scarica il PDF, firmalo e ' +
      "invialo dalla tua PEC all'indirizzo PEC del fornitore, oppure per " +
      'raccomandata A/R.',
    en:
      'A PEC has legal value only when sent from your own PEC mailbox. To ' +
      'send the notice with legal value, download the PDF, sign it and send ' +
      "it from your PEC to the provider's PEC address, or by registered " +
      'letter with return receipt.',
  },
  'mail.pec.download': { it: 'Scarica il PDF da inviare dalla tua PEC', en: 'Download the PDF to send from your PEC' },
  'mail.local': {
    it:
      'Su questo server le e-mail non partono: sono scritte nella posta in ' +
      'uscita locale, visibile alla pagina /outbox.',
    en: 'On this server e-mails are not sent: they are written to the local outbox, shown at /outbox.',
  },
  'mail.submit': { it: 'Invia per e-mail', en: 'Send by e-mail' },
  'mail.sent.title': { it: 'Invio per e-mail', en: 'Sending by e-mail' },
  'mail.sent.lead': {
    it: 'La lettera (SHA-256 {sha256}) è in coda per l’invio:',
    en: 'The letter (SHA-256 {sha256}) is queued for sending:',
  },
  'mail.sent.kind.claimant': { it: 'Copia a te', en: 'Copy to you' },
  'mail.sent.kind.provider': { it: 'Fornitore', en: 'Provider' },
  'mail.status.queued': { it: 'in coda, sarà inviata a breve', en: 'queued, it will be sent shortly' },
  'mail.status.already-queued': {
    it: 'già in coda: non viene inviata una seconda volta',
    en: 'already queued: it is not sent a second time',
  },
  'mail.status.already-sent': {
    it: 'già inviata: non viene inviata di nuovo',
    en: 'already sent: it is not sent again',
  },
  'mail.status.requeued': {
    it: "l'invio precedente non era riuscito: di nuovo in coda",
    en: 'the earlier attempt failed: queued again',
  },
  'mail.sent.local': { it: 'Apri la posta in uscita locale', en: 'Open the local outbox' },
  'mail.back': { it: 'Torna al risultato', en: 'Back to the result' },
  'mail.problem.title': { it: 'La lettera non è stata inviata', en: 'The letter was not sent' },
  'mail.problem.no-recipient': { it: 'Scegli almeno un destinatario.', en: 'Choose at least one recipient.' },
  'mail.problem.provider-not-configured': {
    it:
      'Su questo server non è configurato un indirizzo per i reclami a questo ' +
      'fornitore: invia la lettera personalmente, ad esempio dalla tua PEC.',
    en:
      'This server has no complaint address configured for this provider: ' +
      'send the letter yourself, for example from your PEC.',
  },
  'mail.problem.invalid': {
    it: 'Le risposte non sono più valide: correggile e riprova.',
    en: 'The answers are no longer valid: correct them and try again.',
  },
  'mail.problem.not-eligible': {
    it: 'La richiesta non risulta fondata: non c’è una lettera da inviare.',
    en: 'The claim does not look eligible: there is no letter to send.',
  },
  'mail.change': { it: 'Modifica le risposte', en: 'Change your answers' },
  'batch.send.legend': { it: 'Invio per e-mail', en: 'Sending by e-mail' },
  'batch.send': { it: 'Inviare anche per e-mail ogni lettera pronta?', en: 'Also e-mail each letter that is ready?' },
  'batch.send.hint': {
    it:
      'Un messaggio per destinatario, con la lettera in PDF; il report avrà ' +
      'una colonna e-mail. Una lettera già inviata non parte una seconda ' +
      'volta.',
    en:
      'One message per recipient with the PDF letter; the report gains an ' +
      'e-mail column. A letter already sent is not sent a second time.',
  },
  'batch.send.none': { it: 'No, solo il file ZIP', en: 'No, only the ZIP file' },
  'batch.send.member': { it: 'A ogni socio (al suo indirizzo e-mail)', en: 'To each member (at their e-mail address)' },
  'batch.send.provider': {
    it: 'Al fornitore (indirizzi per i reclami configurati)',
    en: 'To the provider (the configured complaint addresses)',
  },
  'batch.send.both': { it: 'A entrambi', en: 'To both' },
  'outbox.title': { it: 'Posta in uscita locale', en: 'Local outbox' },
  'outbox.lead': {
    it:
      'SMTP_URL non è configurato: ogni messaggio è scritto come file .eml in ' +
      '{dir} invece di essere inviato. Qui trovi esattamente ciò che verrebbe ' +
      'spedito.',
    en:
      'SMTP_URL is not configured: every message is written as an .eml file ' +
      'to {dir} instead of being sent. Here is exactly what would be sent.',
  },
  'outbox.counts': {
    it: 'In coda {queued} · in invio {sending} · scritti {sent} · non riusciti {failed}',
    en: 'Queued {queued} · sending {sending} · written {sent} · failed {failed}',
  },
  'outbox.empty': {
    it: 'Nessun messaggio per ora: invia una lettera per e-mail dalla pagina del risultato.',
    en: 'No message yet: send a letter by e-mail from the result page.',
  },
  'outbox.file': { it: 'File', en: 'File' },
  'outbox.written': { it: 'Scritto il', en: 'Written on' },
  'outbox.size': { it: 'Dimensione', en: 'Size' },
  'outbox.open': { it: 'Apri', en: 'Open' },
  'outbox.download': { it: 'Scarica .eml', en: 'Download .eml' },
};
