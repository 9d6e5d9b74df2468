import type { AssociationInput } from '../../server/core/claim/association-schema';
import type { ClaimInput } from '../../server/core/claim/claim-schema';

/**
 * The golden letters: one claim for every branch of the wording (consumer, company, association; free, paid, a
 * company's free mailbox; each incident, custom, partial, daylight saving; damages, data loss, a ristoro with and
 * without value, capped; termination; references and IBAN; PEC with and without the provider's address; the last
 * day of prescription; each court; the English courtesy translation). The C and B numbers are the cases of the
 * December 2026 letter review. Each letter is dated on its own `today`, so no golden text moves with the clock.
 */
export interface GoldenCase {
  id: string;
  /** What the case is there for, as a reviewer reads the list. */
  covers: string;
  today: string;
  providerPec?: string;
  association?: AssociationInput;
  claim: ClaimInput;
}

const mario = {
  firstName: 'Mario',
  lastName: 'Rossi',
  taxCode: 'RSSMRA79B11C566R',
  email: 'mario.rossi@example.org',
  address: { street: 'Via Roma 12', postalCode: '20121', city: 'Milano', province: 'MI' },
};
const maria = {
  firstName: 'Maria',
  lastName: 'Rossi',
  taxCode: 'RSSMRA79B51C566V',
  email: 'maria.rossi@example.org',
  address: { street: 'Corso Vittorio Emanuele II 45', postalCode: '10123', city: 'Torino', province: 'TO' },
};
const luca = {
  firstName: 'Luca',
  lastName: 'Verdi',
  taxCode: 'VRDLCU80A01F839I',
  email: 'luca@verdiconsulenze.example',
  pec: 'verdi.consulenze@pec.example.org',
  address: { street: 'Via Garibaldi 1', postalCode: '80134', city: 'Napoli', province: 'NA' },
};
const verdiConsulenze = {
  provider: 'libero' as const,
  mailbox: 'luca.verdi@iol.it',
  type: 'business' as const,
  plan: 'libero-plus-1tb',
  annualFee: '49,99',
  companyName: 'Verdi Consulenze S.r.l.',
  vatNumber: '00743110157',
};
const association: AssociationInput = {
  name: 'Associazione Utenti Digitali APS',
  taxCode: '97123450583',
  street: 'Via dei Mille 10',
  postalCode: '00185',
  city: 'Roma',
  province: 'RM',
  pec: 'utentidigitali@pec.example.org',
  representative: 'Giovanna Esposito',
};

