import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { workedExampleClaim } from '../fixtures/claims';
import { BatchStore } from '../../server/batch/batch-store';
import type { BatchStatus } from '../../server/batch/batch-status';
import type { AppConfig } from '../../server/config/app-config';
import { listEmlFiles } from '../../server/mail/local-outbox';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import type { LetterService } from '../../server/use-cases/letter-service';
import { fixture, SAMPLE_CSV, TEST_ASSOCIATION_INPUT } from './batch-run';
import { codeFromLocalOutbox } from './confirmation-mail';
import { tempDir, testMailSettings, waitFor } from './mail-fixtures';
import { testApp, UNLIMITED_RATES } from './test-app';
import { testLetterService } from './test-service';
import { coveredForm, csrfFrom, encodeForm, postForm, workedExampleForm, type FormFields } from './web-forms';
import { addTestOperator, signIn, type TestOperator } from './operators';

type Agent = ReturnType<typeof request.agent>;

/** One running app as a browser sees it; `browser()` is a new visitor with its own cookies. */
export interface Site {
  browser(): Agent;
  /** A new visitor signed in as the site's operator (the batch pages are for operators). */
  operator(): Promise<Agent>;
  operatorId(): Promise<string>;
  batchDir: string;
  outboxDir: string;
  /** Unexpected errors the app reported (the 500 page's site expects one). */
  internalErrors: unknown[];
}

/**
 * The apps the pages come from: the normal one (local outbox, batches), one with a 1 KB form limit, one that takes
 * one form a minute, one whose letter service breaks.
 */
export type SiteName = 'main' | 'tinyBody' | 'oneFormPerMinute' | 'broken';
export type Sites = Record<SiteName, Site>;

export interface CheckedPage {
  /** Unique, lowercase with dashes: how the checker's report names the page. */
  name: string;
  status: number;
  /** A piece of the page's HTML that only this page (in this state) has. */
  shows: string;
  open(sites: Sites): Promise<request.Response>;
}

// ---- How a page is reached: the building blocks of the list below. ----

const get =
  (url: string, site: SiteName = 'main') =>
  (sites: Sites) =>
    sites[site].browser().get(url);

const post =
  (url: string, fields: FormFields, site: SiteName = 'main') =>
  (sites: Sites) =>
    postForm(sites[site].browser(), url, fields);

/** Posts `times` times from one visitor and answers the last response (to reach a rate limit). */
const postRepeatedly = (url: string, fields: FormFields, times: number, site: SiteName) => async (sites: Sites) => {
  const agent = sites[site].browser();
  let response = await postForm(agent, url, fields);
  for (let attempt = 1; attempt < times; attempt += 1) response = await postForm(agent, url, fields);
  return response;
};

/** A page as the signed-in operator sees it. */
const getAsOperator = (url: string) => async (sites: Sites) => (await sites.main.operator()).get(url);

/** The sign-in form posted with `password` (`times` times: the last answer, to reach the wait after failures). */
const signInWith =
  (password: string, options: { lang?: string; times?: number; email?: string } = {}) =>
  async (sites: Sites) => {
    const agent = sites.main.browser();
    const lang = options.lang ?? 'it';
    const token = csrfFrom((await agent.get(`/sign-in?lang=${lang}`)).text);
    let response: request.Response | undefined;
    for (let attempt = 0; attempt < (options.times ?? 1); attempt += 1)
      response = await agent
        .post(`/sign-in?lang=${lang}`)
        .type('form')
        .send(encodeForm({ _csrf: token, email: options.email ?? OPERATOR, password, next: '/batches' }));
    return response!;
  };

/** A post without the CSRF token (an expired form). */
const postWithoutToken = (url: string, fields: FormFields) => (sites: Sites) =>
  sites.main.browser().post(url).type('form').send(encodeForm(fields));

/** The status page of a batch in `state`, written to the store the way a web process of the cluster writes it. */
const batchInState = (change: Partial<BatchStatus>) => async (sites: Sites) => {
  const store = new BatchStore(sites.main.batchDir, 60 * 60_000);
  const status = await store.create(Date.now(), await sites.main.operatorId());
  await store.write({ ...status, ...change });
  return (await sites.main.operator()).get(`/batches/${status.id}`);
};

