import type { ClaimInput } from '../../server/core/claim/claim-schema';

const FIRST = ['Mario', 'Giulia', 'Ştefan', 'Anna', 'Zoë', 'Luca', 'Chiara', 'Kévin', 'Bartłomiej', 'Ilaria', 'Ngọc'];
const LAST = ['Rossi', 'Łukasiewicz-Øre', 'D’Angelo', 'Bianchi', 'Müller', 'De Santis', 'Quaglia', 'Žižek', 'Xu'];
const STREETS = ['Via Roma', 'Corso Buenos Aires', 'Piazza del Duomo', 'Viale Jenner', 'Via dell’Indipendenza'];
const CITIES: [string, string, string][] = [
  ['Milano', '20121', 'MI'],
  ['Torino', '10123', 'TO'],
  ['Napoli', '80100', 'NA'],
  ['Bolzano', '39100', 'BZ'],
  ['Reggio nell’Emilia', '42121', 'RE'],
];
const DAMAGES = ['lost-mail', 'missed-deadline', 'lost-income', 'extra-costs', 'data-loss', 'other'] as const;
const DESCRIPTIONS = [
  'Preventivo inviato da un cliente e respinto',
  'Scadenza di un bando persa: domanda non ricevuta',
  'Spese per un corriere',
  'Archivio di fatture non più recuperabile',
  'Ore di lavoro per avvisare i clienti — 3 × 25 €',
];

/**
 * `count` different eligible claims, deterministic: names outside Latin-1, both providers, free, paid and business
 * accounts, one or both incidents or a custom period, zero to five damages, Italian and English, PEC or raccomandata,
 * and some of each optional input of the letter (customer since / number, earlier complaints, IBAN, termination).
 * For tests that compare many renders (caches on and off, round trips of the embedded claim).
 */
export function variedClaims(count: number): ClaimInput[] {
  return Array.from({ length: count }, (_, index) => variedClaim(index));
}

export function variedClaim(index: number): ClaimInput {
  const pick = <T>(list: readonly T[], salt = 1) =>
    list[(index * salt + Math.floor(index / list.length)) % list.length]!;
  const [city, postalCode, province] = pick(CITIES, 3);
  const kind = index % 3 === 0 ? 'free' : index % 3 === 1 ? 'paid' : 'business';
  const provider = index % 2 === 0 ? 'libero' : 'virgilio';
  const damages = Array.from({ length: index % 6 }, (_, item) => ({
    kind: DAMAGES[(index + item) % DAMAGES.length]!,
    description: `${DESCRIPTIONS[(index + item * 2) % DESCRIPTIONS.length]!} (${item + 1})`,
    amount: `${10 + ((index * 37 + item * 11) % 900)},${String((index * 7 + item) % 100).padStart(2, '0')}`,
  }));
  const outages =
    index % 4 === 0
      ? [{ incident: '2023-01' as const }]
      : index % 4 === 1
        ? [{ incident: '2023-01' as const }, { incident: '2023-06' as const }]
        : index % 4 === 2
          ? [{ incident: '2023-06' as const }]
          : [
              {
                incident: 'custom' as const,
                start: '2023-06-14T08:00',
                end: '2023-06-16T18:00',
                severity: 'partial' as const,
              },
            ];
  return {
    claimant: {
      firstName: pick(FIRST),
      lastName: pick(LAST, 5),
      taxCode: 'RSSMRA79B11C566R',
      email: `socio${index}@example.org`,
      ...(index % 5 === 0 ? { pec: `socio${index}@pec.example.org` } : {}),
      ...(index % 7 === 0 ? { phone: '+39 02 1234567' } : {}),
      address: { street: `${pick(STREETS, 7)} ${1 + (index % 150)}`, postalCode, city, province },
    },
    account:
      kind === 'free'
        ? { provider, mailbox: `socio${index}@${provider}.it`, type: 'free' }
        : kind === 'paid'
          ? {
              provider: 'libero',
              mailbox: `socio${index}@libero.it`,
              type: 'paid',
              plan: 'libero-plus-5gb',
              ...(index % 4 === 1 ? { customerSince: '2015-03-15', customerNumber: `LIB-${770000 + index}` } : {}),
            }
          : {
              provider: 'libero',
              mailbox: `socio${index}@iol.it`,
              type: 'business',
              plan: 'libero-plus-1tb',
              annualFee: '49,99',
              companyName: `Studio ${pick(LAST, 5)} S.r.l.`,
              vatNumber: '00743110157',
            },
    outages,
    ...(damages.length ? { damages } : {}),
    ...(index % 4 === 1
      ? {
          compensationReceived:
            index % 8 === 1 ? { amount: '3,00' } : { description: 'Estensione di 6 mesi', amount: '5,00' },
        }
      : {}),
    ...(index % 6 === 2 ? { previousComplaints: [{ reference: `TK-${88000 + index}`, date: '2023-01-24' }] } : {}),
    ...(index % 3 === 0 ? { payment: { iban: 'IT60 X054 2811 1010 0000 0123 456' } } : {}),
    ...(index % 9 === 4 ? { payment: { iban: 'IT60X0542811101000000123456', holder: 'Anna Bianchi' } } : {}),
    letter: {
      // Near the tests' today (23 November 2026): a letter whose term is already over is refused.
      date: index % 2 ? '2026-11-20' : '2026-11-23',
      language: index % 5 === 3 ? 'en' : 'it',
      delivery: index % 3 === 2 ? 'raccomandata' : 'pec',
      ...(kind === 'paid' && index % 4 === 3 ? { termination: true } : {}),
    },
  };
}
