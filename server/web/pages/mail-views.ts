import type { Ruleset } from '../../core/rules/ruleset-types';
import { listEmlFiles } from '../../mail/local-outbox';
import type { Outbox } from '../../mail/outbox/outbox';
import type { MessageStatus } from '../../mail/outbox/outbox-schema';
import type { Translate } from '../i18n/catalog';

/** What the result page's send form needs: whether sending exists here and the provider addresses it may use. */
export function sendByMailView(outbox: Outbox | null, ruleset: Ruleset) {
  if (!outbox) return { available: false };
  const providers = Object.entries(outbox.settings.providerAddresses).map(
    ([provider, addresses]) =>
      `${ruleset.services[provider as keyof Ruleset['services']].name}: ${(addresses ?? []).join(', ')}`,
  );
  return {
    available: true,
    local: outbox.settings.mode === 'local',
    providerAddresses: providers.join('; '),
    anyProvider: providers.length > 0,
  };
}

/** The /outbox page: the queue's counts and every .eml file, newest first. */
export function outboxView(dir: string, counts: Record<MessageStatus, number>, t: Translate) {
  return {
    title: t('outbox.title'),
    lead: t('outbox.lead', { dir }),
    counts: t('outbox.counts', counts),
    files: listEmlFiles(dir).map((file) => ({
      name: file.name,
      href: `/outbox/${encodeURIComponent(file.name)}`,
      written: file.modifiedAt.toISOString().slice(0, 19).replace('T', ' '),
      size: `${Math.ceil(file.size / 1024)} KB`,
    })),
  };
}
