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
 * accounts, one or both incidents or a custom period, zero to five damages, Italian and English, PEC or raccomandata.
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
          ? { provider: 'libero', mailbox: `socio${index}@libero.it`, type: 'paid', plan: 'libero-plus-5gb' }
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
    ...(index % 4 === 1 ? { compensationReceived: { description: 'Estensione di 6 mesi', amount: '5,00' } } : {}),
    letter: {
      date: index % 2 ? '2023-09-01' : '2023-08-15',
      language: index % 5 === 3 ? 'en' : 'it',
      delivery: index % 3 === 2 ? 'raccomandata' : 'pec',
    },
  };
}
