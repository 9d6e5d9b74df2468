import type { ClaimInput } from '../../server/core/claim/claim-schema';

const FIRST = ['Mario', 'Giulia', 'Luca', 'Anna', 'Paolo', 'Sara', 'Ştefan', 'Elena', 'Marco', 'Chiara'];
const LAST = ['Rossi', 'Bianchi', 'Verdi', 'Neri', 'Gialli', 'Blu', 'Łukasiewicz-Øre', 'Conti', 'Esposito', 'Romano'];
const CITIES: [string, string, string][] = [
  ['Milano', '20121', 'MI'],
  ['Torino', '10123', 'TO'],
  ['Napoli', '80100', 'NA'],
  ['Genova', '16121', 'GE'],
];

/** A synthetic member with a paid plan, both incidents and two damage items: a typical two-to-three page letter. */
export function benchClaim(index: number): ClaimInput {
  const [city, postalCode, province] = CITIES[index % CITIES.length]!;
  const first = FIRST[index % FIRST.length]!;
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length]!;
  return {
    claimant: {
      firstName: first,
      lastName: last,
      taxCode: 'RSSMRA79B11C566R',
      email: `socio${index}@example.org`,
      address: { street: `Via Roma ${1 + (index % 200)}`, postalCode, city, province },
    },
    account: { provider: 'libero', mailbox: `socio${index}@libero.it`, type: 'paid', plan: 'libero-plus-5gb' },
    outages: [{ incident: '2023-01' }, { incident: '2023-06' }],
    damages: [
      {
        kind: 'lost-mail',
        description: 'Preventivo inviato da un cliente e respinto',
        amount: `${50 + (index % 100)},00`,
      },
      { kind: 'extra-costs', description: 'Spese per un corriere', amount: '12,50' },
    ],
    compensationReceived: { description: 'Estensione di 6 mesi', amount: '5,00' },
    // Dated today: a letter dated in the past is refused once its deadline would already have passed.
    letter: {},
  };
}
