import { loadConfig } from '../config/app-config';
import { mailSettings } from '../mail/mail-settings';
import { drainOutbox } from '../mail/outbox/drain-outbox';
import type { Outbox } from '../mail/outbox/outbox';
import { openProcessOutbox } from './open-cli-outbox';
import { MESSAGE_STATUSES } from '../mail/outbox/outbox-schema';
import { describeDatabase } from '../config/database-label';
import { EXIT, type CliIo } from './cli-io';

async function printStatus(io: CliIo, outbox: Outbox): Promise<void> {
  const counts = await outbox.store.counts();
  const { databaseUrl, databasePath } = outbox.settings;
  io.stdout(
    `Outbox ${databaseUrl ? describeDatabase(databaseUrl) : databasePath} (` +
      `${outbox.settings.mode === 'smtp' ? 'SMTP' : `local .eml files in ${outbox.settings.outboxDir}`})\n`,
  );
  for (const status of MESSAGE_STATUSES) io.stdout(`  ${status.padEnd(8)} ${counts[status]}\n`);
  const failures = await outbox.store.failures();
  if (failures.length === 0) return;
  io.stdout(`\nNon inviati / failed (reclamo outbox retry per riprovare / to retry):\n`);
  for (const failure of failures) {
    const when = new Date(failure.updatedAt).toISOString().slice(0, 16).replace('T', ' ');
    io.stdout(
      `  #${failure.id} ${failure.recipientKind} ` +
        `${failure.recipient ?? ''} · ${failure.attempts} attempt(s) · ` +
        `${when} UTC · ${failure.lastError ?? ''}\n`,
    );
  }
}

/** Sends what is queued, unless the running server already does. */
async function sendQueued(io: CliIo, outbox: Outbox): Promise<void> {
  const result = await drainOutbox(outbox, { pollMs: 200 });
  io.stdout(
    result === 'empty'
      ? 'Coda vuota / queue empty.\n'
      : 'Il server in esecuzione sta inviando / the running server is sending them.\n',
  );
}

/**
 * `reclamo outbox` (counts and failures), `reclamo outbox retry` (failed ones queued again and sent), `reclamo outbox
 * send`.
 */
export async function outboxCommand(io: CliIo, action: string | undefined): Promise<number> {
  if (action !== undefined && action !== 'retry' && action !== 'send') {
    io.stderr(`outbox: retry | send\n`);
    return EXIT.invalid;
  }
  const outbox = openProcessOutbox(mailSettings(loadConfig(io.env)), { drain: action !== undefined });
  try {
    if (action === 'retry')
      io.stdout(`Rimessi in coda / queued again: ${await outbox.store.retryFailed(Date.now())}\n`);
    if (action !== undefined) await sendQueued(io, outbox);
    await printStatus(io, outbox);
    return EXIT.ok;
  } finally {
    await outbox.close();
  }
}