/** Uploads a member list from the batch page and follows it to its status page; `until` waits for a state. */
const uploadBatch =
  (file: string, options: { lang?: string; until?: 'done'; association?: Record<string, string> } = {}) =>
  async (sites: Sites) => {
    const agent = await sites.main.operator();
    const lang = options.lang ?? 'it';
    const token = csrfFrom((await agent.get(`/batches?lang=${lang}`)).text);
    const upload = agent.post(`/batches?lang=${lang}`).field('_csrf', token);
    for (const [name, value] of Object.entries(options.association ?? TEST_ASSOCIATION_INPUT)) {
      void upload.field(`association.${name}`, value);
    }
    const created = await upload.attach('file', file);
    if (created.status !== 303) return created;
    const location = String(created.headers.location);
    let page = await agent.get(location);
    const ready = options.until === 'done' ? 'id="batch-progress"' : null;
    for (let attempt = 0; ready && page.text.includes(ready) && attempt < 600; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      page = await agent.get(location);
    }
    return page;
  };

/** The local outbox page once the mail sent by an earlier page has been written as an .eml file. */
const outboxWithMail = async (sites: Sites) => {
  await waitFor(() => listEmlFiles(sites.main.outboxDir).length > 0, 20_000, 'the .eml file of the mail page');
  return sites.main.browser().get('/outbox');
};

const eligible = workedExampleForm();
const notEligible = coveredForm();
const broken = {
  ...eligible,
  'claimant.taxCode': 'RSSMRA79B11C566X',
  'claimant.email': 'not-an-address',
  'claimant.address.postalCode': '201',
  incidents: [],
  'damages.0.amount': 'dieci',
};

/** A page: its name in the report, the status it answers with, a piece of HTML that shows it is that page. */
const page = (name: string, status: number, shows: string, open: CheckedPage['open']): CheckedPage => ({
  name,
  status,
  shows,
  open,
});

const OPERATOR = 'pages@association.example';
const ANY_BATCH = '00000000-0000-4000-8000-000000000000';
const sendMeACopy = { ...eligible, 'send.claimant': 'yes' };

/** "Send by e-mail" in its two steps: the code read from the local outbox, then posted back with the answers. */
const sendConfirmed = (lang: 'it' | 'en') => async (sites: Sites) => {
  const agent = sites.main.browser();
  const fields = { ...sendMeACopy, 'damages.0.amount': lang === 'it' ? '151' : '152' };
  const asked = Date.now();
  await postForm(agent, `/claim/send?lang=${lang}`, fields);
  const code = await codeFromLocalOutbox(sites.main.outboxDir, String(eligible['claimant.email']), asked);
  return postForm(agent, `/claim/send?lang=${lang}`, { ...fields, confirm: 'yes', confirmationCode: code });
};
/** The follow-up form posted with a case file (the worked example's letter of 01/11/2026, as JSON). */
const followupUpload = (lang: 'it' | 'en', fields: Record<string, string>) => async (sites: Sites) => {
  const agent = sites.main.browser();
  const token = csrfFrom((await agent.get(`/followup?lang=${lang}`)).text);
  const claim = { ...workedExampleClaim(), letter: { place: 'Milano', date: '2026-11-01' } };
  let upload = agent.post(`/followup?lang=${lang}`).field('_csrf', token);
  for (const [name, value] of Object.entries(fields)) upload = upload.field(name, value);
  return upload.attach('case', Buffer.from(JSON.stringify({ claim, letterSha256: 'c'.repeat(64) })), 'case.json');
};
const followupNoReply = {
  'sent.method': 'raccomandata',
  'sent.on': '2026-11-02',
  receivedOn: '2026-11-04',
  outcome: 'no-reply',
};
const tooLong = { ...eligible, 'damages.0.description': 'x'.repeat(3000) };
const badAssociation = { association: { name: 'A', pec: 'x' } };

/**
 * Every page of the site, in the states a visitor meets it. Pages are opened in this order (the outbox page after
 * the mail pages). A new page is one line here.
 */
const campaignFields: FormFields = {
  name: 'Libero gennaio 2023',
  ...Object.fromEntries(Object.entries(TEST_ASSOCIATION_INPUT).map(([key, value]) => [`association.${key}`, value])),
  'letter.place': 'Roma',
  retentionMonths: '24',
};

