import type { Ruleset } from './ruleset-types';

/**
 * The rules in force: every amount, rate, cap, deadline, incident window and plan Reclamo uses, each with
 * its source: an entry of docs/sources.md (`docs/sources.md#<id>`; test/core/sources.test.ts checks that it exists).
 * Change a figure here, bump `version`, and every assessment and letter produced afterwards records the new version.
 */
export const RULESET: Ruleset = {
  version: '2026.11.1',
  publishedOn: '2026-11-23',
  provider: {
    name: 'Italiaonline S.p.A.',
    street: 'Via del Bosco Rinnovato 8, Palazzo U4',
    postalCode: '20057',
    city: 'Assago',
    province: 'MI',
    taxCode: '03970540963',
    vatNumber: '03970540963',
    source: 'docs/sources.md#provider-italiaonline',
    pecNote:
      'The PEC address of Italiaonline was not found in any source: it is ' +
      'configuration (PROVIDER_PEC), never invented.',
  },
  services: {
    libero: {
      name: 'Libero Mail',
      domains: ['libero.it', 'inwind.it', 'iol.it', 'blu.it', 'giallo.it'],
      source: 'docs/sources.md#service-domains',
    },
    virgilio: { name: 'Virgilio Mail', domains: ['virgilio.it'], source: 'docs/sources.md#service-domains' },
  },
  incidents: [
    {
      id: '2023-01',
      providers: ['libero', 'virgilio'],
      start: '2023-01-22T22:00',
      end: '2023-01-28T20:00',
      severity: 'total',
      title: {
        it: 'Gennaio 2023: caselle irraggiungibili per circa sei giorni',
        en: 'January 2023: mailboxes unreachable for about six days',
      },
      facts: [
        {
          knownSince: '2023-01-23',
          text: {
            it:
              'Dalla sera di domenica 22/01/2023 le caselle sono risultate ' +
              'irraggiungibili. La posta in arrivo dopo le ' +
              'ore 16:00 del 23/01/2023 è stata respinta e rinviata ai mittenti.',
            en:
              'From the evening of Sunday 22/01/2023 mailboxes could not be reached. Mail arriving after 16:00 on ' +
              '23/01/2023 was rejected and bounced to its senders.',
          },
        },
        {
          knownSince: '2023-01-25',
          text: {
            it:
              'La stessa Italiaonline S.p.A. ha attribuito il disservizio a un ' +
              'difetto del sistema operativo di una nuova ' +
              'tecnologia di storage fornita da un fornitore esterno, escludendo un attacco informatico.',
            en:
              'Italiaonline S.p.A. itself attributed the outage to a defect in the operating system of a new storage ' +
              'technology supplied by an external vendor, ruling out a cyber attack.',
          },
        },
        {
          knownSince: '2023-02-02',
          text: {
            it:
              'La riapertura è stata progressiva dal 26/01/2023; tutte le caselle ' +
              'sono tornate accessibili la sera del ' +
              '28/01/2023 e il pieno ripristino è stato dichiarato il 02/02/2023.',
            en:
              'Mailboxes reopened progressively from 26/01/2023; all of them were accessible again on the evening of ' +
              '28/01/2023 and full restoration was declared on 02/02/2023.',
          },
        },
      ],
      knownOffers: [
        {
          it: "Estensione gratuita di 6 mesi dell'abbonamento annuale Mail Plus (utenti a pagamento)",
          en: 'Free 6-month extension of the annual Mail Plus subscription (paying users)',
        },
        {
          it: 'Spazio della casella aumentato del 20% (utenti gratuiti, nessun importo in denaro)',
          en: 'Mailbox space increased by 20% (free users, no money)',
        },
      ],
      source: 'docs/sources.md#incident-2023-01',
    },
    {
      id: '2023-06',
      providers: ['libero', 'virgilio'],
      start: '2023-06-13T23:00',
      end: '2023-06-19T09:00',
      severity: 'total',
      title: {
        it: 'Giugno 2023: caselle inaccessibili dal 13 al 19 giugno',
        en: 'June 2023: mailboxes inaccessible from 13 to 19 June',
      },
      facts: [
        {
          knownSince: '2023-06-19',
          text: {
            it:
              'Dalla tarda serata del 13/06/2023 le caselle sono rimaste ' +
              'inaccessibili quasi senza interruzione fino al ' +
              '17/06/2023, con piena risoluzione la mattina del 19/06/2023 e il rischio della perdita di parte della ' +
              'posta del periodo. La società ha parlato prima di "manutenzione evolutiva", poi di "instabilità ' +
              'all\'infrastruttura".',
            en:
              'From late in the evening of 13/06/2023 mailboxes stayed inaccessible ' +
              'almost without interruption until ' +
              '17/06/2023, with full resolution on the morning of 19/06/2023 and part ' +
              'of the mail of the period at risk ' +
              'of being lost. The company first spoke of "evolutionary maintenance", then of "instability of the ' +
              'infrastructure".',
          },
        },
        {
          knownSince: '2023-07-24',
          text: {
            it:
              "L'Autorità Garante della Concorrenza e del Mercato ha avviato il 24/07/2023 un procedimento ai sensi " +
              "dell'art. 20 del Codice del Consumo per la mancanza di preavviso, " +
              "un'assistenza non proporzionata e il " +
              'rischio di perdita della posta.',
            en:
              'On 24/07/2023 the Italian Competition Authority (AGCM) opened a ' +
              'proceeding under art. 20 of the Consumer ' +
              'Code for the lack of notice, assistance that was not proportionate and the risk of lost mail.',
          },
        },
      ],
      knownOffers: [],
      source: 'docs/sources.md#incident-2023-06',
    },
  ],
  plans: [
    {
      id: 'libero-free',
      name: 'Libero Mail (1 GB)',
      providers: ['libero'],
      annualFeeCents: 0,
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'virgilio-free',
      name: 'Virgilio Mail (3 GB)',
      providers: ['virgilio'],
      annualFeeCents: 0,
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'libero-plus-5gb',
      name: 'Libero Mail Plus 5 GB',
      providers: ['libero'],
      annualFeeCents: 1999,
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'libero-plus-1tb',
      name: 'Libero Mail Plus 1 TB',
      providers: ['libero'],
      annualFeeCents: 4999,
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'virgilio-plus-100gb',
      name: 'Virgilio Mail Plus 100 GB',
      providers: ['virgilio'],
      annualFeeCents: 2999,
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'mail-basic',
      name: 'Mail Basic',
      providers: ['libero', 'virgilio'],
      annualFeeCents: 399,
      source: 'docs/sources.md#plan-mail-basic',
    },
  ],
  indemnity: {
    totalPerDayCents: { value: 600, source: 'docs/sources.md#agcom-347-18-art-6-1' },
    partialPerDayCents: { value: 300, source: 'docs/sources.md#agcom-347-18-art-6-2' },
    freePerDayCents: { value: 100, source: 'docs/sources.md#agcom-347-18-art-4-3' },
    freeCapCents: { value: 10000, source: 'docs/sources.md#agcom-347-18-art-4-3' },
    basis: 'art. 1226 c.c.; Delibera AGCOM 347/18/CONS, All. A (parametro equitativo)',
  },
  refund: {
    daysPerYear: { value: 365, source: 'docs/sources.md#rule-refund-pro-rata' },
    basis: 'artt. 1218 e 1453 c.c.',
  },
  damages: { basis: 'art. 1223 c.c.', dataLossBasis: 'art. 1223 c.c.; art. 82 Reg. (UE) 2016/679 (GDPR)' },
  compensationReceived: {
    basis: {
      it: 'detratto da indennizzo e rimborso, mai dai danni',
      en: 'offset against indemnity and refund, never against damages',
    },
  },
  dayLengthHours: { value: 24, source: 'docs/sources.md#rule-day-count' },
  deadlineDays: {
    default: 15,
    min: 15,
    max: 60,
    source: 'docs/sources.md#rule-deadline-days',
  },
  prescriptionYears: { value: 10, source: 'docs/sources.md#art-2946-cc' },
  thresholds: {
    selfRepresentationCents: { value: 110000, source: 'docs/sources.md#art-82-cpc' },
    giudiceDiPaceCents: { value: 1000000, source: 'docs/sources.md#giudice-di-pace-value-limit' },
  },
};
