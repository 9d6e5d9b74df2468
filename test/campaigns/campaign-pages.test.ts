import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { seedMembers, seedSqliteMembers } from '../support/campaigns';
import { addTestOperator, signedInAgent, type TestOperator } from '../support/operators';
import { testApp, UNLIMITED_RATES, type TestApp } from '../support/test-app';
import { csrfFrom, encodeForm } from '../support/web-forms';

jest.setTimeout(120_000);

type Agent = Awaited<ReturnType<typeof signedInAgent>>;

const campaignForm = (overrides: Record<string, string> = {}) => ({
  name: 'Libero gennaio 2023',
  ...Object.fromEntries(Object.entries(TEST_ASSOCIATION_INPUT).map(([key, value]) => [`association.${key}`, value])),
  'letter.place': 'Roma',
  retentionMonths: '24',
  ...overrides,
});

/** The page with the entities Handlebars writes in attributes decoded (`&amp;`, `&#x3D;`), to compare links. */
const decoded = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

/** The rows of a table's body, as text cells. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()),
  );
}

async function createCampaign(agent: Agent, fields = campaignForm()): Promise<string> {
  const page = await agent.get('/campaigns?lang=it').expect(200);
  const created = await agent
    .post('/campaigns?lang=it')
    .type('form')
    .send(encodeForm({ _csrf: csrfFrom(page.text), ...fields }))
    .expect(303);
  return /\/campaigns\/([0-9a-f-]{36})/.exec(created.headers.location!)![1]!;
}

describe('the campaign pages', () => {
  let composed: TestApp;
  let operator: TestOperator;
  let dir: string;
  let agent: Agent;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-campaign-pages-'));
    composed = testApp({ ...UNLIMITED_RATES, BATCH_DIR: dir, STORAGE_DATABASE_PATH: path.join(dir, 'storage.db') });
    await composed.storage.ready;
    operator = await addTestOperator(composed.storage);
    agent = await signedInAgent(composed.app, operator);
  });
  afterAll(async () => {
    await composed.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => expect(composed.internalErrors).toEqual([]));

  test('not signed in: every page is the sign-in form, and a post is refused before anything is recorded', async () => {
    const { app } = composed;
    const list = await request(app).get('/campaigns?lang=en').expect(200);
    expect(list.text).toContain('id="sign-in-form"');
    expect(list.text).not.toContain('id="campaign-form"');
    const id = await createCampaign(agent);
    const dashboard = await request(app).get(`/campaigns/${id}?lang=en`).expect(401);
    expect(dashboard.text).toContain('id="sign-in-form"');
    expect(dashboard.text).toContain(`name="next" value="/campaigns/${id}"`);
    const before = (await composed.deps.campaigns.list()).length;
    const anonymous = request.agent(app);
    const page = await anonymous.get('/?lang=en').expect(200);
    const post = await anonymous
      .post('/campaigns?lang=en')
      .type('form')
      .send(encodeForm({ _csrf: csrfFrom(page.text), ...campaignForm() }))
      .expect(401);
    expect(post.text).toContain('id="sign-in-form"');
    const upload = await anonymous
      .post(`/campaigns/${id}/outcomes?lang=en`)
      .field('_csrf', csrfFrom(page.text))
      .attach('file', Buffer.from('riga;esito\r\n2;pagato\r\n'), 'esiti.csv')
      .expect(401);
    expect(upload.text).toContain('id="sign-in-form"');
    expect((await composed.deps.campaigns.list()).length).toBe(before);
  });

  test('a post without the right CSRF token is refused with 403 (form, upload, reminders, deletion)', async () => {
    const id = await createCampaign(agent);
    const [member] = await seedMembers(composed.deps.campaigns.store, id, 1);
    const form = await agent
      .post('/campaigns?lang=en')
      .type('form')
      .send(encodeForm({ _csrf: 'forged', ...campaignForm() }))
      .expect(403);
    expect(form.text).not.toContain('id="campaign-form"');
    await agent
      .post(`/campaigns/${id}/outcomes?lang=en`)
      .field('_csrf', 'forged')
      .attach('file', Buffer.from(`riga;esito;importo\r\n${member!.row};pagato;10,00\r\n`), 'esiti.csv')
      .expect(403);
    await agent
      .post(`/campaigns/${id}/members/${member!.id}/delete?lang=en`)
      .type('form')
      .send(encodeForm({ _csrf: 'forged' }))
      .expect(403);
    await agent
      .post(`/campaigns/${id}/follow-ups?lang=en`)
      .type('form')
      .send(encodeForm({ _csrf: 'forged', delivery: 'zip' }))
      .expect(403)
      .expect('Content-Type', /html/);
    const kept = await composed.deps.campaigns.member((await composed.deps.campaigns.get(id))!, member!.id);
    expect(kept?.member.status).toBe('letter-ready');
  });

  test('an invalid campaign form names every invalid field next to it and keeps the answers', async () => {
    const page = await agent.get('/campaigns?lang=it').expect(200);
    const answer = await agent
      .post('/campaigns?lang=it')
      .type('form')
      .send(
        encodeForm({
          _csrf: csrfFrom(page.text),
          ...campaignForm({
            name: '',
            'association.taxCode': '123',
            'association.pec': 'not an address',
            'letter.deadlineDays': '2',
            retentionMonths: '0',
          }),
        }),
      )
      .expect(422);
    for (const field of ['name', 'association-taxCode', 'association-pec', 'letter-deadlineDays', 'retentionMonths']) {
      expect(answer.text).toContain(`href="#f-${field}"`);
      expect(answer.text).toContain(`id="f-${field}-error"`);
    }
    expect(answer.text).toContain('Nome della campagna:');
    expect(answer.text).toContain(`value="${TEST_ASSOCIATION_INPUT.representative}"`);
    expect(answer.text).not.toContain('href="#f-association-name"');
  });

  test('the dashboard shows the API figures, the chart with its table, the lists and members with kept filters', async () => {
    const id = await createCampaign(agent, campaignForm({ name: 'Virgilio giugno 2023' }));
    const campaign = (await composed.deps.campaigns.get(id))!;
    expect(campaign).toMatchObject({ name: 'Virgilio giugno 2023', retentionMonths: 24, letter: { place: 'Roma' } });
    const members = await seedMembers(composed.deps.campaigns.store, id, 3, { letterDate: '2026-11-02' });
    await composed.deps.campaigns.store.record(id, [
      {
        memberId: members[0]!.id,
        event: {
          at: Date.now(),
          operatorId: operator.id,
          data: { kind: 'outcome', outcome: 'paid', amountCents: 12_345, note: null },
        },
      },
    ]);
    const html = (await agent.get(`/campaigns/${id}?lang=it&created=1`).expect(200)).text;
    const api = (await agent.get(`/api/v1/campaigns/${id}`).expect(200)).body;
    expect(html).toContain('Campagna creata.');
    expect(html).toContain('<dd data-figure="members">3</dd>');
    expect(html).toContain('<dd data-figure="recovered">123,45 €</dd>');
    const byStatus = Object.fromEntries(tableRows(html, 'by-status').map(([label, count]) => [label, count]));
    expect(byStatus).toMatchObject({ 'Lettera pronta': String(api.figures.byStatus['letter-ready']), Pagata: '1' });
    expect(api.periods).toEqual({
      unit: 'day',
      periods: [{ from: '2026-11-02', to: '2026-11-02', letters: 3, deliveries: 0 }],
    });
    expect(html).toMatch(/<svg class="chart__svg"[^>]* role="img" aria-labelledby="chart-title chart-desc"/);
    expect(html).toContain('<title id="chart-title">Lettere e consegne nel tempo</title>');
    expect(html).toMatch(/<desc id="chart-desc">[^<]*3 lettere, 0 consegne/);
    expect(tableRows(html, 'timeline-table')).toEqual([['02/11/2026', '3', '0']]);
    expect(tableRows(html, 'members-table').map((row) => row[2])).toEqual(['Socio 2', 'Socio 3', 'Socio 4']);
    expect(decoded(html)).toContain(`href="/api/v1/campaigns/${id}/register.csv?lang=it"`);
    expect(decoded(html)).toContain(`action="/campaigns/${id}/follow-ups?lang=it"`);
    expect(html).toContain('Scarica i solleciti (ZIP)');

    const filtered = (await agent.get(`/campaigns/${id}?lang=it&status=paid`).expect(200)).text;
    expect(tableRows(filtered, 'members-table').map((row) => row[2])).toEqual(['Socio 2']);
    expect(filtered).toContain('<option value="paid" selected>');
  });

  test('an outcomes CSV through the page: the summary names each refused line by number', async () => {
    const id = await createCampaign(agent);
    const members = await seedMembers(composed.deps.campaigns.store, id, 2);
    const page = await agent.get(`/campaigns/${id}?lang=en`).expect(200);
    const summary = await agent
      .post(`/campaigns/${id}/outcomes?lang=en`)
      .field('_csrf', csrfFrom(page.text))
      .attach(
        'file',
        Buffer.from(`riga;esito;importo\r\n${members[0]!.row};pagato;50,00\r\n999;pagato;1,00\r\n;boh;\r\n`),
        'esiti.csv',
      )
      .expect(200);
    expect(summary.text).toContain('Recorded: 1');
    expect(summary.text).toContain('Not recorded: 2');
    expect(tableRows(summary.text, 'import-problems').map((row) => row.slice(0, 2))).toEqual([
      ['3', 'riga'],
      ['4', 'riga'],
    ]);
    const empty = await agent
      .post(`/campaigns/${id}/receipts?lang=en`)
      .field('_csrf', csrfFrom(page.text))
      .attach('file', Buffer.alloc(0), 'nothing.eml')
      .expect(422);
    expect(empty.text).toContain('href="#f-receipts-file"');
    expect(empty.text).toContain('id="f-receipts-file-error"');
  });

  test('a member page shows the log with who recorded each event; deletion asks first, then removes everything', async () => {
    const id = await createCampaign(agent);
    const [member] = await seedMembers(composed.deps.campaigns.store, id, 1);
    const url = `/campaigns/${id}/members/${member!.id}`;
    await composed.deps.campaigns.store.record(id, [
      {
        memberId: member!.id,
        event: {
          at: Date.parse('2026-11-10T09:00:00Z'),
          operatorId: operator.id,
          data: { kind: 'sent', channel: 'pec', reference: null },
        },
      },
    ]);
    const html = (await agent.get(`${url}?lang=it`).expect(200)).text;
    expect(tableRows(html, 'events-table')).toEqual([
      [
        expect.stringMatching(/^14\/11\/2023 ore/),
        'Reclamo (elaborazione dell’elenco)',
        expect.stringContaining('Lettera prodotta'),
      ],
      ['10/11/2026 ore 10:00', 'Test Operator', 'Inviata con PEC'],
    ]);
    const confirm = await agent.get(`${url}/delete?lang=it`).expect(200);
    expect(confirm.text).toContain('Cancellare i dati di Socio 2?');
    const deleted = await agent
      .post(`${url}/delete?lang=it`)
      .type('form')
      .send(encodeForm({ _csrf: csrfFrom(confirm.text) }))
      .expect(303);
    expect(deleted.headers.location).toBe(`/campaigns/${id}?lang=it&deleted=1`);
    await agent.get(`${url}?lang=it`).expect(404);
    expect(await composed.deps.campaigns.store.events(member!.id)).toEqual([]);
  });

  test('the privacy note is public and names the campaign’s association and retention', async () => {
    const id = await createCampaign(agent, campaignForm({ retentionMonths: '18' }));
    const generic = await request(composed.app).get('/campaigns/privacy?lang=it').expect(200);
    expect(generic.text).toContain('reclamo campaign sweep');
    expect(generic.text).toContain('associazione di consumatori che conduce');
    const specific = await request(composed.app).get(`/campaigns/privacy?campaign=${id}&lang=it`).expect(200);
    expect(specific.text).toContain(`Titolare del trattamento è ${TEST_ASSOCIATION_INPUT.name}`);
    expect(specific.text).toContain(TEST_ASSOCIATION_INPUT.pec);
    expect(specific.text).toContain('cancellati 18 mesi');
    const operatorPage = (await agent.get('/campaigns?lang=it').expect(200)).text;
    expect(operatorPage).toContain('href="/campaigns/privacy?lang=it"');
  });

  test('100,000 members: a page holds 50 of them, the last page is reachable, and the links keep the filters', async () => {
    const id = await createCampaign(agent);
    seedSqliteMembers(path.join(dir, 'storage.db'), id, 100_000);
    const first = (await agent.get(`/campaigns/${id}?lang=it`).expect(200)).text;
    expect(tableRows(first, 'members-table')).toHaveLength(50);
    expect(first).toContain('100.000 soci; dal 1 al 50.');
    expect(first).toContain('Pagina 1 di 2.000');
    expect(decoded(first)).toContain(`href="/campaigns/${id}?lang=it&page=2000#members"`);
    const last = (await agent.get(`/campaigns/${id}?lang=it&page=2000`).expect(200)).text;
    expect(tableRows(last, 'members-table').map((row) => row[1])).toContain('100001');
    expect(last).toContain('dal 99.951 al 100.000.');
    const filtered = (await agent.get(`/campaigns/${id}?lang=it&status=delivered&page=2`).expect(200)).text;
    expect(tableRows(filtered, 'members-table').every((row) => row[3] === 'Consegnata')).toBe(true);
    expect(decoded(filtered)).toContain(`href="/campaigns/${id}?lang=it&status=delivered&page=3#members"`);
    expect(decoded(filtered)).toContain(`href="/campaigns/${id}?lang=it&status=delivered#members"`);
    const api = (await agent.get(`/api/v1/campaigns/${id}/members?size=100000`).expect(200)).body;
    expect(api.members).toHaveLength(500);
  });
});
