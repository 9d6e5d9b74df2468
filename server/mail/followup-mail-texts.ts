import type { Localized } from '../core/i18n/language';

/** The short e-mail around a campaign's reminder (sollecito), to the member: one paragraph per entry. */
export const FOLLOWUP_MAIL_TEXTS = {
  subject: {
    it: 'Sollecito e ultima diffida – {service} – {member}',
    en: 'Reminder and final notice (sollecito e ultima diffida) – {service} – {member}',
  } satisfies Localized,
  body: {
    it: [
      'Gentile {member},',
      '{association} ha preparato il sollecito e ultima diffida che fa seguito alla sua diffida e messa in mora del ' +
        '{letterDate}, rimasta senza risposta: lo trova in allegato in PDF ({fileName}).',
      'Il sollecito concede un nuovo termine, che scade il {deadline}.',
      'Impronta SHA-256 del PDF, per dimostrare quale documento è stato inviato: {sha256}',
      'Questa e-mail non ha valore legale di PEC. Per qualsiasi domanda si rivolga a {association}.',
      'Reclamo non fornisce consulenza legale.',
    ],
    en: [
      'Dear {member},',
      '{association} has prepared the reminder and final notice (sollecito e ultima diffida) that follows your ' +
        'formal notice of {letterDate}, which went unanswered: it is attached as a PDF ({fileName}).',
      'The reminder gives a new term, which ends on {deadline}.',
      'SHA-256 fingerprint of the PDF, to prove which document was sent: {sha256}',
      'This e-mail has no legal value as a PEC. For any question, contact {association}.',
      'Reclamo does not give legal advice.',
    ],
  } satisfies Record<'it' | 'en', readonly string[]>,
};
