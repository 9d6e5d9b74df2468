import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { openOutbox } from '../../server/mail/outbox/outbox';
import { queueLetterMail } from '../../server/mail/queue-letter-mail';
import type { Requester } from '../../server/mail/send-budget';
import { workedExampleClaim } from '../fixtures/claims';
import { SAMPLE_CSV } from '../support/batch-run';
import { letterForMail, testMailSettings, waitFor } from '../support/mail-fixtures';
import { addTestOperator } from '../support/operators';
import { testApp, UNLIMITED_RATES } from '../support/test-app';

/** What a letter leaves on disk is readable only by the user running the server: files 0600, folders 0700. */
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const LOCAL: Requester = { kind: 'local' };

test('the outbox database, its WAL and the local .eml outbox', async () => {
  const settings = testMailSettings();
  if (settings.mode !== 'local') throw new Error('the test settings write .eml files');
  const outbox = openOutbox(settings, { drain: true });
  try {
    const letter = await letterForMail(workedExampleClaim());
    await queueLetterMail(outbox, { letter, recipients: { claimant: true, provider: false }, requester: LOCAL });
    await waitFor(async () => (await outbox.store.counts()).sent === 1, 20_000, 'the message written');
    for (const suffix of ['', '-wal', '-shm']) expect(modeOf(settings.databasePath + suffix)).toBe(0o600);
    expect(modeOf(path.dirname(settings.databasePath))).toBe(0o700);
    const emls = fs.readdirSync(settings.outboxDir);
    expect(emls).toHaveLength(1);
    expect(modeOf(path.join(settings.outboxDir, emls[0]!))).toBe(0o600);
    expect(modeOf(settings.outboxDir)).toBe(0o700);
  } finally {
    await outbox.close();
  }
});

test("a batch's folder and its files", async () => {
  const batchDir = path.join(path.dirname(testMailSettings().databasePath), 'batches');
  const composed = testApp({ ...UNLIMITED_RATES, BATCH_DIR: batchDir, BATCH_WORKERS: 1 });
  try {
    const { bearer } = await addTestOperator(composed.storage);
    const upload = await request(composed.app).post('/api/v1/batches').set(bearer).attach('file', SAMPLE_CSV);
    expect(upload.status).toBe(202);
    const folder = path.join(batchDir, upload.body.id as string);
    expect(modeOf(folder)).toBe(0o700);
    let state = 'queued';
    while (state === 'queued' || state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ({ state } = (await request(composed.app).get(`/api/v1/batches/${upload.body.id}`).set(bearer)).body);
    }
    expect(state).toBe('done');
    for (const name of fs.readdirSync(folder)) expect([name, modeOf(path.join(folder, name))]).toEqual([name, 0o600]);
  } finally {
    await composed.stop();
  }
});