/** The campaign form posted by the operator: the new campaign's dashboard (the redirect followed), or the errors. */
const campaignPosted =
  (fields: FormFields, lang = 'it') =>
  async (sites: Sites) => {
    const agent = await sites.main.operator();
    const token = csrfFrom((await agent.get(`/campaigns?lang=${lang}`)).text);
    const answer = await agent
      .post(`/campaigns?lang=${lang}`)
      .type('form')
      .send(encodeForm({ _csrf: token, ...fields }));
    return answer.status === 303 ? agent.get(String(answer.headers.location)) : answer;
  };

export const CHECKED_PAGES: CheckedPage[] = [
  page('form-it', 200, 'id="claim-form"', get('/')),
  page('form-en', 200, 'Prepare your formal notice', get('/?lang=en')),
  page('form-errors-it', 422, 'id="error-summary"', post('/claim', broken)),
  page('form-errors-en', 422, 'id="error-summary"', post('/claim?lang=en', broken)),
  page('form-edit-answers', 200, 'value="RSSMRA79B11C566R"', post('/claim/edit', eligible)),
  page('form-business-two-damages', 200, 'id="f-damages-2-kind"', post('/claim', businessWithTwoDamages())),
  page('result-eligible-it', 200, 'id="download-pdf"', post('/claim', eligible)),
  page('result-eligible-en', 200, 'id="download-pdf"', post('/claim?lang=en', eligible)),
  page('result-not-eligible-it', 200, 'id="not-eligible-help"', post('/claim', notEligible)),
  page('result-not-eligible-en', 200, 'id="not-eligible-help"', post('/claim?lang=en', notEligible)),
  page('mail-confirm-it', 202, 'id="confirmation-code"', post('/claim/send', sendMeACopy)),
  page('mail-confirm-en', 202, 'id="confirmation-code"', post('/claim/send?lang=en', sendMeACopy)),
  page(
    'mail-code-missing',
    422,
    'id="confirmation-code-error"',
    post('/claim/send', { ...sendMeACopy, confirm: 'yes' }),
  ),
  page('mail-queued-it', 202, 'id="mail-queued"', sendConfirmed('it')),
  page('mail-queued-en', 202, 'id="mail-queued"', sendConfirmed('en')),
  page('mail-no-recipient', 422, 'id="mail-problem"', post('/claim/send', eligible)),
  page('outbox', 200, '.eml"', outboxWithMail),
  page('sign-in-it', 200, 'id="sign-in-form"', get('/sign-in')),
  page('sign-in-en', 200, 'Operator sign-in', get('/sign-in?lang=en')),
  page('batches-signed-out', 200, 'npx reclamo operator add', get('/batches')),
  page('batch-status-signed-out', 401, 'This page is for operators', get(`/batches/${ANY_BATCH}?lang=en`)),
  page('sign-in-rejected', 401, 'id="error-summary"', signInWith('not the password at all')),
  page(
    'sign-in-waiting',
    429,
    'Too many failed attempts',
    signInWith('wrong password!', { lang: 'en', times: 5, email: 'ghost@association.example' }),
  ),
  page('batch-upload-it', 200, 'id="batch-form"', getAsOperator('/batches')),
  page('campaigns-it', 200, 'id="campaign-form"', getAsOperator('/campaigns?lang=it')),
  page(
    'campaign-form-errors-en',
    422,
    'id="error-summary"',
    campaignPosted({ ...campaignFields, name: '', retentionMonths: '0' }, 'en'),
  ),
  page('campaign-dashboard-it', 200, 'id="follow-ups"', campaignPosted(campaignFields)),
  page('campaign-privacy-it', 200, 'Informativa sul trattamento dei dati dei soci', get('/campaigns/privacy?lang=it')),
  page('campaign-privacy-en', 200, 'Privacy note on the processing', get('/campaigns/privacy?lang=en')),
  page('batch-upload-en', 200, 'id="batch-form"', getAsOperator('/batches?lang=en')),
  page('batch-upload-errors', 422, 'id="f-association-pec-error"', uploadBatch(SAMPLE_CSV, badAssociation)),
  page('batch-upload-not-a-list', 415, 'id="f-file-error"', uploadBatch(fixture('not-a-spreadsheet.png'))),
  page('batch-queued', 200, 'id="batch-progress"', batchInState({ state: 'queued' })),
  page('batch-running', 200, 'value="40"', batchInState({ state: 'running', rows: 10, processed: 4 })),
  page('batch-failed', 200, 'Boom', batchInState({ state: 'failed', error: { path: '', message: 'Boom' } })),
  page('batch-done-it', 200, 'letters.zip', uploadBatch(SAMPLE_CSV, { until: 'done' })),
  page('batch-done-en', 200, 'letters.zip', uploadBatch(SAMPLE_CSV, { lang: 'en', until: 'done' })),
  page('batch-gone', 404, 'Lotto non disponibile', getAsOperator(`/batches/${ANY_BATCH}`)),
  page('followup-form-it', 200, 'id="followup-form"', get('/followup')),
  page('followup-form-en', 200, 'Continue your claim', get('/followup?lang=en')),
  page('followup-errors', 422, 'id="error-summary"', followupUpload('it', { ...followupNoReply, outcome: 'partial' })),
  page('followup-result-it', 200, 'id="download-sollecito"', followupUpload('it', followupNoReply)),
  page('followup-result-en', 200, 'id="download-sollecito"', followupUpload('en', followupNoReply)),
  page('followup-nothing-yet', 200, 'id="no-documents"', followupUpload('it', { ...followupNoReply, outcome: 'paid' })),
  page('api-docs', 200, 'Reclamo API', get('/api/docs')),
  page('not-found-it', 404, 'Pagina non trovata', get('/no-such-page')),
  page('not-found-en', 404, 'Page not found', get('/no-such-page?lang=en')),
  page('error-csrf', 403, 'Il modulo è scaduto', postWithoutToken('/claim', eligible)),
  page('error-too-large', 413, 'Dati troppo lunghi', post('/claim', tooLong, 'tinyBody')),
  page('error-too-many', 429, 'Too many requests', postRepeatedly('/claim?lang=en', eligible, 2, 'oneFormPerMinute')),
  page('error-internal', 500, 'Si è verificato un errore', post('/claim', eligible, 'broken')),
];

