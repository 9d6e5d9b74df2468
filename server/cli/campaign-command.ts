import { loadConfig } from '../config/app-config';
import { RULESET } from '../core/rules/ruleset';
import { openStorage } from '../storage/open-storage';
import { Campaigns } from '../use-cases/campaigns/campaigns';
import { EXIT, type CliIo } from './cli-io';
import { CAMPAIGN_USAGE } from './campaign-command-texts';

/** `reclamo campaign sweep`: the retention sweep, on the configuration's data layer (SQLite or DATABASE_URL). */
export async function campaignCommand(io: CliIo, args: readonly string[]): Promise<number> {
  if (args[0] !== 'sweep' || args.length > 1) {
    io.stderr(`Uso / usage:\n${CAMPAIGN_USAGE}`);
    return EXIT.invalid;
  }
  const storage = openStorage(loadConfig(io.env));
  try {
    await storage.ready;
    const campaigns = new Campaigns(storage.campaigns, { ruleset: RULESET, audit: storage.operators.audit });
    const removed = await campaigns.sweep();
    io.stdout(`Soci cancellati / members deleted: ${removed}\n`);
    return EXIT.ok;
  } finally {
    await storage.close();
  }
}
