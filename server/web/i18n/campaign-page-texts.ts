import type { Catalog } from './catalog';

/** The campaign pages (GET /campaigns, /campaigns/{id}, a member, the imports) and the privacy note. */
export const CAMPAIGN_STRINGS: Catalog = {
  'campaign.nav.campaigns': { it: 'Campagne', en: 'Campaigns' },
  'campaign.nav.batches': { it: 'Lotti', en: 'Batches' },
  'campaign.list.title': { it: 'Campagne dell’associazione', en: 'The association’s campaigns' },
  'campaign.list.intro': {
    it:
      'Una campagna segue ogni socio dalla diffida all’esito: elenchi dei ' +
      'soci, prove di consegna, risposte, pagamenti e solleciti, con il ' +
      'registro di ogni evento.',
    en:
      'A campaign follows every member from the letter to the outcome: ' +
      'member lists, proofs of delivery, replies, payments and reminders, ' +
      'with a log of every event.',
  },
  'campaign.list.none': { it: 'Nessuna campagna per ora.', en: 'No campaign yet.' },
  'campaign.list.name': { it: 'Campagna', en: 'Campaign' },
  'campaign.list.association': { it: 'Associazione', en: 'Association' },
  'campaign.list.created': { it: 'Creata il', en: 'Created on' },
  'campaign.list.retention': { it: 'Conservazione', en: 'Retention' },
  'campaign.months': { it: '{months} mesi', en: '{months} months' },
  'campaign.form.title': { it: 'Nuova campagna', en: 'New campaign' },
  'campaign.form.name': { it: 'Nome della campagna', en: 'Name of the campaign' },
  'campaign.form.name.hint': {
    it: 'Ad esempio «Libero e Virgilio, gennaio 2023».',
    en: 'For example «Libero and Virgilio, January 2023».',
  },
  'campaign.form.association': { it: 'L’associazione', en: 'The association' },
  'campaign.form.association.hint': {
    it:
      'Ogni lettera è inviata dall’associazione in nome e per conto del ' +
      'socio; l’associazione è anche titolare del trattamento dei dati dei ' +
      'soci.',
    en:
      'Every letter is sent by the association in the name and on behalf of ' +
      'the member; the association is also the controller of the members’ ' +
      'data.',
  },
  'campaign.form.retention': { it: 'Conservazione dei dati (mesi)', en: 'Data retention (months)' },
  'campaign.form.retention.hint': {
    it:
      'I dati di ogni socio sono cancellati questo numero di mesi dopo ' +
      'l’ultimo evento registrato (da {min} a {max}).',
    en: 'Each member’s data is deleted this many months after the last event recorded ({min} to {max}).',
  },
  'campaign.form.deadlineDays.hint': {
    it: 'Se vuoto, il termine delle regole ({days} giorni).',
    en: 'If empty, the rules’ term ({days} days).',
  },
  'campaign.form.submit': { it: 'Crea la campagna', en: 'Create the campaign' },

  'campaign.dashboard.controller': { it: 'Titolare del trattamento: {name}', en: 'Data controller: {name}' },
  'campaign.dashboard.retention': {
    it: 'Dati dei soci conservati {months} mesi dopo l’ultimo evento.',
    en: 'Member data kept {months} months after the last event.',
  },
  'campaign.dashboard.created': { it: 'Campagna creata.', en: 'Campaign created.' },
  'campaign.dashboard.deleted': {
    it: 'I dati del socio sono stati cancellati.',
    en: 'The member’s data has been deleted.',
  },
  'campaign.figures.title': { it: 'In cifre', en: 'Figures' },
  'campaign.figures.members': { it: 'Soci', en: 'Members' },
  'campaign.figures.claimed': { it: 'Importo richiesto', en: 'Amount claimed' },
  'campaign.figures.recovered': { it: 'Importo ottenuto', en: 'Amount obtained' },
  'campaign.figures.byStatus': { it: 'Per stato', en: 'By state' },
  'campaign.figures.byAction': { it: 'Da fare', en: 'To do' },
  'campaign.figures.count': { it: 'Soci', en: 'Members' },
  'campaign.figures.show': { it: 'Mostra', en: 'Show' },
  'campaign.figures.showNamed': { it: 'Mostra: {label}', en: 'Show: {label}' },
  'campaign.chart.title': { it: 'Lettere e consegne nel tempo', en: 'Letters and deliveries over time' },
  'campaign.chart.empty': {
    it: 'Ancora nessuna lettera: il grafico compare con il primo elenco.',
    en: 'No letter yet: the chart appears with the first list.',
  },
  'campaign.chart.desc': {
    it: 'Lettere datate e consegne provate per {unit}, dal {from} al {to}: {letters} lettere, {deliveries} consegne.',
    en:
      'Letters dated and deliveries proved per {unit}, from {from} to {to}: ' +
      '{letters} letters, {deliveries} deliveries.',
  },
  'campaign.chart.unit.day': { it: 'giorno', en: 'day' },
  'campaign.chart.unit.week': { it: 'settimana', en: 'week' },
  'campaign.chart.unit.month': { it: 'mese', en: 'month' },
  'campaign.chart.letters': { it: 'Lettere', en: 'Letters' },
  'campaign.chart.deliveries': { it: 'Consegne', en: 'Deliveries' },
  'campaign.chart.period': { it: 'Periodo', en: 'Period' },
  'campaign.chart.table': { it: 'Le stesse cifre in tabella', en: 'The same figures as a table' },
  'campaign.chart.bar': { it: '{label}, {period}: {count}', en: '{label}, {period}: {count}' },
  'campaign.lists.title': { it: 'Elenchi dei soci', en: 'Member lists' },
  'campaign.lists.none': { it: 'Nessun elenco ancora.', en: 'No list yet.' },
  'campaign.lists.number': { it: 'Elenco', en: 'List' },
  'campaign.lists.added': { it: 'Aggiunto il', en: 'Added on' },
  'campaign.lists.batch': { it: 'Avanzamento e resoconto', en: 'Progress and report' },
  'campaign.members.title': { it: 'I soci', en: 'The members' },
  'campaign.members.filters': { it: 'Filtra', en: 'Filter' },
  'campaign.members.status': { it: 'Stato', en: 'State' },
  'campaign.members.action': { it: 'Da fare', en: 'To do' },
  'campaign.members.list': { it: 'Elenco', en: 'List' },
  'campaign.members.any': { it: 'Tutti', en: 'All' },
  'campaign.members.apply': { it: 'Applica i filtri', en: 'Apply the filters' },
  'campaign.members.clear': { it: 'Togli i filtri', en: 'Clear the filters' },
  'campaign.members.none': { it: 'Nessun socio corrisponde.', en: 'No member matches.' },
  'campaign.members.count': {
    it: '{total} soci; dal {first} al {last}.',
    en: '{total} members; {first} to {last}.',
  },
  'campaign.members.row': { it: 'Riga', en: 'Row' },
  'campaign.members.name': { it: 'Socio', en: 'Member' },
  'campaign.members.letterDate': { it: 'Data lettera', en: 'Letter date' },
  'campaign.members.deadline': { it: 'Termine', en: 'Deadline' },
  'campaign.members.open': { it: 'Dettagli di {name}', en: 'Details of {name}' },
  'campaign.pages.label': { it: 'Pagine dei soci', en: 'Member pages' },
  'campaign.pages.first': { it: 'Prima', en: 'First' },
  'campaign.pages.previous': { it: 'Precedente', en: 'Previous' },
  'campaign.pages.next': { it: 'Successiva', en: 'Next' },
  'campaign.pages.last': { it: 'Ultima', en: 'Last' },
  'campaign.pages.current': { it: 'Pagina {page} di {pages}', en: 'Page {page} of {pages}' },
  'campaign.register.title': { it: 'Registro', en: 'Register' },
  'campaign.register.csv': { it: 'Scarica il registro (CSV per Excel)', en: 'Download the register (CSV for Excel)' },
  'campaign.register.json': { it: 'Scarica il registro (JSON)', en: 'Download the register (JSON)' },

  'campaign.work.title': { it: 'Lavoro in blocco', en: 'Bulk work' },
  'campaign.upload.title': { it: 'Aggiungi un elenco di soci', en: 'Add a member list' },
  'campaign.upload.hint': {
    it:
      'CSV o .xlsx come per i lotti (al massimo {mb} MB e {rows} righe): ' +
      'ogni riga diventa un socio della campagna, con la sua lettera.',
    en:
      'CSV or .xlsx as for batches (at most {mb} MB and {rows} rows): every ' +
      'row becomes a member of the campaign, with their letter.',
  },
  'campaign.upload.submit': { it: 'Aggiungi l’elenco', en: 'Add the list' },
  'campaign.receipts.title': { it: 'Importa le ricevute PEC', en: 'Import PEC receipts' },
  'campaign.receipts.hint': {
    it:
      'File .eml esportati dalla casella PEC, o uno ZIP che li contiene: ' +
      'ogni ricevuta è abbinata alla lettera dall’impronta del PDF o ' +
      'dall’identificativo del messaggio.',
    en:
      'The .eml files exported from the PEC mailbox, or a ZIP of them: each ' +
      'receipt is matched to its letter by the PDF’s fingerprint or the ' +
      'message id.',
  },
  'campaign.receipts.file': { it: 'Ricevute (.eml o .zip)', en: 'Receipts (.eml or .zip)' },
  'campaign.receipts.submit': { it: 'Importa le ricevute', en: 'Import the receipts' },
  'campaign.raccomandate.title': { it: 'Importa le raccomandate', en: 'Import raccomandate' },
  'campaign.raccomandate.hint': {
    it: 'CSV con le colonne riga (o codice fiscale), numero raccomandata e, se c’è, data consegna (gg/mm/aaaa).',
    en: 'CSV with the columns row (or codice fiscale), raccomandata number and, if known, delivery date (dd/mm/yyyy).',
  },
  'campaign.raccomandate.submit': { it: 'Importa i numeri del file', en: 'Import the file’s numbers' },
  'campaign.outcomes.title': { it: 'Registra gli esiti', en: 'Record outcomes' },
  'campaign.outcomes.hint': {
    it:
      'CSV con le colonne riga (o codice fiscale), esito (pagato, pagato in ' +
      'parte, respinto) e importo (ad esempio 1.234,56).',
    en:
      'CSV with the columns row (or codice fiscale), outcome (paid, ' +
      'partially paid, refused) and amount (e.g. 1.234,56).',
  },
  'campaign.outcomes.submit': { it: 'Registra gli esiti del file', en: 'Record the file’s outcomes' },
  'campaign.csv.file': { it: 'File CSV', en: 'CSV file' },
  'campaign.followUps.title': { it: 'Produci i solleciti', en: 'Produce the reminders' },
  'campaign.followUps.intro': {
    it:
      'Un sollecito e ultima diffida per ogni socio il cui termine è scaduto senza risposta e la cui lettera è ' +
      'partita per PEC o raccomandata. Chi non può riceverlo è elencato con il motivo; ogni sollecito prodotto ' +
      'entra nel registro del socio con il nuovo termine.',
    en:
      'A reminder and last formal notice for every member whose deadline passed with no reply and whose letter ' +
      'went by PEC or raccomandata. Members it cannot be made for are listed with the reason; every reminder made ' +
      'goes into the member’s log with the new deadline.',
  },
  'campaign.followUps.zip': { it: 'Scarica i solleciti (ZIP)', en: 'Download the reminders (ZIP)' },
  'campaign.followUps.outbox': {
    it: 'Invia i solleciti per e-mail (solo agli indirizzi confermati)',
    en: 'Send the reminders by e-mail (confirmed addresses only)',
  },
  'campaign.followUps.sent.title': { it: 'Solleciti accodati per e-mail', en: 'Reminders queued by e-mail' },
  'campaign.followUps.sent.summary': {
    it: 'Accodati: {produced}. Saltati: {skipped}.',
    en: 'Queued: {produced}. Skipped: {skipped}.',
  },
  'campaign.followUps.unavailable': {
    it: 'I solleciti in blocco non sono ancora disponibili in questa versione.',
    en: 'Reminders in bulk are not available in this version yet.',
  },

  'campaign.import.title.receipts': { it: 'Ricevute PEC importate', en: 'PEC receipts imported' },
  'campaign.import.title.raccomandate': { it: 'Raccomandate importate', en: 'Raccomandate imported' },
  'campaign.import.title.outcomes': { it: 'Esiti registrati', en: 'Outcomes recorded' },
  'campaign.import.recorded': { it: 'Registrati: {count}', en: 'Recorded: {count}' },
  'campaign.import.unmatched': { it: 'Non registrati: {count}', en: 'Not recorded: {count}' },
  'campaign.import.file': { it: 'File', en: 'File' },
  'campaign.import.line': { it: 'Riga del file', en: 'Line of the file' },
  'campaign.import.field': { it: 'Colonna', en: 'Column' },
  'campaign.import.reason': { it: 'Motivo', en: 'Reason' },
  'campaign.import.kind': { it: 'Registrato come', en: 'Recorded as' },
  'campaign.import.kind.delivered': { it: 'consegnata', en: 'delivered' },
  'campaign.import.kind.sent': { it: 'inviata (accettazione)', en: 'sent (acceptance)' },
  'campaign.import.back': { it: 'Torna alla campagna', en: 'Back to the campaign' },
  'campaign.import.problem': { it: 'File non importato', en: 'File not imported' },

  'campaign.member.title': { it: 'Socio: {name}', en: 'Member: {name}' },
  'campaign.member.identity': { it: 'Dati del socio', en: 'The member’s data' },
  'campaign.member.list': { it: 'Elenco e riga', en: 'List and row' },
  'campaign.member.listRow': { it: 'elenco {list}, riga {row}', en: 'list {list}, row {row}' },
  'campaign.member.taxCode': { it: 'Codice fiscale', en: 'Italian tax code (codice fiscale)' },
  'campaign.member.mailbox': { it: 'Casella', en: 'Mailbox' },
  'campaign.member.email': { it: 'E-mail', en: 'E-mail' },
  'campaign.member.claimed': { it: 'Importo richiesto', en: 'Amount claimed' },
  'campaign.member.status': { it: 'Stato', en: 'State' },
  'campaign.member.letter': { it: 'Lettera', en: 'Letter' },
  'campaign.member.letterOn': { it: 'del {date}, SHA-256 {sha}', en: 'of {date}, SHA-256 {sha}' },
  'campaign.member.sent': { it: 'Inviata con', en: 'Sent via' },
  'campaign.member.delivered': { it: 'Consegnata il', en: 'Delivered on' },
  'campaign.member.deadline': { it: 'Termine', en: 'Deadline' },
  'campaign.member.outcome': { it: 'Esito', en: 'Outcome' },
  'campaign.member.followUps': { it: 'Solleciti', en: 'Reminders' },
  'campaign.member.none': { it: '—', en: '—' },
  'campaign.member.events': { it: 'Storico', en: 'Event log' },
  'campaign.member.when': { it: 'Quando', en: 'When' },
  'campaign.member.who': { it: 'Chi', en: 'Who' },
  'campaign.member.what': { it: 'Che cosa', en: 'What' },
  'campaign.member.system': { it: 'Reclamo (elaborazione dell’elenco)', en: 'Reclamo (processing the list)' },
  'campaign.member.formerOperator': { it: 'un operatore non più registrato', en: 'an operator no longer registered' },
  'campaign.member.export': {
    it: 'Scarica tutti i dati del socio (JSON, per la sua richiesta)',
    en: 'Download all of the member’s data (JSON, for their request)',
  },
  'campaign.member.delete': { it: 'Cancella i dati del socio', en: 'Delete the member’s data' },
  'campaign.member.notFound.title': { it: 'Socio non trovato', en: 'Member not found' },
  'campaign.notFound.title': { it: 'Campagna non trovata', en: 'Campaign not found' },
  'campaign.notFound.body': {
    it: 'Questa campagna, o questo socio, non esiste (o è stato cancellato).',
    en: 'This campaign, or this member, does not exist (or was deleted).',
  },
  'campaign.delete.title': { it: 'Cancellare i dati di {name}?', en: 'Delete the data of {name}?' },
  'campaign.delete.body': {
    it:
      'Il socio, i suoi dati e tutto il suo storico sono cancellati per ' +
      'sempre: non si possono recuperare. Se il socio li ha chiesti, ' +
      'scaricali prima.',
    en:
      'The member, their data and their whole event log are deleted for ' +
      'good: they cannot be recovered. If the member asked for them, ' +
      'download them first.',
  },
  'campaign.delete.confirm': { it: 'Sì, cancella per sempre', en: 'Yes, delete for good' },
  'campaign.delete.cancel': { it: 'No, torna al socio', en: 'No, back to the member' },

  'campaign.event.letter-produced': {
    it: 'Lettera prodotta (del {letterDate}, termine {deadline})',
    en: 'Letter produced (of {letterDate}, deadline {deadline})',
  },
  'campaign.event.letter-not-produced': { it: 'Lettera non prodotta: {reason}', en: 'No letter produced: {reason}' },
  'campaign.event.reason.not-eligible': { it: 'non idoneo', en: 'not eligible' },
  'campaign.event.reason.invalid': { it: 'riga non valida', en: 'invalid row' },
  'campaign.event.reason.duplicate': { it: 'riga doppia', en: 'duplicate row' },
  'campaign.event.sent': { it: 'Inviata con {channel} {reference}', en: 'Sent via {channel} {reference}' },
  'campaign.event.delivered': {
    it: 'Consegnata il {deliveredOn} ({proof} {reference}); nuovo termine {deadline}',
    en: 'Delivered on {deliveredOn} ({proof} {reference}); new deadline {deadline}',
  },
  'campaign.event.reply-received': { it: 'Risposta ricevuta il {receivedOn}', en: 'Reply received on {receivedOn}' },
  'campaign.event.follow-up-produced': {
    it: 'Prodotto: {document} (termine {deadline})',
    en: 'Produced: {document} (deadline {deadline})',
  },
  'campaign.event.outcome': { it: 'Esito: {outcome} {amount}', en: 'Outcome: {outcome} {amount}' },
  'campaign.proof.pec-receipt': { it: 'ricevuta PEC', en: 'PEC receipt' },
  'campaign.proof.raccomandata-receipt': { it: 'raccomandata', en: 'raccomandata' },
  'campaign.channel.email': { it: 'e-mail', en: 'e-mail' },
  'campaign.channel.pec': { it: 'PEC', en: 'PEC (certified e-mail)' },
  'campaign.channel.raccomandata': { it: 'raccomandata', en: 'raccomandata' },

  'campaign.privacy.link': { it: 'Informativa sui dati dei soci', en: 'Privacy note on members’ data' },
  'campaign.privacy.title': {
    it: 'Informativa sul trattamento dei dati dei soci',
    en: 'Privacy note on the processing of members’ data',
  },
  'campaign.privacy.controller.title': { it: 'Chi è il titolare', en: 'Who the controller is' },
  'campaign.privacy.controller.campaign': {
    it:
      'Titolare del trattamento è {name}, codice fiscale {taxCode}, con sede ' +
      'in {street}, {postalCode} {city} ({province}), PEC {pec}, in persona ' +
      'di {representative}. Reclamo è lo strumento con cui l’associazione ' +
      'prepara e segue le diffide.',
    en:
      'The controller is {name}, codice fiscale {taxCode}, with its office ' +
      'at {street}, {postalCode} {city} ({province}), PEC {pec}, represented ' +
      'by {representative}. Reclamo is the tool the association prepares ' +
      'and follows the letters with.',
  },
  'campaign.privacy.controller.generic': {
    it:
      'Titolare del trattamento è l’associazione di consumatori che conduce ' +
      'la campagna e che invia le diffide in nome e per conto dei soci: i ' +
      'suoi dati (nome, sede, PEC, legale rappresentante) sono nella ' +
      'diffida stessa. Reclamo è lo strumento con cui l’associazione ' +
      'prepara e segue le diffide.',
    en:
      'The controller is the consumer association running the campaign, ' +
      'which sends the letters in the name and on behalf of its members: ' +
      'its details (name, office, PEC, legal representative) are in the ' +
      'letter itself. Reclamo is the tool the association prepares and ' +
      'follows the letters with.',
  },
  'campaign.privacy.why.title': { it: 'Perché', en: 'Why' },
  'campaign.privacy.why.body': {
    it:
      'Per chiedere al fornitore, in nome e per conto del socio e su suo ' +
      'mandato, l’indennizzo e il risarcimento per i disservizi della posta ' +
      'elettronica: preparare la diffida, provarne l’invio e la consegna, ' +
      'seguire la risposta, i pagamenti e i solleciti.',
    en:
      'To claim from the provider, in the name and on behalf of the member ' +
      'and by their mandate, the compensation for the e-mail outages: ' +
      'preparing the letter, proving that it was sent and delivered, ' +
      'following the reply, the payments and the reminders.',
  },
  'campaign.privacy.what.title': { it: 'Che cosa è conservato', en: 'What is kept' },
  'campaign.privacy.what.identity': {
    it:
      'Dalla riga dell’elenco dei soci: numero dell’elenco e della riga, ' +
      'nome, codice fiscale, casella di posta oggetto del disservizio, ' +
      'indirizzo e-mail, importo richiesto, giorni concessi per rispondere.',
    en:
      'From the member list’s row: list and row number, name, codice ' +
      'fiscale, the mailbox the outage hit, e-mail address, amount claimed, ' +
      'days given to answer.',
  },
  'campaign.privacy.what.state': {
    it:
      'Lo stato della pratica: impronta SHA-256 e data della lettera (non la ' +
      'lettera stessa), come è stata inviata e con quale riferimento, stato ' +
      'dell’e-mail, data e prova di consegna (ricevuta PEC o numero di ' +
      'raccomandata), termine, data della risposta, esito e importo, numero ' +
      'di solleciti.',
    en:
      'Where the claim stands: the letter’s SHA-256 fingerprint and date ' +
      '(not the letter itself), how it was sent and with which reference, ' +
      'the e-mail’s status, the delivery date and proof (PEC receipt or ' +
      'raccomandata number), the deadline, the reply date, the outcome and ' +
      'amount, the number of reminders.',
  },
  'campaign.privacy.what.claim': {
    it:
      'La richiesta da cui è stata tratta la lettera (i dati del socio, ' +
      'dell’account, dei disservizi e dei danni, come li dava l’elenco), per ' +
      'preparare i solleciti; è cancellata con il socio.',
    en:
      'The claim the letter was drawn from (the member’s, account, outage ' +
      'and damage details, as the list gave them), to prepare the ' +
      'reminders; it is deleted with the member.',
  },
  'campaign.privacy.what.events': {
    it:
      'Lo storico degli eventi: che cosa è successo, quando e quale ' +
      'operatore l’ha registrato. Il registro di controllo degli operatori ' +
      'annota solo le azioni (ad esempio «socio cancellato»), mai i dati dei ' +
      'soci; i log del server non contengono dati personali.',
    en:
      'The event log: what happened, when, and which operator recorded it. ' +
      'The operators’ audit log notes only actions (e.g. «member deleted»), ' +
      'never members’ data; the server’s logs hold no personal data.',
  },
  'campaign.privacy.what.files': {
    it:
      'L’elenco caricato e lo ZIP delle lettere restano sul server solo fino ' +
      'al download, e comunque non oltre {minutes} minuti; le ricevute e i ' +
      'CSV importati sono letti e non conservati.',
    en:
      'The uploaded list and the ZIP of letters stay on the server only ' +
      'until downloaded, and never longer than {minutes} minutes; imported ' +
      'receipts and CSV files are read and not kept.',
  },
  'campaign.privacy.howLong.title': { it: 'Per quanto tempo', en: 'For how long' },
  'campaign.privacy.howLong.campaign': {
    it:
      'I dati di ogni socio sono cancellati {months} mesi (di 31 giorni) ' + 'dopo l’ultimo evento registrato per lui.',
    en: 'Each member’s data is deleted {months} months (of 31 days) after the last event recorded for them.',
  },
  'campaign.privacy.howLong.generic': {
    it:
      'Per il periodo che l’associazione fissa per la campagna (da 1 a 120 ' +
      'mesi di 31 giorni, contati dall’ultimo evento registrato per il ' +
      'socio); poi i dati sono cancellati.',
    en:
      'For the period the association sets for the campaign (1 to 120 ' +
      'months of 31 days, counted from the last event recorded for the ' +
      'member); then the data is deleted.',
  },
  'campaign.privacy.howLong.sweep': {
    it:
      'La cancellazione è automatica: il server la esegue ogni giorno, e ' +
      'sulla macchina del server si può eseguire in ogni momento con il ' +
      'comando:',
    en:
      'The deletion is automatic: the server runs it every day, and on the ' +
      'server’s machine it can be run at any time with the command:',
  },
  'campaign.privacy.rights.title': { it: 'I diritti del socio', en: 'The member’s rights' },
  'campaign.privacy.rights.body': {
    it:
      'Il socio può chiedere all’associazione, ai recapiti qui sopra, una ' +
      'copia di tutti i suoi dati (l’operatore la scarica dalla pagina del ' +
      'socio, in JSON) o la loro cancellazione, che toglie per sempre i dati ' +
      'e lo storico (la copia: art. 15 del Regolamento (UE) 2016/679).',
    en:
      'The member can ask the association, at the contacts above, for a copy ' +
      'of all their data (the operator downloads it from the member’s page, ' +
      'as JSON) or for its deletion, which removes the data and the log for ' +
      'good (the copy: Article 15 of Regulation (EU) 2016/679).',
  },
};
