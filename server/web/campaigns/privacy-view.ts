import type { Campaign } from '../../core/campaign/campaign-schema';
import type { Language } from '../../core/i18n/language';
import type { Translate } from '../i18n/catalog';

/**
 * The privacy note on members' data (campaign-privacy.hbs): what is kept, why, for how long, who the controller is
 * and how a member gets their data or has it deleted. With a campaign, its association is named as the controller and
 * its retention period given; without one, the note says where the member finds them.
 */
export function privacyView(
  campaign: Campaign | null,
  options: { language: Language; t: Translate; batchTtlMinutes: number },
) {
  const { t } = options;
  const association = campaign?.association;
  return {
    title: t('campaign.privacy.title'),
    controller: association
      ? t(
          'campaign.privacy.controller.campaign',
          Object.fromEntries(Object.entries(association).filter(([, value]) => typeof value === 'string')),
        )
      : t('campaign.privacy.controller.generic'),
    howLong: campaign
      ? t('campaign.privacy.howLong.campaign', { months: campaign.retentionMonths })
      : t('campaign.privacy.howLong.generic'),
    files: t('campaign.privacy.what.files', { minutes: options.batchTtlMinutes }),
    campaignHref: campaign ? `/campaigns/${campaign.id}?lang=${options.language}` : null,
    campaignName: campaign?.name ?? null,
  };
}
