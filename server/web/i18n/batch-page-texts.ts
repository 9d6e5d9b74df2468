import type { Catalog } from './catalog';

/** The batch pages: upload (GET /batches) and status (GET /batches/{id}). */
export const BATCH_STRINGS: Catalog = {
  'batch.title': { it: 'Diffide per i soci di un’associazione', en: 'Letters for the members of an association' },
  'batch.intro': {
    it:
      'Carica l’elenco dei soci (CSV o Excel .xlsx): Reclamo prepara una ' +
      'diffida in PDF per ogni socio idoneo e un resoconto riga per riga, in ' +
      'un unico file ZIP.',
    en:
      'Upload the member list (CSV or Excel .xlsx): Reclamo makes a PDF ' +
      'letter for every eligible member and a row-by-row report, in one ZIP ' +
      'file.',
  },
  'batch.template': { it: 'Scarica il modello con tutte le colonne', en: 'Download the template with every column' },
  'batch.privacy': {
    it: 'Il file e le lettere restano sul server solo fino al download, e comunque non oltre un’ora.',
    en: 'The file and the letters stay on the server only until they are downloaded, and never longer than an hour.',
  },
  'batch.file.legend': { it: 'L’elenco dei soci', en: 'The member list' },
  'batch.file': { it: 'File CSV o .xlsx', en: 'CSV or .xlsx file' },
  'batch.file.hint': {
    it:
      'Al massimo {mb} MB e {rows} righe. Colonne in italiano (nome, cognome, ' +
      'codice_fiscale, casella…) o in inglese.',
    en:
      'At most {mb} MB and {rows} rows. Column names in Italian (nome, ' +
      'cognome, codice_fiscale, casella…) or English.',
  },
  'batch.association.legend': { it: 'L’associazione (facoltativo)', en: 'The association (optional)' },
  'batch.association.hint': {
    it:
      'Se compili questi campi, ogni lettera è inviata dall’associazione in ' +
      'nome e per conto del socio, con la delega tra gli allegati. Se li ' +
      'lasci vuoti, ogni lettera è del socio stesso.',
    en:
      'If you fill these in, every letter is sent by the association in the ' +
      'name and on behalf of the member, with the mandate among the ' +
      'attachments. Left empty, every letter is the member’s own.',
  },
  'batch.association.name': { it: 'Nome dell’associazione', en: 'Name of the association' },
  'batch.association.taxCode': { it: 'Codice fiscale', en: 'Italian tax code (codice fiscale)' },
  'batch.association.street': { it: 'Indirizzo della sede', en: 'Address of the office' },
  'batch.association.postalCode': { it: 'CAP', en: 'Postcode (CAP)' },
  'batch.association.city': { it: 'Comune', en: 'Town or city' },
  'batch.association.province': { it: 'Provincia', en: 'Province' },
  'batch.association.pec': { it: 'PEC', en: 'PEC (certified e-mail)' },
  'batch.association.representative': { it: 'Legale rappresentante', en: 'Legal representative' },
  'batch.association.representativeSex': {
    it: 'Nella lettera, il legale rappresentante è',
    en: 'In the letter, the legal representative is',
  },
  'batch.association.representativeSex.hint': {
    it: 'Facoltativo: senza una scelta la lettera scrive «il/la legale rappresentante».',
    en: 'Optional: without a choice the letter writes «il/la legale rappresentante».',
  },
  'batch.association.representativeSex.male': { it: 'il legale rappresentante', en: 'il legale rappresentante' },
  'batch.association.representativeSex.female': {
    it: 'la legale rappresentante',
    en: 'la legale rappresentante',
  },
  'batch.letter.language.default': { it: 'Italiano', en: 'Italian' },
  'batch.submit': { it: 'Prepara le lettere', en: 'Make the letters' },
  'batch.status.title': { it: 'Lotto di lettere', en: 'Batch of letters' },
  'batch.status.running': { it: 'Preparazione delle lettere in corso…', en: 'Making the letters…' },
  'batch.status.progress': { it: '{processed} righe su {rows}', en: '{processed} of {rows} rows' },
  'batch.status.noscript': {
    it: 'Questa pagina si aggiorna da sola ogni pochi secondi.',
    en: 'This page refreshes itself every few seconds.',
  },
  'batch.status.done': { it: 'Le lettere sono pronte.', en: 'The letters are ready.' },
  'batch.status.failed': { it: 'Il lotto non è stato completato.', en: 'The batch was not completed.' },
  'batch.status.counts': { it: 'Righe elaborate: {rows}', en: 'Rows processed: {rows}' },
  'batch.status.problems': {
    it: 'Primi problemi (tutti sono nel file report.csv dentro lo ZIP)',
    en: 'First problems (all of them are in report.csv inside the ZIP)',
  },
  'batch.status.row': { it: 'Riga', en: 'Row' },
  'batch.status.name': { it: 'Nominativo', en: 'Name' },
  'batch.status.state': { it: 'Esito', en: 'Outcome' },
  'batch.status.reasons': { it: 'Motivi', en: 'Reasons' },
  'batch.status.download': { it: 'Scarica il file ZIP', en: 'Download the ZIP file' },
  'batch.status.downloadOnce': {
    it: 'Il download si può fare una sola volta, entro le {time}: dopo, il lotto e i suoi file sono cancellati.',
    en: 'The download works once, until {time}: after that the batch and its files are deleted.',
  },
  'batch.status.again': { it: 'Carica un altro elenco', en: 'Upload another list' },
  'batch.status.gone.title': { it: 'Lotto non disponibile', en: 'Batch not available' },
  'batch.status.gone': {
    it: 'Questo lotto non esiste più: è già stato scaricato oppure è scaduto dopo un’ora.',
    en: 'This batch no longer exists: it was downloaded already, or it expired after an hour.',
  },
};
