import type { Catalog } from './catalog';

/** Words of the result page. */
export const RESULT_STRINGS: Catalog = {
  'result.title': { it: 'Risultato della verifica', en: 'Result of the check' },
  'result.eligible': { it: 'La richiesta risulta fondata', en: 'The claim looks eligible' },
  'result.eligible.body': {
    it:
      'Puoi chiedere a Italiaonline S.p.A. {total}. Qui sotto trovi il ' +
      'calcolo voce per voce e la lettera pronta da scaricare.',
    en:
      'You can ask Italiaonline S.p.A. for {total}. Below are the calculation ' +
      'line by line and the letter, ready to download.',
  },
  'result.notEligible': { it: 'La richiesta non risulta fondata', en: 'The claim does not look eligible' },
  'result.reasons': { it: 'Perché', en: 'Why' },
  'result.warnings': { it: 'Da sapere', en: 'Good to know' },
  'result.periods': { it: 'Periodi di disservizio considerati', en: 'Outage periods counted' },
  'result.period.start': { it: 'Inizio', en: 'Start' },
  'result.period.end': { it: 'Fine', en: 'End' },
  'result.period.severity': { it: 'Tipo', en: 'Kind' },
  'result.period.days': { it: 'Giorni', en: 'Days' },
  'result.compensation': { it: 'Il calcolo', en: 'The calculation' },
  'result.line.item': { it: 'Voce', en: 'Item' },
  'result.line.detail': { it: 'Come è calcolata', en: 'How it is worked out' },
  'result.line.basis': { it: 'Base giuridica', en: 'Legal basis' },
  'result.line.amount': { it: 'Importo', en: 'Amount' },
  'result.total': { it: 'Totale richiesto', en: 'Total claimed' },
  'result.deadline': { it: 'Termine per rispondere', en: 'Deadline to answer' },
  'result.deadline.body': {
    it:
      'La lettera concede {days} giorni dal ricevimento. Se è ricevuta il giorno della sua data ({letterDate}), ' +
      'come avviene di norma con la PEC, Italiaonline deve rispondere entro il {date}; con la raccomandata il ' +
      'termine decorre dal giorno della consegna.',
    en:
      'The letter gives {days} days from receipt. If it is received on its own date ({letterDate}), as a PEC ' +
      'normally is, Italiaonline must answer by {date}; with a registered letter the term runs from the day of ' +
      'delivery.',
  },
  'result.deadline.moved': {
    it: 'Il {days}° giorno ({nominal}) è festivo ({holiday}): il termine passa al primo giorno non festivo.',
    en: 'Day {days} ({nominal}) is a Sunday or a public holiday ({holiday}): the term moves to the next working day.',
  },
  'result.interest': {
    it:
      'Oltre al totale, la lettera chiede gli interessi legali dal ricevimento al saldo (art. 1224 c.c.); ' +
      'il tasso legale del {year} è {rate} all’anno.',
    en:
      'On top of the total, the letter asks for legal interest from receipt until payment (art. 1224 c.c.); ' +
      'the legal rate for {year} is {rate} a year.',
  },
  'result.ruleset': {
    it: 'Calcolo e lettera secondo le regole di Reclamo versione {version} del {publishedOn}.',
    en: 'Calculation and letter under Reclamo’s rules, version {version} of {publishedOn}.',
  },
  'result.translation': {
    it:
      'Il PDF contiene la lettera in italiano, da firmare e inviare, seguita da una traduzione di cortesia in ' +
      'inglese, solo per te.',
    en:
      'The PDF holds the letter in Italian, to be signed and sent, followed by a courtesy translation into English, ' +
      'for you only.',
  },
  'result.preview': { it: 'Anteprima della lettera', en: 'Preview of the letter' },
  'result.preview.hint': {
    it: 'È lo stesso testo del PDF. Stampalo, firmalo e invialo via PEC o raccomandata A/R, con gli allegati indicati.',
    en:
      'It is the same text as the PDF. Print it, sign it and send it by PEC ' +
      'or registered letter, with the attachments listed.',
  },
  'result.preview.data': {
    it:
      'Il PDF contiene anche, in un file allegato leggibile da un programma (reclamo-claim.json), i dati di questa ' +
      'richiesta: nome, codice fiscale, indirizzo, e-mail, casella, periodi, danni con le descrizioni e il calcolo; ' +
      'se indicati, anche PEC, telefono, numero cliente, reclami precedenti e IBAN. ' +
      'Chi riceve il PDF riceve anche questi dati.',
    en:
      'The PDF also carries, in an attached machine-readable file (reclamo-claim.json), the data of this claim: ' +
      'name, tax code, address, e-mail, mailbox, periods, damages with their descriptions and the calculation; ' +
      'when given, also the PEC address, phone, customer number, earlier complaints and IBAN. ' +
      'Whoever receives the PDF receives this data too.',
  },
  'result.download': { it: 'Scarica la lettera in PDF', en: 'Download the letter as PDF' },
  'result.change': { it: 'Modifica le risposte', en: 'Change your answers' },
  'result.calendar': {
    it: 'Aggiungi la scadenza al calendario (.ics)',
    en: 'Add the deadline to your calendar (.ics)',
  },
  'result.followup': {
    it: 'Dopo l’invio, se il termine passa senza pagamento:',
    en: 'After sending, if the term passes without payment:',
  },
  'result.followup.link': { it: 'prosegui il reclamo', en: 'continue your claim' },
  'result.help.title': { it: 'Cosa puoi fare comunque', en: 'What you can still do' },
  'result.help.fix': {
    it: 'Se una risposta era sbagliata (per esempio le date o il tipo di account), modificala e verifica di nuovo.',
    en: 'If an answer was wrong (for example the dates or the account type), change it and check again.',
  },
  'result.help.agcm': {
    it:
      "Segnalare la pratica all'Autorità Garante della Concorrenza e del " +
      'Mercato (Antitrust), che tutela i consumatori ' +
      'dalle pratiche commerciali scorrette (art. 20 del Codice del Consumo): ' +
      'sul disservizio di giugno 2023 ha già aperto un procedimento.',
    en:
      'Report the practice to the Italian Competition Authority (AGCM, the ' +
      'Antitrust authority), which protects consumers ' +
      'from unfair commercial practices (art. 20 of the Consumer Code): it ' +
      'already opened a proceeding on the June 2023 outage.',
  },
  'result.help.garante': {
    it:
      'Se hai perso posta o dati, rivolgerti al Garante per la protezione dei dati personali: la perdita o ' +
      "l'indisponibilità dei dati è una violazione dei dati personali (art. 4, n. 12, e art. 33 del GDPR).",
    en:
      'If you lost mail or data, turn to the Italian Data Protection Authority (Garante per la protezione dei dati ' +
      'personali): loss or unavailability of data is a personal data breach (art. 4(12) and art. 33 GDPR).',
  },
  'result.help.association': {
    it:
      "Chiedere aiuto a un'associazione di consumatori (per esempio Codacons, Altroconsumo, Movimento Consumatori, " +
      'Confconsumatori, che hanno seguito questi disservizi): può anche inviare la diffida in tuo nome.',
    en:
      'Ask a consumer association for help (for example Codacons, ' +
      'Altroconsumo, Movimento Consumatori, Confconsumatori, ' +
      'which followed these outages): it can also send the notice on your behalf.',
  },
  'result.help.court': {
    it: 'Il diritto di rivolgerti al giudice non si perde mai (art. 141 del Codice del Consumo).',
    en: 'You never lose the right to go to court (art. 141 of the Consumer Code).',
  },
};
