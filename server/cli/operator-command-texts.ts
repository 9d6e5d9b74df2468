import type { AccountProblem } from '../use-cases/operators/operator-accounts';

/** What `reclamo operator …` says when it refuses, in both languages like the rest of the command line. */
export const ACCOUNT_PROBLEM_TEXTS: Record<AccountProblem, string> = {
  'invalid-email': 'indirizzo e-mail non valido / not an e-mail address',
  'invalid-name':
    'nome non valido: una riga, al massimo 100 caratteri / invalid name: one line, at most 100 characters',
  'invalid-label':
    'etichetta non valida: una riga, al massimo 100 caratteri / invalid label: one line, at most 100 characters',
  'password-too-short': 'password troppo corta: almeno 12 caratteri / password too short: at least 12 characters',
  'password-too-long': 'password troppo lunga: al massimo 1024 caratteri / password too long: at most 1024 characters',
  exists: 'esiste già un operatore con questo indirizzo / an operator with this address exists already',
  'unknown-operator': 'nessun operatore con questo indirizzo / no operator with this address',
  'operator-revoked': 'questo operatore è stato revocato / this operator was revoked',
  'unknown-token': 'nessun token attivo con questo valore o id / no live token with this value or id',
};

export const OPERATOR_USAGE = `  reclamo operator add <email> [--name NAME]
      Nuovo operatore; la password (almeno 12 caratteri) è letta da standard input, o chiesta sul terminale senza
      mostrarla / new operator; the password (12 characters or more) is read from standard input, or asked for on
      the terminal without echo.
  reclamo operator password <email>
      Nuova password (letta allo stesso modo); chiude le sessioni aperte / new password (read the same way); ends
      the operator's sessions.
  reclamo operator token <email> [--label LABEL]
      Stampa un nuovo token per l'API, su una riga, una sola volta / prints a new API token, on one line, once.
  reclamo operator revoke <token|token-id|email>
      Revoca un token, o un operatore (sessioni chiuse, token revocati) / revokes a token, or an operator
      (sessions ended, tokens revoked).
  reclamo operator list
      Operatori e token (id, etichetta, creato, ultimo uso, revocato) / operators and tokens.
  reclamo operator audit [--limit N]
      Registro delle azioni degli operatori, dalla più recente / the operators' audit log, newest first.
`;
