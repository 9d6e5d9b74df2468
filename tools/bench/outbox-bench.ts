import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { loadConfig } from '../../server/config/app-config';
import type { LetterForMail } from '../../server/mail/build-letter-mail';
import { mailSettings } from '../../server/mail/mail-settings';
import { createDefaultLetterService } from '../../server/use-cases/default-letter-service';
import { benchClaim } from './bench-claims';
import { fmt } from './bench-stats';
import { LoopbackSmtp, type SmtpFaults } from '../loopback-smtp';
import { drainThrough, memberAddress, queueMembers, type OutboxRun } from './outbox-run';

const NOW = Date.UTC(2026, 10, 23, 11);
const POOL = 4;

/** The faults of the acceptance test: 421 twice for every tenth member, a dropped DATA for every 25th, one 550. */
export const BENCH_FAULTS: SmtpFaults = {
  tempFail: (recipient, attempt) => memberIndex(recipient) % 10 === 1 && attempt <= 2,
  reject: (recipient) => recipient === memberAddress(7),
  dropInData: (recipient, attempt) => memberIndex(recipient) % 25 === 3 && attempt === 1,
};

function memberIndex(address: string): number {
  return Number(/^member(\d+)@/.exec(address)?.[1] ?? -1);
}

async function oneRun(
  letter: LetterForMail,
  count: number,
  faults: SmtpFaults | undefined,
  outageMs: number,
): Promise<{ run: OutboxRun; queuedPerSecond: number }> {
  const smtp = await LoopbackSmtp.start({ keepRaw: false, faults });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-outbox-bench-'));
  const settings = mailSettings(
    loadConfig({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Reclamo <reclamo@example.org>',
      MAIL_POOL_SIZE: String(POOL),
      MAIL_RATE_PER_SECOND: '0',
      MAIL_MAX_ATTEMPTS: '40',
      MAIL_RETRY_BASE_MS: '10',
      MAIL_RETRY_MAX_MS: '100',
      DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
    }),
  );
  try {
    const started = process.hrtime.bigint();
    await queueMembers(settings, letter, count);
    const queuedPerSecond = count / (Number(process.hrtime.bigint() - started) / 1e9);
    const run = await drainThrough(settings, smtp, async () => {
      if (!outageMs) return;
      while (smtp.received.length < count / 3) await new Promise((resolve) => setTimeout(resolve, 5));
      await smtp.down();
      await new Promise((resolve) => setTimeout(resolve, outageMs));
      await smtp.up();
    });
    return { run, queuedPerSecond };
  } finally {
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Messages per second through the durable outbox to a loopback smtp-server, clean and with injected faults. */
export async function outboxBench(count: number): Promise<string[]> {
  const service = createDefaultLetterService({ PROVIDER_PEC: undefined }, () => NOW);
  const outcome = await service.letter(benchClaim(0), 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error('bench claim is not eligible');
  const letter = { claim: outcome.claim, assessment: outcome.assessment, rendered: outcome };

  const clean = await oneRun(letter, count, undefined, 0);
  const faulty = await oneRun(letter, count, BENCH_FAULTS, 1000);
  const statuses = (run: OutboxRun) =>
    ['sent', 'failed', 'queued', 'sending']
      .map((status) => `${status} ${run.states.filter((state) => state.status === status).length}`)
      .join(', ');
  const failed = faulty.run.states.filter((state) => state.status === 'failed');
  return [
    `E-mail outbox → loopback smtp-server (${count} messages with a ` +
      `${fmt(outcome.pdf.length / 1024, 0)} KB PDF, pool ` +
      `${POOL}, no rate limit, SQLite WAL):`,
    `  queueing (MIME build + idempotent insert): ${fmt(clean.queuedPerSecond)} messages/s`,
    `  sending, clean server: ${fmt(clean.run.perSecond)} messages/s (` +
      `${fmt(clean.run.seconds, 2)} s; ` +
      `${statuses(clean.run)}; accepted twice: ${clean.run.duplicates})`,
    `  sending with faults (421 ×2 for 1 in 10, DATA dropped for 1 in 25, one 550, server down 1 s): ` +
      `${fmt(faulty.run.perSecond)} messages/s (` +
      `${fmt(faulty.run.seconds, 2)} s)`,
    `    ${statuses(faulty.run)}; attempts ${faulty.run.attempts} for ` +
      `${count} messages; accepted twice: ${faulty.run.duplicates}`,
    ...failed.map((state) => `    failed: ${state.lastError}`),
  ];
}

if (require.main === module) {
  outboxBench(Number(process.env.BENCH_MAIL_MESSAGES ?? 500)).then(
    (lines) => console.log(lines.join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
