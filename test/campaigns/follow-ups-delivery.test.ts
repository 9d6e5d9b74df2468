import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { queueLetterMail } from '../../server/mail/queue-letter-mail';
import { openStorage } from '../../server/storage/open-storage';
import type { CampaignStore } from '../../server/use-cases/campaigns/campaign-store';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { freeClaim, workedExampleClaim } from '../fixtures/claims';
import { parseReport, readZip, testAssociation } from '../support/batch-run';
import { recordLetterMember } from '../support/campaign-letters';
import { testCampaign } from '../support/campaigns';
import { receivedBy } from '../support/confirmation-mail';
import { tempDir, testMailSettings, waitFor } from '../support/mail-fixtures';
import { addTestOperator, signedInAgent } from '../support/operators';
import { csrfFrom, encodeForm } from '../support/web-forms';
import { flatText } from '../support/pdf-tools';
import { runCli } from '../support/run-cli';
import { testApp, UNLIMITED_RATES, type TestApp } from '../support/test-app';
import { TEST_NOW } from '../support/test-service';

/** Both members' letters delivered by raccomandata on 22 October 2026: their terms ran out on 6 November. */
async function delivered(store: CampaignStore, campaignId: string, memberIds: string[]): Promise<void> {
  const outcomes = await store.record(
    campaignId,
    memberIds.map((memberId, index) => ({
      memberId,
      event: {
        at: TEST_NOW - 30 * 86_400_000,
        operatorId: null,
        data: {
          kind: 'delivered',
          proof: 'raccomandata-receipt',
          reference: `RR00000000${index}IT`,
          deliveredOn: '2026-10-22',
          deadline: '2026-11-06',
        },
      },
    })),
  );
  expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
}

describe('the reminders through the outbox', () => {
  let smtp: LoopbackSmtp;
  let outbox: Outbox;
  let composed: TestApp;
  beforeAll(async () => {
    smtp = await LoopbackSmtp.start();
    outbox = openOutbox(testMailSettings({ SMTP_URL: smtp.url }), { drain: true });
    composed = testApp(UNLIMITED_RATES, { outbox, clock: () => TEST_NOW });
  });
  afterAll(async () => {
    await composed.stop();
    await outbox.close();
    await smtp.close();
  });
  afterEach(() => expect(composed.internalErrors).toEqual([]));

  test('go only to addresses the campaign’s own letter reached; the others are skipped and reported', async () => {
    const store = composed.storage.campaigns;
    const operator = await addTestOperator(composed.storage);
    const campaign = testCampaign({ association: testAssociation(), createdBy: operator.id });
    await store.create(campaign);
    // Mario's letter was e-mailed to him by the campaign and the mail server took it; Manuela's never was.
    const mario = await recordLetterMember(store, campaign.id, workedExampleClaim(), 2);
    const manuela = await recordLetterMember(store, campaign.id, freeClaim(), 3);
    const requester = { kind: 'operator' as const, id: operator.id };
    const first = await queueLetterMail(outbox, {
      letter: mario.letter,
      recipients: { claimant: true, provider: false },
      requester,
    });
    expect(first.ok).toBe(true);
    await waitFor(() => receivedBy(smtp, 'mario.rossi@example.org').length === 1, 20_000, 'the first letter');
    await waitFor(
      async () => (await outbox.store.all()).every((message) => message.status === 'sent'),
      20_000,
      'the first letter marked sent',
    );
    await delivered(store, campaign.id, [mario.member.id, manuela.member.id]);

    const answer = await request(composed.app)
      .post(`/api/v1/campaigns/${campaign.id}/follow-ups`)
      .set(operator.bearer)
      .send({ delivery: 'outbox' })
      .expect(200);
    expect(answer.body).toMatchObject({ produced: 1, skipped: 1 });
    expect(answer.body.members).toEqual([
      expect.objectContaining({
        row: 2,
        result: 'queued',
        fileName: '0002-mario-rossi-sollecito.pdf',
        deadline: '2026-12-09',
        reason: null,
      }),
      expect.objectContaining({ row: 3, result: 'skipped', fileName: null, reason: 'no-confirmed-address' }),
    ]);
    expect(answer.body.members[1].detail).toContain('non è confermato');

    await waitFor(() => receivedBy(smtp, 'mario.rossi@example.org').length === 2, 20_000, 'the reminder');
    const reminder = await simpleParser(receivedBy(smtp, 'mario.rossi@example.org')[1]!.raw);
    expect(reminder.subject).toBe('Sollecito e ultima diffida – Libero Mail – Mario Rossi');
    expect(reminder.text).toContain(`Il sollecito concede un nuovo termine, che scade il`);
    expect(reminder.attachments.map((attachment) => attachment.filename)).toEqual(['0002-mario-rossi-sollecito.pdf']);
    const text = flatText(reminder.attachments[0]!.content);
    expect(text).toContain('in nome e per conto di Mario Rossi');
    expect(text).toContain(`impronta SHA-256 del file PDF: ${mario.sha256}`);
    // Nothing ever went to the address nobody confirmed.
    expect(receivedBy(smtp, 'manu.ricci@example.org')).toEqual([]);
    expect(await store.member(campaign.id, mario.member.id)).toMatchObject({
      status: 'reminded',
      deadline: '2026-12-09',
    });
    expect(await store.member(campaign.id, manuela.member.id)).toMatchObject({ status: 'delivered', followUps: 0 });

    // The same from the campaign page: Mario's new term has not passed; Manuela is named as skipped, and why.
    const agent = await signedInAgent(composed.app, operator);
    const dashboard = await agent.get(`/campaigns/${campaign.id}?lang=it`).expect(200);
    expect(dashboard.text).toContain('Invia i solleciti per e-mail (solo agli indirizzi confermati)');
    const page = await agent
      .post(`/campaigns/${campaign.id}/follow-ups?lang=it`)
      .type('form')
      .send(encodeForm({ _csrf: csrfFrom(dashboard.text), delivery: 'outbox' }))
      .expect(200);
    expect(page.text).toContain('Accodati: 0. Saltati: 1.');
    expect(page.text).toMatch(/<td>Manuela Ricci<\/td><td>saltato<\/td><td><\/td><td><\/td><td>[^<]*non è confermato/);
    expect(receivedBy(smtp, 'manu.ricci@example.org')).toEqual([]);
  });
});