function businessWithTwoDamages(): FormFields {
  return {
    ...eligible,
    'account.type': 'business',
    'account.companyName': 'Rossi S.r.l.',
    'account.vatNumber': '00743110157',
    'damages.1.kind': 'lost-income',
    'damages.1.description': 'Giornata di lavoro persa',
    'damages.1.amount': '200',
    intent: 'add-damage',
  };
}

function site(options: { config?: Partial<AppConfig>; letterService?: LetterService; outbox?: Outbox }): Site & {
  stop: () => Promise<void>;
} {
  const batchDir = tempDir('checked-batches');
  const { app, internalErrors, stop, storage } = testApp(
    { ...UNLIMITED_RATES, BATCH_DIR: batchDir, BATCH_WORKERS: 1, ...options.config },
    {
      outbox: options.outbox ?? null,
      ...(options.letterService ? { deps: { letterService: options.letterService } } : {}),
    },
  );
  const outboxDir =
    options.outbox?.settings.mode === 'local' ? options.outbox.settings.outboxDir : path.join(batchDir, 'no-outbox');
  let operator: Promise<TestOperator> | undefined;
  const theOperator = () => (operator ??= addTestOperator(storage, OPERATOR));
  return {
    batchDir,
    outboxDir,
    internalErrors,
    browser: () => request.agent(app),
    operator: async () => {
      const agent = request.agent(app);
      await signIn(agent, await theOperator());
      return agent;
    },
    operatorId: async () => (await theOperator()).id,
    stop: async () => {
      await stop();
      fs.rmSync(batchDir, { recursive: true, force: true });
    },
  };
}

/** A letter service that fails on every claim: what the 500 page is shown for. */
function failingLetterService(): LetterService {
  const service = testLetterService();
  return {
    ...service,
    assess: () => {
      throw new Error('the letter service broke (on purpose, for the 500 page)');
    },
  };
}

/** Starts the sites; `stop` ends their batch runners and outbox and removes their folders. */
export function openSites(): { sites: Sites; stop: () => Promise<void> } {
  const outbox = openOutbox(testMailSettings(), { drain: true });
  const all = {
    main: site({ outbox }),
    tinyBody: site({ config: { FORM_BODY_LIMIT_KB: 1 } }),
    oneFormPerMinute: site({ config: { RATE_LIMIT_FORMS_PER_MINUTE: 1 } }),
    broken: site({ letterService: failingLetterService() }),
  };
  const stop = async () => {
    for (const each of Object.values(all)) await each.stop();
    await outbox.close();
    fs.rmSync(path.dirname(all.main.outboxDir), { recursive: true, force: true });
  };
  return { sites: all, stop };
}
