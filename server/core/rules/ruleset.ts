import type { Ruleset } from './ruleset-types';

const HOLIDAYS = 'docs/sources.md#italian-public-holidays';
const COURTS = 'docs/sources.md#giudice-di-pace-value-limit';

/**
 * The rules in force: every amount, rate, cap, deadline, holiday, threshold, incident window and plan Reclamo uses,
 * each with its source: an entry of docs/sources.md (`docs/sources.md#<id>`; test/core/sources.test.ts checks that
 * it exists). Change a figure here, bump `version`, and every assessment and letter produced afterwards records the
 * new version.
 */
export const RULESET: Ruleset = {
  version: '2026.12.1',
  publishedOn: '2026-12-01',
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
              'Dalla sera di domenica 22/01/2023 le caselle sono risultate irraggiungibili. La posta in arrivo dopo ' +
              'le ore 16:00 del 23/01/2023 è stata respinta e rinviata ai mittenti.',
            en:
              'From the evening of Sunday 22 January 2023 mailboxes could not be reached. Mail arriving after 16:00 ' +
              'on 23 January 2023 was rejected and returned to its senders.',
          },
        },
        {
          knownSince: '2023-01-25',
          text: {
            it:
              'La stessa Italiaonline S.p.A. ha attribuito il disservizio a un difetto del sistema operativo di una ' +
              'nuova tecnologia di storage fornita da un soggetto terzo, escludendo un attacco informatico.',
            en:
              'Italiaonline S.p.A. itself attributed the outage to a defect in the operating system of a new storage ' +
              'technology supplied by a third party, ruling out a cyber attack.',
          },
        },
        {
          knownSince: '2023-02-02',
          text: {
            it:
              'La riapertura è stata progressiva dal 26/01/2023; tutte le caselle sono tornate accessibili la sera ' +
              'del 28/01/2023 e il pieno ripristino è stato dichiarato il 02/02/2023.',
            en:
              'Mailboxes reopened progressively from 26 January 2023; all of them were accessible again on the ' +
              'evening of 28 January 2023 and full restoration was declared on 2 February 2023.',
          },
        },
      ],
      traits: { externalVendor: true, mailBounced: true, intermittentWithinWindow: false },
      knownOffers: [
        {
          description: {
            it: 'Estensione gratuita di 6 mesi dell’abbonamento annuale Mail Plus',
            en: 'Free 6-month extension of the annual Mail Plus subscription',
          },
          audience: { it: 'utenti a pagamento', en: 'paying users' },
        },
        {
          description: { it: 'Aumento del 20% dello spazio della casella', en: 'Mailbox space increased by 20%' },
          audience: { it: 'utenti gratuiti, nessun importo in denaro', en: 'free users, no money' },
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
              'Dalla tarda serata del 13/06/2023 le caselle sono rimaste inaccessibili quasi senza interruzione fino ' +
              'al 17/06/2023, con piena risoluzione la mattina del 19/06/2023 e il rischio della perdita di parte ' +
              'della posta del periodo. Italiaonline S.p.A. ha parlato prima di «manutenzione evolutiva», poi di ' +
              '«instabilità all’infrastruttura».',
            en:
              'From late in the evening of 13 June 2023 mailboxes stayed inaccessible almost without interruption ' +
              'until 17 June 2023, with full resolution on the morning of 19 June 2023 and part of the mail of the ' +
              'period at risk of being lost. Italiaonline S.p.A. first spoke of «manutenzione evolutiva» ' +
              '(“evolutionary maintenance”), then of «instabilità all’infrastruttura» (“instability of the ' +
              'infrastructure”).',
          },
        },
        {
          knownSince: '2023-07-24',
          text: {
            it:
              'L’Autorità Garante della Concorrenza e del Mercato ha avviato il 24/07/2023 un procedimento ai sensi ' +
              'dell’art. 20 del Codice del Consumo per la mancanza di preavviso, un’assistenza non proporzionata e ' +
              'il rischio di perdita della posta.',
            en:
              'On 24 July 2023 the Italian Competition Authority (AGCM) opened a proceeding under art. 20 of the ' +
              'Consumer Code for the lack of notice, assistance that was not proportionate and the risk of lost mail.',
          },
        },
        {
          // The date of the closing decision was not found: this is the day the closure was on record (ruleset
          // 2026.11.1, docs/sources.md#agcm-proceeding-2023-06), so no letter dated earlier states it.
          knownSince: '2026-11-23',
          text: {
            it:
              'Il procedimento si è poi concluso, senza sanzione, con l’accettazione degli impegni proposti da ' +
              'Italiaonline S.p.A.',
            en:
              'The proceeding was later closed, without a fine, by accepting the commitments offered by ' +
              'Italiaonline S.p.A.',
          },
        },
      ],
      traits: { externalVendor: false, mailBounced: false, intermittentWithinWindow: true },
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
      availableFrom: { value: null, source: 'docs/sources.md#plan-availability' },
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'virgilio-free',
      name: 'Virgilio Mail (3 GB)',
      providers: ['virgilio'],
      annualFeeCents: 0,
      availableFrom: { value: null, source: 'docs/sources.md#plan-availability' },
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'libero-plus-5gb',
      name: 'Libero Mail Plus 5 GB',
      providers: ['libero'],
      annualFeeCents: 1999,
      availableFrom: { value: null, source: 'docs/sources.md#plan-availability' },
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'libero-plus-1tb',
      name: 'Libero Mail Plus 1 TB',
      providers: ['libero'],
      annualFeeCents: 4999,
      availableFrom: { value: null, source: 'docs/sources.md#plan-availability' },
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'virgilio-plus-100gb',
      name: 'Virgilio Mail Plus 100 GB',
      providers: ['virgilio'],
      annualFeeCents: 2999,
      availableFrom: { value: null, source: 'docs/sources.md#plan-availability' },
      source: 'docs/sources.md#plans-2023',
    },
    {
      id: 'mail-basic',
      name: 'Mail Basic',
      providers: ['libero', 'virgilio'],
      annualFeeCents: 399,
      availableFrom: { value: '2023-11-01', source: 'docs/sources.md#plan-availability' },
      source: 'docs/sources.md#plan-mail-basic',
    },
  ],
  indemnity: {
    totalPerDayCents: { value: 600, source: 'docs/sources.md#agcom-347-18-art-6-1' },
    partialPerDayCents: { value: 300, source: 'docs/sources.md#agcom-347-18-art-6-2' },
    freePerDayCents: { value: 100, source: 'docs/sources.md#agcom-347-18-art-4-3' },
    freeCapCents: { value: 10000, source: 'docs/sources.md#agcom-347-18-art-4-3' },
    noReplyPerDayCents: { value: 250, source: 'docs/sources.md#agcom-347-18-art-12' },
    noReplyCapCents: { value: 30000, source: 'docs/sources.md#agcom-347-18-art-12' },
    basis: 'art. 1226 c.c.; Delibera AGCOM 347/18/CONS, All. A (parametro equitativo)',
  },
  refund: {
    daysPerYear: { value: 365, source: 'docs/sources.md#rule-refund-pro-rata' },
    basis: 'artt. 1218 e 1223 c.c.',
  },
  termination: { basis: 'art. 1453 c.c.', source: 'docs/sources.md#art-1453-cc' },
  damages: {
    basis: 'art. 1223 c.c.',
    dataLossBasis: 'art. 1223 c.c.; art. 82 Regolamento (UE) 2016/679',
  },
  interest: {
    basis: 'art. 1224 c.c.',
    source: 'docs/sources.md#art-1224-cc',
    legalRates: [
      { year: 2024, basisPoints: 250, source: 'docs/sources.md#legal-interest-rates' },
      { year: 2025, basisPoints: 200, source: 'docs/sources.md#legal-interest-rates' },
      { year: 2026, basisPoints: 160, source: 'docs/sources.md#legal-interest-rates' },
    ],
  },
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
  holidays: {
    fixed: [
      { month: 1, day: 1, name: 'Capodanno', from: null, source: HOLIDAYS },
      { month: 1, day: 6, name: 'Epifania', from: null, source: HOLIDAYS },
      { month: 4, day: 25, name: 'Anniversario della Liberazione', from: null, source: HOLIDAYS },
      { month: 5, day: 1, name: 'Festa del lavoro', from: null, source: HOLIDAYS },
      { month: 6, day: 2, name: 'Festa della Repubblica', from: null, source: HOLIDAYS },
      { month: 8, day: 15, name: 'Assunzione', from: null, source: HOLIDAYS },
      { month: 10, day: 4, name: 'San Francesco d’Assisi', from: '2026-01-01', source: HOLIDAYS },
      { month: 11, day: 1, name: 'Ognissanti', from: null, source: HOLIDAYS },
      { month: 12, day: 8, name: 'Immacolata Concezione', from: null, source: HOLIDAYS },
      { month: 12, day: 25, name: 'Natale', from: null, source: HOLIDAYS },
      { month: 12, day: 26, name: 'Santo Stefano', from: null, source: HOLIDAYS },
    ],
    easterMonday: { source: HOLIDAYS },
    sundays: { source: HOLIDAYS },
    rollForward: { source: 'docs/sources.md#art-2963-cc' },
  },
  letterDateToleranceDays: { value: 7, source: 'docs/sources.md#rule-letter-date' },
  prescriptionYears: { value: 10, source: 'docs/sources.md#art-2946-cc' },
  gdprPrescriptionYears: { value: 5, source: 'docs/sources.md#gdpr-art-82-court' },
  prescriptionWarningDays: { value: 30, source: 'docs/sources.md#rule-prescription-warning' },
  courts: {
    giudiceDiPaceUpTo: [{ from: '2023-02-28', cents: 1000000, source: COURTS }],
    tribunaleAbove: [
      { from: '2023-02-28', cents: 1000000, source: COURTS },
      // The raise to €30,000 due on 31/10/2026 could not be confirmed for the Giudice di Pace: above €10,000 and up
      // to €30,000 the letter names "l'Autorità giudiziaria competente" until a dated limit above is added.
      { from: '2026-10-31', cents: 3000000, source: COURTS },
    ],
    selfRepresentationCents: { value: 110000, source: 'docs/sources.md#art-82-cpc' },
    assistedNegotiation: { fromCents: 110000, upToCents: 5000000, source: 'docs/sources.md#negoziazione-assistita' },
    gdprCourt: { source: 'docs/sources.md#gdpr-art-82-court' },
  },
  followUp: {
    finalTermDays: { value: 15, source: 'docs/sources.md#rule-sollecito-term' },
    courtFee: {
      brackets: [
        { upToCents: 110000, feeCents: 4300 },
        { upToCents: 520000, feeCents: 9800 },
        { upToCents: 2600000, feeCents: 23700 },
        { upToCents: 5200000, feeCents: 51800 },
      ],
      source: 'docs/sources.md#contributo-unificato',
    },
    flatCosts: { aboveCents: 103300, feeCents: 2700, source: 'docs/sources.md#contributo-unificato' },
    agcmFactsMaxChars: { value: 1200, source: 'docs/sources.md#agcm-report' },
    garante: {
      name: 'Garante per la protezione dei dati personali',
      street: 'Piazza Venezia 11',
      postalCode: '00187',
      city: 'Roma',
      pec: 'protocollo@pec.gpdp.it',
      source: 'docs/sources.md#garante-address',
    },
  },
};
