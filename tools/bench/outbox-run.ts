import type { LetterForMail } from '../../server/mail/build-letter-mail';
import type { MailSettings } from '../../server/mail/mail-settings';
import { queueLetterMail } from '../../server/mail/queue-letter-mail';
import { drainOutbox } from '../../server/mail/outbox/drain-outbox';
import { openProcessOutbox } from '../../server/cli/open-cli-outbox';
import type { MessageState } from '../../server/mail/outbox/outbox-port';
import type { LoopbackSmtp } from '../loopback-smtp';

export interface OutboxRun {
  seconds: number;
  perSecond: number;
  states: MessageState[];
  /** Accepted by the server more than once (Message-ID seen again). */
  duplicates: number;
  attempts: number;
}

/** `member17@example.org`: the claimant address of synthetic message 17. */
export function memberAddress(index: number): string {
  return `member${index}@example.org`;
}

/** The same letter to `count` different claimant addresses, queued in the outbox (no one drains yet). */
export async function queueMembers(settings: MailSettings, letter: LetterForMail, count: number): Promise<void> {
  const queue = openProcessOutbox(settings, { drain: false });
  try {
    for (let index = 0; index < count; index += 1) {
      const claim = { ...letter.claim, claimant: { ...letter.claim.claimant, email: memberAddress(index) } };
      await queueLetterMail(queue, {
        letter: { ...letter, claim },
        recipients: { claimant: true, provider: false },
        requester: { kind: 'local' },
      });
    }
  } finally {
    await queue.close();
  }
}

/**
 * Drains what is queued through the loopback server until nothing is queued or in flight; `during` may inject outages.
 */
export async function drainThrough(
  settings: MailSettings,
  smtp: LoopbackSmtp,
  during?: () => Promise<void>,
): Promise<OutboxRun> {
  const outbox = openProcessOutbox(settings, { drain: true });
  const started = process.hrtime.bigint();
  const disturbance = during?.();
  await drainOutbox(outbox, { pollMs: 10 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await disturbance;
  const states = await outbox.store.all();
  await outbox.close();
  const duplicates = [...smtp.acceptedCounts().values()].reduce((sum, count) => sum + count - 1, 0);
  return {
    seconds,
    perSecond: states.length / seconds,
    states,
    duplicates,
    attempts: states.reduce((sum, state) => sum + state.attempts, 0),
  };
}
