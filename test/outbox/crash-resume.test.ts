import path from 'node:path';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { queueMembers } from '../../tools/bench/outbox-run';
import { mailSettings } from '../../server/mail/mail-settings';
import { loadConfig } from '../../server/config/app-config';
import { workedExampleClaim } from '../fixtures/claims';
import { letterForMail, tempDir, waitFor } from '../support/mail-fixtures';
import { OUTBOX_DATABASES, outboxDatabase } from '../support/outbox-databases';
import { startServerProcess, type ServerProcess } from '../support/server-process';

const COUNT = 300;
const POOL = 4;
let server: ServerProcess | undefined;

afterEach(() => {
  server?.child.kill('SIGKILL');
});

test.each(OUTBOX_DATABASES)(
  'on %s: killed mid bulk send, restarted: the run completes, each message accepted once but for the crash window',
  async (kind) => {
    const smtp = await LoopbackSmtp.start({ keepRaw: false });
    const dir = tempDir('crash');
    const database = await outboxDatabase(kind);
    const env = {
      ...database.env,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Reclamo <reclamo@example.org>',
      MAIL_POOL_SIZE: String(POOL),
      MAIL_RATE_PER_SECOND: '0',
      MAIL_RETRY_BASE_MS: '10',
      MAIL_RETRY_MAX_MS: '100',
      OUTBOX_POLL_MS: '50',
      OUTBOX_DIR: path.join(dir, 'eml'),
    };
    await queueMembers(mailSettings(loadConfig(env)), await letterForMail(workedExampleClaim()), COUNT);

    // First run paced at 100 messages/s so the kill lands in the middle of the run.
    server = await startServerProcess({ ...env, MAIL_RATE_PER_SECOND: '100' });
    await waitFor(() => smtp.received.length >= 100, 20_000, '100 messages accepted');
    server.child.kill('SIGKILL');
    expect(await server.exited).toBeNull(); // killed: no exit code
    const store = database.open();
    expect((await store.counts()).sent).toBeLessThan(COUNT);

    server = await startServerProcess(env);
    await waitFor(async () => (await store.counts()).sent === COUNT, 30_000, 'every message sent after the restart');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = undefined;

    expect(await store.counts()).toEqual({ queued: 0, sending: 0, sent: COUNT, failed: 0 });
    const accepted = smtp.acceptedCounts();
    expect(accepted.size).toBe(COUNT);
    // Only messages in flight at the kill (at most one per pooled connection) may have been accepted twice.
    const duplicates = [...accepted.values()].reduce((sum, count) => sum + count - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(POOL);
    expect(Math.max(...accepted.values())).toBeLessThanOrEqual(2);
    await store.close();
    await smtp.close();
    await database.drop();
  },
  60_000,
);
