import type { Catalog } from './catalog';

/** The sign-in page (also shown in place of the batch pages to someone not signed in) and the operator bar. */
export const OPERATOR_STRINGS: Catalog = {
  'operator.signIn.title': { it: 'Accesso operatori', en: 'Operator sign-in' },
  'operator.signIn.intro': {
    it:
      'Le diffide per i soci sono un lavoro dell’associazione: per caricare ' +
      'un elenco e scaricare le lettere serve un account di operatore. Chi ' +
      'chiede il proprio indennizzo da solo non ne ha bisogno: usa il modulo ' +
      'della pagina iniziale.',
    en:
      'Letters for members are the association’s work: uploading a list and ' +
      'downloading the letters needs an operator account. Someone claiming ' +
      'their own compensation does not need one: the form on the home page ' +
      'is for them.',
  },
  'operator.signIn.email': { it: 'Indirizzo e-mail', en: 'E-mail address' },
  'operator.signIn.password': { it: 'Password', en: 'Password' },
  'operator.signIn.submit': { it: 'Accedi', en: 'Sign in' },
  'operator.signIn.rejected': {
    it: 'Indirizzo e-mail o password non corretti.',
    en: 'The e-mail address or the password is not correct.',
  },
  'operator.signIn.missing': {
    it: 'Scrivi l’indirizzo e-mail e la password.',
    en: 'Enter the e-mail address and the password.',
  },
  'operator.signIn.throttled': {
    it: 'Troppi tentativi non riusciti: attendi {seconds} secondi e riprova.',
    en: 'Too many failed attempts: wait {seconds} seconds and try again.',
  },
  'operator.signIn.ended': {
    it: 'La sessione è scaduta: accedi di nuovo.',
    en: 'Your session has ended: sign in again.',
  },
  'operator.signIn.signedOut': { it: 'Sei uscito.', en: 'You are signed out.' },
  'operator.signIn.required': {
    it: 'Per questa pagina serve un operatore: accedi.',
    en: 'This page is for operators: sign in.',
  },
  'operator.firstOperator.title': { it: 'Nessun account?', en: 'No account yet?' },
  'operator.firstOperator.body': {
    it:
      'Gli account si creano dalla riga di comando, sulla macchina del ' +
      'server. Il primo operatore, nella cartella del progetto (la password ' +
      'è chiesta senza mostrarla):',
    en:
      'Accounts are created from the command line, on the server’s machine. ' +
      'The first operator, in the project folder (the password is asked ' +
      'without showing it):',
  },
  'operator.firstOperator.token': {
    it: 'Per usare l’API, un token (mostrato una sola volta):',
    en: 'To use the API, a token (shown once):',
  },
  'operator.bar.signedInAs': { it: 'Operatore: {who}', en: 'Operator: {who}' },
  'operator.bar.signOut': { it: 'Esci', en: 'Sign out' },
  'operator.batches.title': { it: 'I tuoi lotti', en: 'Your batches' },
  'operator.batches.created': { it: 'Caricato', en: 'Uploaded' },
  'operator.batches.state': { it: 'Stato', en: 'State' },
  'operator.batches.rows': { it: 'Righe', en: 'Rows' },
  'operator.batches.open': { it: 'Apri', en: 'Open' },
  'operator.batches.state.queued': { it: 'in coda', en: 'queued' },
  'operator.batches.state.running': { it: 'in preparazione', en: 'in progress' },
  'operator.batches.state.done': { it: 'pronto', en: 'ready' },
  'operator.batches.state.failed': { it: 'non completato', en: 'failed' },
};
