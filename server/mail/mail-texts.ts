import type { Language, Localized } from '../core/i18n/language';

/** The short e-mail around the letter: one paragraph per entry, `{name}` placeholders. */
export const MAIL_TEXTS = {
  subject: {
    it: 'Diffida e messa in mora – {service} – {claimant}',
    en: 'Formal notice (diffida e messa in mora) – {service} – {claimant}',
  },
  claimant: {
    it: [
      'Gentile {firstName},',
      'in allegato trova la sua diffida e messa in mora per i disservizi di ' +
        '{service}, datata {letterDate}, in PDF ({fileName}).',
      'La lettera concede {days} giorni dal ricevimento: se è ricevuta il giorno della sua data, il termine ' +
        'scade il {deadline}.',
      'Impronta SHA-256 del PDF, per dimostrare quale documento è stato inviato: {sha256}',
      'Questa e-mail non ha valore legale di PEC: una PEC ha valore legale ' +
        'solo se spedita dalla propria casella PEC. Per inviare la diffida con ' +
        "valore legale, la firmi e la spedisca dalla sua PEC all'indirizzo PEC " +
        'del fornitore, oppure per raccomandata A/R.',
      'Reclamo non fornisce consulenza legale.',
    ],
    en: [
      'Dear {firstName},',
      'attached is your formal notice (diffida e messa in mora) about the ' +
        '{service} outages, dated {letterDate}, as a PDF ({fileName}).',
      'The letter gives {days} days from receipt: if it is received on its own date, the term ends on {deadline}.',
      'SHA-256 fingerprint of the PDF, to prove which document was sent: {sha256}',
      'This e-mail has no legal value as a PEC: a PEC has legal value only ' +
        "when sent from the sender's own PEC mailbox. To send the notice with " +
        "legal value, sign it and send it from your PEC to the provider's PEC " +
        'address, or by registered letter with return receipt.',
      'Reclamo does not give legal advice.',
    ],
  },
  /** The claimant's copy with the deadline's calendar file: after the paragraph on the term. */
  calendarNote: {
    it:
      'In allegato anche {calendarFile}, per aggiungere la scadenza al calendario: contiene il collegamento alla ' +
      'pagina per proseguire il reclamo se il termine passa senza pagamento.',
    en:
      'Also attached is {calendarFile}, to add the deadline to your calendar: it links to the page to continue your ' +
      'claim if the term passes without payment.',
  },
  provider: {
    it: [
      'Spettabile {provider},',
      'in allegato la diffida e messa in mora di {claimant} per i disservizi ' +
        'di {service}, datata {letterDate}, in PDF ({fileName}).',
      'Si chiede riscontro entro {days} giorni dal ricevimento, come indicato nella lettera, rispondendo a ' +
        '{claimantEmail}.',
      'Impronta SHA-256 del PDF: {sha256}',
    ],
    en: [
      'Dear {provider},',
      'attached is the formal notice (diffida e messa in mora) of {claimant} ' +
        'about the {service} outages, dated {letterDate}, as a PDF ' +
        '({fileName}).',
      'A reply is requested within {days} days of receipt, as the letter says, to {claimantEmail}.',
      'SHA-256 fingerprint of the PDF: {sha256}',
    ],
  },
} satisfies {
  subject: Localized;
  claimant: Record<Language, string[]>;
  calendarNote: Localized;
  provider: Record<Language, string[]>;
};