test('reclamo campaign follow-ups <id> --out writes the ZIP of reminders and its report', async () => {
  const dir = tempDir('campaign-cli');
  const file = path.join(dir, 'storage.sqlite');
  const storage = openStorage({ STORAGE_DATABASE_PATH: file });
  const campaign = testCampaign({ association: testAssociation() });
  await storage.campaigns.create(campaign);
  const mario = await recordLetterMember(storage.campaigns, campaign.id, workedExampleClaim(), 2);
  await delivered(storage.campaigns, campaign.id, [mario.member.id]);
  await storage.close();

  const env = { STORAGE_DATABASE_PATH: file };
  const out = path.join(dir, 'solleciti.zip');
  expect((await runCli(['campaign', 'follow-ups', campaign.id], env)).code).toBe(2);
  expect((await runCli(['campaign', 'follow-ups', campaign.id, '--out', out, '--action', 'to-send'], env)).code).toBe(
    2,
  );
  const unknown = await runCli(['campaign', 'follow-ups', '00000000-0000-4000-8000-000000000000', '--out', out], env);
  expect(unknown.code).toBe(2);
  const run = await runCli(['campaign', 'follow-ups', campaign.id, '--out', out], env);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).toContain('Solleciti / reminders: 1; saltati / skipped: 0');
  expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  const entries = await readZip(out);
  expect([...entries.keys()]).toEqual(['0002-mario-rossi-sollecito.pdf', 'report.csv']);
  expect(flatText(entries.get('0002-mario-rossi-sollecito.pdf')!)).toContain('sollecito e ultima diffida');
  expect(parseReport(entries.get('report.csv')!)[1]!.slice(1, 4)).toEqual(['2', 'Mario Rossi', 'prodotto']);
  const again = openStorage({ STORAGE_DATABASE_PATH: file });
  expect(await again.campaigns.member(campaign.id, mario.member.id)).toMatchObject({ status: 'reminded' });
  await again.close();
});
