import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../../server/cli/cli-io';
import { main } from '../../server/cli/main';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { memberAddress, queueMembers } from '../../tools/bench/outbox-run';
import { mailSettings } from '../../server/mail/mail-settings';
import { loadConfig } from '../../server/config/app-config';
import { drainOutbox } from '../../server/mail/outbox/drain-outbox';
import { openProcessOutbox } from '../../server/cli/open-cli-outbox';
import { workedExampleClaim } from '../fixtures/claims';
import { letterForMail, tempDir } from '../support/mail-fixtures';
import { OUTBOX_DATABASES, outboxDatabase } from '../support/outbox-databases';

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stdout += text),
    readText: (file) => fs.readFileSync(file, 'utf8'),
    readBytes: (file) => fs.readFileSync(file),
    writeFile: () => undefined,
    env,
  };
  return { code: await main(args, io), stdout };
}

test.each(OUTBOX_DATABASES)(
  'on %s: reclamo outbox lists counts and failures; reclamo outbox retry queues the failed ones again and sends them',
  async (kind) => {
    const database = await outboxDatabase(kind);
    let rejecting = true;
    const smtp = await LoopbackSmtp.start({
      keepRaw: false,
      faults: { reject: (recipient) => rejecting && recipient === memberAddress(1) },
    });
    const dir = tempDir('cli');
    const env = {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'reclamo@example.org',
      MAIL_RATE_PER_SECOND: '0',
      DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
      ...database.env,
      OUTBOX_POLL_MS: '20',
    };
    const settings = mailSettings(loadConfig(env));
    await queueMembers(settings, await letterForMail(workedExampleClaim()), 3);
    const outbox = openProcessOutbox(settings, { drain: true });
    await drainOutbox(outbox, { pollMs: 20 });
    await outbox.close();

    const status = await cli(['outbox'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/queued\s+0\n\s+sending\s+0\n\s+sent\s+2\n\s+failed\s+1\n/);
    expect(status.stdout).toContain(`claimant ${memberAddress(1)} · 1 attempt(s)`);
    expect(status.stdout).toMatch(/550 5\.1\.1 <member1@example\.org>: Recipient address rejected/);

    rejecting = false;
    const retry = await cli(['outbox', 'retry'], env);
    expect(retry.stdout).toContain('queued again: 1');
    expect(retry.stdout).toMatch(/sent\s+3\n\s+failed\s+0\n/);
    expect(smtp.received.map((message) => message.to[0]).sort()).toEqual([
      memberAddress(0),
      memberAddress(1),
      memberAddress(2),
    ]);
    expect((await cli(['outbox', 'nonsense'], env)).code).toBe(2);
    await smtp.close();
    await database.drop();
  },
);
