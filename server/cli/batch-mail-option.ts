import { loadConfig } from '../config/app-config';
import { RULESET } from '../core/rules/ruleset';
import { isSendTarget, MAIL_REPORT_COLUMN, SEND_TARGETS } from '../core/member-list/send-target';
import { batchMailHook, type MailableRow } from '../mail/batch-mail';
import { mailSettings } from '../mail/mail-settings';
import { drainOutbox } from '../mail/outbox/drain-outbox';
import { openProcessOutbox } from './open-cli-outbox';
import type { CliIo } from './cli-io';

export interface BatchMail {
  onRow: (row: MailableRow) => Promise<string>;
  extraColumn: typeof MAIL_REPORT_COLUMN;
  /** Sends what the batch queued (unless the running server does) and says how it went. */
  finish: () => Promise<string>;
  close: () => Promise<void>;
}

/** `reclamo batch … --send member|provider|both`: the outbox the batch queues into, or why it cannot send. */
export function openBatchMail(io: CliIo, send: string): BatchMail | { error: string } {
  if (!isSendTarget(send)) return { error: `--send: ${SEND_TARGETS.join(' | ')}` };
  const settings = mailSettings(loadConfig(io.env));
  if (send !== 'member' && Object.keys(settings.providerAddresses).length === 0) {
    return { error: '--send: PROVIDER_ADDRESSES non è configurato / is not configured' };
  }
  const outbox = openProcessOutbox(settings, { drain: true });
  return {
    // This machine's own command line: only the per-address and the server's budgets apply.
    onRow: batchMailHook(outbox, send, { ruleset: RULESET, requester: { kind: 'local' } }),
    extraColumn: MAIL_REPORT_COLUMN,
    finish: async () => {
      const result = await drainOutbox(outbox, { pollMs: 200 });
      const counts = await outbox.store.counts();
      const where = result === 'empty' ? '' : ' — il server in esecuzione sta inviando / the running server is sending';
      return (
        `e-mail: ${counts.sent} sent, ${counts.failed} failed, ` +
        `${counts.queued + counts.sending} queued${where} (reclamo outbox)\n`
      );
    },
    close: () => outbox.close(),
  };
}
