import type { BatchJob } from '../batch/batch-runner';
import type { BatchRowResult } from '../batch/run-batch';
import type { Ruleset } from '../core/rules/ruleset-types';
import { batchMailHook } from '../mail/batch-mail';
import type { Outbox } from '../mail/outbox/outbox';
import type { Requester } from '../mail/send-budget';
import type { Storage } from '../storage/open-storage';
import { Campaigns } from '../use-cases/campaigns/campaigns';
import { campaignRowRecorder } from '../use-cases/campaigns/record-member-row';
import type { ShutdownTask } from './graceful-shutdown';

const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;
/** The first sweep waits a little after start, so that a fleet restarting together does not sweep at once. */
const FIRST_SWEEP_AFTER_MS = 60_000;

/**
 * The campaigns on the data layer, the batch row hook that turns a campaign list's rows into member records (and
 * e-mails them when the campaign sends), and the daily retention sweep.
 */
export function composeCampaigns(
  storage: Storage,
  outbox: Outbox | null,
  options: { ruleset: Ruleset; clock?: () => number; reportError: (error: unknown) => void },
): {
  campaigns: Campaigns;
  rowHook: (job: BatchJob, requester: Requester) => ((row: BatchRowResult) => Promise<string>) | undefined;
  stopTask: ShutdownTask;
} {
  const campaigns = new Campaigns(storage.campaigns, {
    ruleset: options.ruleset,
    audit: storage.operators.audit,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const rowHook = (job: BatchJob, requester: Requester) => {
    if (!job.campaign) return undefined;
    const record = campaignRowRecorder(storage.campaigns, { ...job.campaign, now: () => campaigns.now() });
    const { send } = job;
    return async (row: BatchRowResult): Promise<string> => {
      if (!send) {
        await record(row);
        return '';
      }
      const messageIds: string[] = [];
      const cell = outbox
        ? await batchMailHook(outbox, send, {
            ruleset: options.ruleset,
            requester,
            // The provider's copy first: its id is what a PEC receipt of it names.
            onQueued: (messages) =>
              messageIds.push(
                ...[...messages]
                  .sort((a, b) => Number(b.kind === 'provider') - Number(a.kind === 'provider'))
                  .map((message) => message.messageId),
              ),
          })(row)
        : 'not-available';
      await record(row, { cell, messageIds });
      return cell;
    };
  };
  const sweep = () => void campaigns.sweep().catch(options.reportError);
  const first = setTimeout(sweep, FIRST_SWEEP_AFTER_MS);
  first.unref();
  const daily = setInterval(sweep, SWEEP_EVERY_MS);
  daily.unref();
  return {
    campaigns,
    rowHook,
    stopTask: {
      name: 'campaigns',
      stop: async () => {
        clearTimeout(first);
        clearInterval(daily);
      },
    },
  };
}
