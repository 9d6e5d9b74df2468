import fs from 'node:fs';
import { loadConfig } from '../config/app-config';
import { writeFollowUpZip } from '../batch/follow-up-zip';
import { ACTIONS, type MemberAction } from '../core/campaign/member-events';
import type { Language } from '../core/i18n/language';
import { RULESET } from '../core/rules/ruleset';
import { openStorage } from '../storage/open-storage';
import { Campaigns } from '../use-cases/campaigns/campaigns';
import { campaignFollowUpDocuments } from '../use-cases/campaigns/follow-up-documents';
import { createDefaultFollowupService } from '../use-cases/default-followup-service';
import type { FollowupService } from '../use-cases/followup-service';
import { EXIT, type CliIo } from './cli-io';
import { CAMPAIGN_USAGE } from './campaign-command-texts';

export interface CampaignCommandOptions {
  out?: string;
  action?: string;
  lang?: Language;
  /** Defaults to the follow-up service of the ruleset in force. */
  followupService?: () => FollowupService;
}

const usage = (io: CliIo, problem = '') => {
  io.stderr(`${problem}Uso / usage:\n${CAMPAIGN_USAGE}`);
  return EXIT.invalid;
};

/**
 * `reclamo campaign sweep`: the retention sweep; `reclamo campaign follow-ups <id> [--action deadline-passed] --out
 * file.zip`: the reminders of every member the action names as a ZIP (one PDF each and report.csv), each recorded in
 * the member's log. On the configuration's data layer (SQLite or DATABASE_URL).
 */
export async function campaignCommand(
  io: CliIo,
  args: readonly string[],
  options: CampaignCommandOptions = {},
): Promise<number> {
  const [sub, id] = args;
  if (sub === 'sweep' && args.length === 1) return withCampaigns(io, (campaigns) => sweep(io, campaigns));
  if (sub !== 'follow-ups' || args.length !== 2 || !id) return usage(io);
  if (!options.out) return usage(io, '--out: manca il file ZIP / missing ZIP file\n');
  const action = (options.action ?? 'deadline-passed') as MemberAction;
  if (action !== 'deadline-passed')
    return usage(io, `--action: deadline-passed (${ACTIONS.join(', ')} non danno solleciti / give no reminders)\n`);
  const out = options.out;
  return withCampaigns(io, async (campaigns, config) => {
    const campaign = /^[0-9a-f-]{36}$/i.test(id) ? await campaigns.get(id) : null;
    if (!campaign) {
      io.stderr(`Campagna non trovata / campaign not found: ${id}\n`);
      return EXIT.invalid;
    }
    const service = options.followupService?.() ?? createDefaultFollowupService(config);
    const documents = campaignFollowUpDocuments(campaigns.store, service);
    const file = fs.createWriteStream(out, { mode: 0o600 });
    try {
      const result = await writeFollowUpZip(
        campaigns,
        campaign,
        { action, documents, operatorId: null, language: options.lang ?? 'it' },
        file,
      );
      io.stdout(
        `Solleciti / reminders: ${result.produced}; saltati / skipped: ${result.skipped} (report.csv)\n${out}\n`,
      );
      return EXIT.ok;
    } catch (error) {
      file.destroy();
      fs.rmSync(out, { force: true });
      throw error;
    }
  });
}

async function sweep(io: CliIo, campaigns: Campaigns): Promise<number> {
  const removed = await campaigns.sweep();
  io.stdout(`Soci cancellati / members deleted: ${removed}\n`);
  return EXIT.ok;
}

async function withCampaigns(
  io: CliIo,
  work: (campaigns: Campaigns, config: ReturnType<typeof loadConfig>) => Promise<number>,
): Promise<number> {
  const config = loadConfig(io.env);
  const storage = openStorage(config);
  try {
    await storage.ready;
    return await work(new Campaigns(storage.campaigns, { ruleset: RULESET, audit: storage.operators.audit }), config);
  } finally {
    await storage.close();
  }
}
