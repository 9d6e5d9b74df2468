import type { Ruleset } from './ruleset-types';

const MAIL_PLUS_BEFORE_2023 =
  'On sale before the January 2023 outage: paying Mail Plus users were given an extension after it (FACTS §1, §3)';
const AGCOM_FREE = 'Delibera AGCOM 347/18/CONS, All. A, art. 6 co. 4 in relation to art. 4 co. 3 (FACTS §8)';
const HOLIDAYS_LAW = 'L. 27/05/1949 n. 260, art. 2, as amended by L. 54/1977';

/**
 * The rules in force: every amount, rate, cap, deadline, incident window and plan Reclamo uses, each with
 * its source (see ../shared/domain/FACTS.md). Change a figure here, bump `version`, and every assessment and
 * letter produced afterwards records the new version.
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
    source: 'Contract pages on info.libero.it (FACTS §4)',
    pecNote:
      'The PEC address of Italiaonline was not found in any source: it is ' +
      'configuration (PROVIDER_PEC), never invented.',
  },
  services: {
    libero: {
      name: 'Libero Mail',
      domains: ['libero.it', 'inwind.it', 'iol.it', 'blu.it', 'giallo.it'],
      source: 'FACTS §7',
    },
    virgilio: { name: 'Virgilio Mail', domains: ['virgilio.it'], source: 'FACTS §7' },
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
      source: 'ilpost, leggo, fanpage, helpconsumatori, 01net; offers: punto-informatico, corriere (FACTS §1)',
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
          // The date of the closing decision was not found: this is the day the closure was on record (FACTS §1,
          // ruleset 2026.11.1), so no letter dated earlier states it.
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
      source: 'helpconsumatori, fanpage, telefoniatech; AGCM proceeding of 24/07/2023 and its closure (FACTS §1)',
    },
  ],
  plans: [
    {
      id: 'libero-free',
      name: 'Libero Mail (1 GB)',
      providers: ['libero'],
      annualFeeCents: 0,
      availableFrom: { value: null, source: 'The free service predates every outage Reclamo knows (FACTS §1, §3)' },
      source: 'FACTS §3 (2023 prices)',
    },
    {
      id: 'virgilio-free',
      name: 'Virgilio Mail (3 GB)',
      providers: ['virgilio'],
      annualFeeCents: 0,
      availableFrom: { value: null, source: 'The free service predates every outage Reclamo knows (FACTS §1, §3)' },
      source: 'FACTS §3 (2023 prices)',
    },
    {
      id: 'libero-plus-5gb',
      name: 'Libero Mail Plus 5 GB',
      providers: ['libero'],
      annualFeeCents: 1999,
      availableFrom: { value: null, source: MAIL_PLUS_BEFORE_2023 },
      source: 'FACTS §3 (2023 prices)',
    },
    {
      id: 'libero-plus-1tb',
      name: 'Libero Mail Plus 1 TB',
      providers: ['libero'],
      annualFeeCents: 4999,
      availableFrom: { value: null, source: MAIL_PLUS_BEFORE_2023 },
      source: 'FACTS §3 (2023 prices)',
    },
    {
      id: 'virgilio-plus-100gb',
      name: 'Virgilio Mail Plus 100 GB',
      providers: ['virgilio'],
      annualFeeCents: 2999,
      availableFrom: { value: null, source: MAIL_PLUS_BEFORE_2023 },
      source: 'FACTS §3 (2023 prices)',
    },
    {
      id: 'mail-basic',
      name: 'Mail Basic',
      providers: ['libero', 'virgilio'],
      annualFeeCents: 399,
      availableFrom: {
        value: '2023-11-01',
        source: 'FACTS §3: Mail Basic is sold from November 2023 (paid instead of profiling cookies)',
      },
      source: 'FACTS §3 (from Nov 2023)',
    },
  ],
  indemnity: {
    totalPerDayCents: { value: 600, source: 'Delibera AGCOM 347/18/CONS, All. A, art. 6 co. 1 (FACTS §8)' },
    partialPerDayCents: { value: 300, source: 'Delibera AGCOM 347/18/CONS, All. A, art. 6 co. 2 (FACTS §8)' },
    freePerDayCents: { value: 100, source: AGCOM_FREE },
    freeCapCents: { value: 10000, source: AGCOM_FREE },
    noReplyPerDayCents: { value: 250, source: 'Delibera AGCOM 347/18/CONS, All. A, art. 12 (FACTS §8)' },
    noReplyCapCents: { value: 30000, source: 'Delibera AGCOM 347/18/CONS, All. A, art. 12 (FACTS §8)' },
    basis: 'art. 1226 c.c.; Delibera AGCOM 347/18/CONS, All. A (parametro equitativo)',
  },
  refund: {
    daysPerYear: {
      value: 365,
      source: 'Reclamo rule: pro rata temporis of the annual fee, as loss suffered (artt. 1218 e 1223 c.c.)',
    },
    basis: 'artt. 1218 e 1223 c.c.',
  },
  termination: {
    basis: 'art. 1453 c.c.',
    source:
      'FACTS §5 (artt. 1453–1455 c.c.) and §2 (Movimento Consumatori asked for termination and the refund of the ' +
      'unused days); cited only when the claimant asks for it',
  },
  damages: {
    basis: 'art. 1223 c.c.',
    dataLossBasis: 'art. 1223 c.c.; art. 82 Regolamento (UE) 2016/679',
  },
  interest: {
    basis: 'art. 1224 c.c.',
    source: 'FACTS §8 Interest: legal interest from receipt of the demand, without proof of damage',
    legalRates: [
      { year: 2024, basisPoints: 250, source: 'art. 1284 c.c.; commercialistatelematico.com (FACTS §8)' },
      { year: 2025, basisPoints: 200, source: 'D.M. MEF 10/12/2024, G.U. 294/2024 (FACTS §8)' },
      { year: 2026, basisPoints: 160, source: 'D.M. MEF 10/12/2025, G.U. 289/2025 (FACTS §8)' },
    ],
  },
  compensationReceived: {
    basis: {
      it: 'detratto da indennizzo e rimborso, mai dai danni',
      en: 'offset against indemnity and refund, never against damages',
    },
  },
  dayLengthHours: {
    value: 24,
    source: 'Reclamo rule: real duration (Europe/Rome, daylight saving respected) ÷ 24 h, rounded up',
  },
  deadlineDays: {
    default: 15,
    min: 15,
    max: 60,
    source:
      'FACTS §6.9: 15 days from receipt is the standard; art. 1454 c.c. requires at least 15 when termination is ' +
      'sought',
  },
  holidays: {
    fixed: [
      { month: 1, day: 1, name: 'Capodanno', from: null, source: HOLIDAYS_LAW },
      { month: 1, day: 6, name: 'Epifania', from: null, source: `${HOLIDAYS_LAW}; D.P.R. 792/1985` },
      { month: 4, day: 25, name: 'Anniversario della Liberazione', from: null, source: HOLIDAYS_LAW },
      { month: 5, day: 1, name: 'Festa del lavoro', from: null, source: HOLIDAYS_LAW },
      { month: 6, day: 2, name: 'Festa della Repubblica', from: null, source: `${HOLIDAYS_LAW}; L. 336/2000` },
      { month: 8, day: 15, name: 'Assunzione', from: null, source: HOLIDAYS_LAW },
      {
        month: 10,
        day: 4,
        name: 'San Francesco d’Assisi',
        from: '2026-01-01',
        source: 'National holiday from 2026 (FACTS §8: lavoroediritti.com, quotidiano.net)',
      },
      { month: 11, day: 1, name: 'Ognissanti', from: null, source: HOLIDAYS_LAW },
      { month: 12, day: 8, name: 'Immacolata Concezione', from: null, source: HOLIDAYS_LAW },
      { month: 12, day: 25, name: 'Natale', from: null, source: HOLIDAYS_LAW },
      { month: 12, day: 26, name: 'Santo Stefano', from: null, source: HOLIDAYS_LAW },
    ],
    easterMonday: { source: 'L. 260/1949, art. 2 («il giorno di lunedì dopo Pasqua»)' },
    sundays: {
      source:
        'L. 260/1949, art. 2 («tutte le domeniche»); Saturday is not a holiday for substantive terms ' +
        '(Cass. 17280/2023, FACTS §8)',
    },
    rollForwardSource:
      'artt. 2963 e 1187 c.c. (FACTS §8): a term ending on a holiday moves to the next non-holiday day; applied ' +
      'to the diffida deadline as the prudent reading (W: no source applies art. 1187 to a diffida expressly)',
  },
  letterDateToleranceDays: {
    value: 7,
    source: 'Reclamo rule (issue 10, R3): a letter dated more than 7 days from today is flagged, not refused',
  },
  prescriptionYears: { value: 10, source: 'art. 2946 c.c.; end of the last day, art. 2963 c.c. (FACTS §8)' },
  gdprPrescriptionYears: {
    value: 5,
    source: 'art. 2947 c.c., if the art. 82 GDPR head is treated as extra-contractual (FACTS §8: W)',
  },
  prescriptionWarningDays: {
    value: 30,
    source:
      'Reclamo rule (issue 10, R4): the interruption works only on receipt (artt. 1334–1335 and 2943 c.c., ' +
      'FACTS §8), so a letter this close to the last day goes by PEC',
  },
  courts: {
    giudiceDiPaceUpTo: [
      {
        from: '2023-02-28',
        cents: 1000000,
        source: 'Contract claims up to €10,000 for filings from 28/02/2023 (riforma Cartabia, FACTS §8)',
      },
    ],
    tribunaleAbove: [
      {
        from: '2023-02-28',
        cents: 1000000,
        source: 'Above the Giudice di Pace limit of €10,000 (riforma Cartabia, FACTS §8)',
      },
      {
        from: '2026-10-31',
        cents: 3000000,
        source:
          'D.Lgs. 116/2017 raises the Giudice di Pace limit to €30,000 from 31/10/2026 (D.L. 117/2025, ' +
          'L. 148/2025); a further deferral could not be ruled out (FACTS §8), so between €10,000 and €30,000 the ' +
          'letter names «l’Autorità giudiziaria competente» until a dated Giudice di Pace limit is configured',
      },
    ],
    selfRepresentationCents: {
      value: 110000,
      source: 'art. 82 c.p.c.: no lawyer needed before the Giudice di Pace up to €1,100 (FACTS §8)',
    },
    assistedNegotiation: {
      fromCents: 110000,
      upToCents: 5000000,
      source:
        'art. 3 D.L. 132/2014 (L. 162/2014): compulsory before suing for sums up to €50,000, not for consumer ' +
        'contracts nor where the party may appear in person (FACTS §8)',
    },
    gdprCourt:
      'art. 10 D.Lgs. 150/2011 (as replaced by D.Lgs. 101/2018): art. 82 GDPR damages go to the Tribunale ' +
      '(FACTS §8)',
  },
};
