import type { Catalog } from './catalog';

/** Words of "Continue your claim": the follow-up form and its result. */
export const FOLLOWUP_STRINGS: Catalog = {
  'followup.title': { it: 'Prosegui il tuo reclamo', en: 'Continue your claim' },
  'followup.lead': {
    it:
      'Hai già inviato la diffida? Carica la lettera, di’ come e quando l’hai inviata e che cosa è successo: ti ' +
      'diciamo a che punto è il reclamo e prepariamo i documenti per il passo successivo.',
    en:
      'Already sent the formal notice? Upload the letter, say how and when you sent it and what happened: we tell ' +
      'you where your claim stands and prepare the documents for the next step.',
  },
  'followup.nothingStored': {
    it: 'Nulla viene conservato: i file caricati sono letti in memoria e dimenticati appena la pagina è pronta.',
    en: 'Nothing is stored: the files you upload are read in memory and forgotten as soon as the page is ready.',
  },
  'followup.case.legend': { it: 'La prima lettera', en: 'The first letter' },
  'followup.case': { it: 'Lettera in PDF o dati della pratica (JSON)', en: 'Letter PDF or case data (JSON)' },
  'followup.case.hint': {
    it:
      'Il file della diffida scaricato da Reclamo, oppure i dati della pratica in JSON (la richiesta inviata ' +
      'all’API).',
    en: 'The formal notice file downloaded from Reclamo, or the case data as JSON (the request sent to the API).',
  },
  'followup.letterSha256': { it: 'Impronta SHA-256 della lettera', en: 'SHA-256 fingerprint of the letter' },
  'followup.letterSha256.hint': {
    it:
      'Solo con i dati JSON: è scritta sotto il pulsante di download della lettera. Serve per controllare la ' +
      'ricevuta PEC.',
    en:
      'Only with the JSON data: it is shown under the letter’s download button. It is needed to check the PEC ' +
      'receipt.',
  },
  'followup.sent.legend': { it: 'Come l’hai inviata', en: 'How you sent it' },
  'followup.sent.method': { it: 'Mezzo di invio', en: 'Sent by' },
  'followup.sent.method.pec': { it: 'PEC', en: 'PEC (certified e-mail)' },
  'followup.sent.method.raccomandata': { it: 'Raccomandata A/R', en: 'Registered letter with return receipt' },
  'followup.sent.method.hand': { it: 'Consegna a mano', en: 'By hand' },
  'followup.sent.on': { it: 'Data di invio', en: 'Date sent' },
  'followup.sent.raccomandataNumber': { it: 'Numero della raccomandata', en: 'Raccomandata number' },
  'followup.sent.raccomandataNumber.hint': {
    it: 'Come stampato sulla ricevuta di spedizione: lo riportiamo così com’è.',
    en: 'As printed on the posting receipt: we copy it exactly as given.',
  },
  'followup.receipt': { it: 'Ricevuta PEC di consegna (.eml)', en: 'PEC delivery receipt (.eml)' },
  'followup.receipt.hint': {
    it:
      'Solo per l’invio via PEC: salva la ricevuta dalla tua casella PEC come file .eml. Controlliamo che contenga ' +
      'proprio la tua lettera.',
    en:
      'Only when sent by PEC: save the receipt from your PEC mailbox as an .eml file. We check that it holds exactly ' +
      'your letter.',
  },
  'followup.receivedOn': { it: 'Data di ricevimento, se la conosci', en: 'Date received, if you know it' },
  'followup.receivedOn.hint': {
    it: 'Dall’avviso di ricevimento della raccomandata. Con una ricevuta PEC di consegna vale la data della ricevuta.',
    en: 'From the raccomandata’s return receipt. With a PEC delivery receipt, the receipt’s date counts.',
  },
  'followup.outcome.legend': { it: 'Che cosa è successo', en: 'What happened' },
  'followup.outcome': { it: 'Risposta del gestore', en: 'The provider’s answer' },
  'followup.outcome.no-reply': { it: 'Nessuna risposta', en: 'No reply' },
  'followup.outcome.refused': { it: 'Ha rifiutato', en: 'Refused' },
  'followup.outcome.partial': { it: 'Ha offerto una parte', en: 'Offered part of it' },
  'followup.outcome.paid': { it: 'Ha pagato per intero', en: 'Paid in full' },
  'followup.replyOn': { it: 'Data della risposta', en: 'Date of the answer' },
  'followup.offer.amount': { it: 'Somma offerta (€)', en: 'Sum offered (€)' },
  'followup.offer.amount.hint': {
    it: 'Solo se il gestore ha offerto una parte.',
    en: 'Only if the provider offered part of it.',
  },
  'followup.offer.description': { it: 'Che cosa ha offerto', en: 'What it offered' },
  'followup.submit': { it: 'Verifica e prepara i documenti', en: 'Check and prepare the documents' },
  'followup.result.title': { it: 'A che punto è il reclamo', en: 'Where your claim stands' },
  'followup.result.receipt': { it: 'La ricevuta PEC', en: 'The PEC receipt' },
  'followup.result.documents': { it: 'Documenti per il passo successivo', en: 'Documents for the next step' },
  'followup.result.none': {
    it: 'Per ora nessun documento si applica.',
    en: 'No document applies for now.',
  },
  'followup.result.notApplicable': { it: 'Documenti che non si applicano', en: 'Documents that do not apply' },
  'followup.result.download': { it: 'Scarica {file}', en: 'Download {file}' },
  'followup.result.calendar': {
    it: 'Aggiungi al calendario la scadenza del sollecito (scadenza.ics)',
    en: 'Add the reminder’s deadline to your calendar (scadenza.ics)',
  },
  'followup.result.again': { it: 'Ricomincia con un’altra lettera', en: 'Start again with another letter' },
  'followup.result.disclaimer': {
    it: 'Documenti da controllare prima di firmarli e inviarli: non sono una consulenza legale.',
    en: 'Documents to check before you sign and send them: this is not legal advice.',
  },
  'followup.field.case': { it: 'Lettera o dati della pratica', en: 'Letter or case data' },
};