export const GOLDEN_CASES: GoldenCase[] = [
  {
    id: 'c01-free-pec-without-pec',
    covers: 'free account, man, January default window, PEC chosen without a PEC of his own (warning, no blank)',
    today: '2026-12-01',
    claim: {
      claimant: mario,
      account: { provider: 'libero', mailbox: 'mario.rossi@libero.it', type: 'free' },
      outages: [{ incident: '2023-01' }],
      letter: { delivery: 'pec' },
    },
  },
  {
    id: 'c02-free-woman-both-incidents',
    covers: 'free account, woman (La sottoscritta), both incidents, a ristoro with no money value, raccomandata',
    today: '2026-12-01',
    claim: {
      claimant: maria,
      account: { provider: 'virgilio', mailbox: 'maria.rossi@virgilio.it', type: 'free' },
      outages: [{ incident: '2023-01' }, { incident: '2023-06' }],
      compensationReceived: { description: 'Aumento del 20% dello spazio della casella', amount: '0' },
      letter: { delivery: 'raccomandata' },
    },
  },
  {
    id: 'c03-paid-references-iban-pec',
    covers:
      'the worked example (176,33 €) with customer since, customer number, an earlier complaint, the IBAN, the ' +
      "claimant's PEC and the provider's PEC configured",
    today: '2026-12-01',
    providerPec: 'reclami@pec.italiaonline.example',
    claim: {
      claimant: { ...mario, pec: 'mario.rossi@pec.example.org', phone: '+39 333 123 4567' },
      account: {
        provider: 'libero',
        mailbox: 'mario.rossi@libero.it',
        type: 'paid',
        plan: 'libero-plus-5gb',
        customerSince: '2015-03-15',
        customerNumber: 'LIB-778812',
      },
      outages: [{ incident: '2023-01' }],
      damages: [{ kind: 'lost-mail', description: 'Preventivo di un cliente perso', amount: '150,00' }],
      compensationReceived: {
        description: 'Estensione gratuita di 6 mesi dell’abbonamento annuale Mail Plus',
        amount: 10,
      },
      previousComplaints: [{ reference: '123456', date: '2023-01-24' }, { reference: 'TK-88231' }],
      payment: { iban: 'IT60 X054 2811 1010 0000 0123 456' },
      letter: { place: 'Milano' },
    },
  },
  {
    id: 'c04-business-partial-june',
    covers:
      'a company through its representative, a declared partial period inside the June incident (only the €3 ' +
      'rate cited), lost income above €1.100 (assisted negotiation), PEC without the provider’s address',
    today: '2026-12-01',
    claim: {
      claimant: luca,
      account: verdiConsulenze,
      outages: [{ incident: 'custom', start: '2023-06-14T08:00', end: '2023-06-16T18:00', severity: 'partial' }],
      damages: [
        {
          kind: 'lost-income',
          description: 'Incarico di consulenza perso per mancata risposta a un bando',
          amount: '2.500,00',
        },
      ],
    },
  },
  {
    id: 'c05-paid-woman-court-uncertain',
    covers:
      'a woman with a paid plan, both incidents, €12.572,98: between €10.000 and €30.000 after 31/10/2026 the ' +
      'letter names the competent judicial authority',
    today: '2026-12-01',
    claim: {
      claimant: maria,
      account: { provider: 'virgilio', mailbox: 'maria.rossi@virgilio.it', type: 'paid', plan: 'virgilio-plus-100gb' },
      outages: [{ incident: '2023-01' }, { incident: '2023-06' }],
      damages: [
        { kind: 'lost-income', description: 'Incarico professionale perso', amount: '12.000,00' },
        { kind: 'missed-deadline', description: 'Termine di gara mancato', amount: '499,99' },
      ],
      letter: { deadlineDays: 30 },
    },
  },
  {
    id: 'c06-data-loss-gdpr',
    covers:
      'a consumer’s data loss: the GDPR paragraph (artt. 4, 32, 82), the breach asked and not asserted, the ' +
      'Tribunale for art. 82; a declared fee different from the plan’s',
    today: '2026-12-01',
    claim: {
      claimant: mario,
      account: {
        provider: 'libero',
        mailbox: 'mario.rossi@libero.it',
        type: 'paid',
        plan: 'libero-plus-1tb',
        annualFee: '24,99',
      },
      outages: [{ incident: '2023-06' }],
      damages: [
        { kind: 'data-loss', description: 'Archivio di posta del 2022 non più recuperabile', amount: '300,00' },
      ],
    },
  },
  {
    id: 'c07-ristoro-capped',
    covers: 'a ristoro larger than indemnity and refund: imputed up to their amount, never to the damages',
    today: '2026-12-01',
    claim: {
      claimant: mario,
      account: { provider: 'libero', mailbox: 'mario.rossi@libero.it', type: 'paid', plan: 'libero-plus-5gb' },
      outages: [{ incident: '2023-01' }],
      damages: [{ kind: 'extra-costs', description: 'Spese di corriere per reinviare documenti', amount: '20,00' }],
      compensationReceived: { description: 'Buono acquisto', amount: '50,00' },
    },
  },
  {
    id: 'c08-english-partial-june',
    covers:
      'an English claimant: the Italian letter, then the courtesy translation; a declared partial June period, a ' +
      'capped ristoro, raccomandata',
    today: '2026-12-01',
    claim: {
      claimant: {
        ...mario,
        firstName: 'John',
        lastName: 'Smith',
        taxCode: 'SMTJHN80A01Z114C',
        email: 'john@example.org',
      },
      account: { provider: 'libero', mailbox: 'john.smith@libero.it', type: 'paid', plan: 'libero-plus-1tb' },
      outages: [{ incident: '2023-06', severity: 'partial' }],
      damages: [{ kind: 'lost-mail', description: 'Lost booking confirmation', amount: '85,50' }],
      compensationReceived: { description: 'Voucher', amount: '25,00' },
      letter: { language: 'en', delivery: 'raccomandata' },
    },
  },
  {
    id: 'c09-custom-period-dst',
    covers: 'a custom period outside the known incidents, across the change to summer time (47 h → 2 days)',
    today: '2026-12-01',
    claim: {
      claimant: maria,
      account: { provider: 'libero', mailbox: 'maria.rossi@libero.it', type: 'free' },
      outages: [{ incident: 'custom', start: '2023-03-25T20:00', end: '2023-03-27T20:00' }],
    },
  },
  {
    id: 'c11b-last-day-of-prescription',
    covers: 'dated 28/01/2033, the last day of prescription: eligible, sent by PEC (the warning says why)',
    today: '2033-01-28',
    claim: {
      claimant: { ...mario, pec: 'mario.rossi@pec.example.org' },
      account: { provider: 'libero', mailbox: 'mario.rossi@libero.it', type: 'free' },
      outages: [{ incident: '2023-01' }],
    },
  },
  {
    id: 'c13-business-data-loss',
    covers: 'a company’s data loss: civil code only, no GDPR, no Garante, no art. 15/33/34 demands',
    today: '2026-12-01',
    claim: {
      claimant: luca,
      account: verdiConsulenze,
      outages: [{ incident: 'custom', start: '2023-06-14T08:00', end: '2023-06-16T18:00', severity: 'partial' }],
      damages: [{ kind: 'data-loss', description: 'Archivio clienti perso', amount: '2.500,00' }],
    },
  },
  {
    id: 'termination-paid',
    covers: 'a paid subscriber asking for termination (art. 1453, with art. 1455), with a 20-day term',
    today: '2026-12-01',
    claim: {
      claimant: maria,
      account: { provider: 'libero', mailbox: 'maria.rossi@libero.it', type: 'paid', plan: 'libero-plus-1tb' },
      outages: [{ incident: '2023-01' }],
      letter: { termination: true, deadlineDays: 20 },
    },
  },
  {
    id: 'business-free-mailbox',
    covers: 'a company on a free mailbox (R12): €1 a day, no refund, the company’s clauses, a woman representing it',
    today: '2026-12-01',
    claim: {
      claimant: {
        firstName: 'Elena',
        lastName: 'Conti',
        taxCode: 'CNTLNE75D52L219O',
        email: 'elena@studioconti.example',
        address: { street: 'Via Po 3', postalCode: '10124', city: 'Torino', province: 'TO' },
      },
      account: {
        provider: 'libero',
        mailbox: 'studio.conti@libero.it',
        type: 'business',
        plan: 'libero-free',
        companyName: 'Studio Conti S.a.s.',
        vatNumber: '02112340126',
      },
      outages: [{ incident: '2023-01' }],
      damages: [{ kind: 'lost-income', description: 'Appuntamenti con clienti persi', amount: '800,00' }],
      letter: { delivery: 'raccomandata' },
    },
  },
  {
    id: 'above-30000-tribunale',
    covers: 'a claim above €30.000: the Tribunale',
    today: '2026-12-01',
    claim: {
      claimant: mario,
      account: { provider: 'libero', mailbox: 'mario.rossi@libero.it', type: 'paid', plan: 'libero-plus-1tb' },
      outages: [{ incident: '2023-06' }],
      damages: [{ kind: 'lost-income', description: 'Contratto di fornitura perso', amount: '31.000,00' }],
    },
  },
  {
    id: 'b1-association-member',
    covers:
      'an association for a member (B1): its name once, the representative named as a woman, the member who may ' +
      'go to court, the mandate attached',
    today: '2026-12-01',
    association: { ...association, representativeSex: 'female' },
    claim: {
      claimant: mario,
      account: { provider: 'libero', mailbox: 'mario.rossi@libero.it', type: 'paid', plan: 'libero-plus-5gb' },
      outages: [{ incident: '2023-01' }],
      damages: [{ kind: 'lost-mail', description: 'Preventivo perso', amount: '150,00' }],
      compensationReceived: { amount: '10,00' },
    },
  },
  {
    id: 'b2-association-woman-member',
    covers: 'an association for a woman (l’associata), both incidents, the representative’s sex not given (il/la)',
    today: '2026-12-01',
    association,
    claim: {
      claimant: {
        firstName: 'Manuela',
        lastName: 'Ricci',
        taxCode: 'RCCMNL83S58D969L',
        email: 'manu.ricci@example.org',
        address: { street: 'Piazza De Ferrari 3/B', postalCode: '16121', city: 'Genova', province: 'GE' },
      },
      account: { provider: 'virgilio', mailbox: 'manuela.ricci@virgilio.it', type: 'free' },
      outages: [{ incident: '2023-01' }, { incident: '2023-06' }],
    },
  },
  {
    id: 'b8-association-english-foreign-name',
    covers: 'an association, in English: a name outside Latin-1 (B8) and its courtesy translation',
    today: '2026-12-01',
    association: { ...association, representativeSex: 'female' },
    claim: {
      claimant: {
        firstName: 'Ştefan',
        lastName: 'Łukasiewicz-Øre',
        taxCode: 'LKSSFN90H15Z129O',
        email: 'stefan@example.org',
        address: { street: 'Via Nizza 20', postalCode: '10125', city: 'Torino', province: 'TO' },
      },
      account: { provider: 'libero', mailbox: 'stefan.lukasiewicz@libero.it', type: 'paid', plan: 'libero-plus-5gb' },
      outages: [{ incident: '2023-06' }],
      damages: [{ kind: 'other', description: 'Lost train booking', amount: '80,50' }],
      letter: { language: 'en' },
    },
  },
  {
    id: 'business-english-termination',
    covers: 'a company in English asking for termination, by PEC with the provider’s address',
    today: '2026-12-01',
    providerPec: 'reclami@pec.italiaonline.example',
    claim: {
      claimant: luca,
      account: verdiConsulenze,
      outages: [{ incident: '2023-01' }, { incident: '2023-06' }],
      damages: [{ kind: 'lost-income', description: 'Lost consulting assignment', amount: '1.800,00' }],
      letter: { language: 'en', termination: true },
    },
  },
];
