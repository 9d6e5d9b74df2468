import type { ClaimInput } from '../core/claim/claim-schema';

/**
 * A fictitious claim rendered once at start-up: it proves the templates compile, the fonts load and the PDF renders,
 * and it warms the caches before the first user arrives. No real person's data.
 */
export const CANARY_CLAIM: ClaimInput = {
  claimant: {
    firstName: 'Prova',
    lastName: 'Avvio',
    taxCode: 'RSSMRA79B11C566R',
    email: 'prova@example.org',
    address: { street: 'Via Esempio 1', postalCode: '00100', city: 'Roma', province: 'RM' },
  },
  account: { provider: 'libero', mailbox: 'prova@libero.it', type: 'paid', plan: 'libero-plus-5gb' },
  outages: [{ incident: '2023-01' }, { incident: '2023-06' }],
  damages: [{ kind: 'data-loss', description: 'Prova', amount: '1,00' }],
  // Dated today (a fixed date would one day lie before a term already over, which the rules refuse); in English, so
  // that both templates, the Italian original and the courtesy translation, are compiled and drawn at start-up.
  letter: { language: 'en' },
};
