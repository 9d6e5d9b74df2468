import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config/app-config';
import { mailSettings } from '../../server/mail/mail-settings';
import { openOutbox } from '../../server/mail/outbox/outbox';
import type { NewMessage } from '../../server/mail/outbox/outbox-port';
import { fmt } from './bench-stats';

const RAW = Buffer.alloc(40_000, 65); // about the size of a letter's message

function message(index: number): NewMessage {
  return {
    key: `key-${index}`,
    letterSha256: 'f'.repeat(64),
    recipientKind: 'claimant',
    messageId: `<${index}@example.org>`,
    envelopeFrom: 'reclamo@example.org',
    recipient: `member${index}@example.org`,
    raw: RAW,
  };
}

/** Queues `count` messages into a fresh outbox, either straight into the store or through the send budgets. */
async function queueOnce(count: number, budgeted: boolean): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-budget-bench-'));
  const outbox = openOutbox(
    mailSettings(
      loadConfig({
        DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
        OUTBOX_DIR: path.join(dir, 'eml'),
        MAIL_LETTERS_PER_DAY: '10000000',
        MAIL_LETTERS_PER_OPERATOR_DAY: '10000000',
      }),
    ),
    { drain: false },
  );
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) {
    if (!budgeted) await outbox.store.enqueue(message(index), Date.now());
    else
      await outbox.enqueueAll([message(index)], {
        kind: 'letter',
        requester: { kind: 'operator', id: 'bench' },
        address: `member${index}@example.org`,
      });
  }
  const msPerMessage = Number(process.hrtime.bigint() - started) / 1e6 / count;
  await outbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return msPerMessage;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * What the send budgets cost when a message is queued: the same messages queued straight into the store and through
 * `enqueueAll` (check and charge operator, address and server budgets in the same transaction), in interleaved rounds.
 */
export async function budgetBench(count: number, rounds = 6): Promise<string[]> {
  const plain: number[] = [];
  const budgeted: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const withBudget of order) (withBudget ? budgeted : plain).push(await queueOnce(count, withBudget));
  }
  return [
    `Send budgets: ${count} messages of 40 KB queued, ${rounds} interleaved rounds (median)`,
    `  straight into the store ${fmt(median(plain), 2)} ms/message; through the budgets ` +
      `${fmt(median(budgeted), 2)} ms/message (× ${fmt(median(budgeted) / median(plain), 2)})`,
  ];
}
