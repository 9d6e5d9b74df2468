import type { Campaign } from '../../core/campaign/campaign-schema';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../core/i18n/language';
import type { Ruleset } from '../../core/rules/ruleset-types';
import type { Outbox } from '../../mail/outbox/outbox';
import { queueFollowUpMail } from '../../mail/queue-followup-mail';
import { messageKey } from '../../mail/queue-letter-mail';
import type { Requester } from '../../mail/send-budget';
import type { MemberClaim, MemberRecord } from './campaign-store';
import { FOLLOW_UP_MAIL_SKIP_TEXTS } from './campaign-texts';
import type { FollowUpDocument, FollowUpSkip, SinkOutcome } from './follow-ups';

type Field = Record<string, unknown> | undefined;
const field = (value: unknown, name: string): Field =>
  value && typeof value === 'object' ? ((value as Record<string, unknown>)[name] as Field) : undefined;

/** The language of the member's own letter (their claim's), for the message around the reminder. */
function memberLanguage(claim: MemberClaim | null): Language {
  const language = field(claim, 'letter')?.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/**
 * Outbox delivery of a campaign's reminders, to the member's own address only and only when it is confirmed. Issue
 * 11's rule is that nobody is mailed at an address nobody vouched for; for a campaign member the association vouched
 * for the address in its list, and the address is confirmed once the campaign's own letter to it left the outbox
 * (the mail server took it: status "sent"). A member whose letter was never e-mailed, is still queued, or failed is
 * skipped and reported, never mailed.
 */
export function outboxFollowUps(
  outbox: Outbox,
  deps: { campaign: Campaign; memberClaim: (member: MemberRecord) => Promise<MemberClaim | null>; ruleset: Ruleset },
  options: { requester: Requester; language: Language },
): {
  precheck: (member: MemberRecord) => Promise<FollowUpSkip | null>;
  sink: (document: FollowUpDocument, member: MemberRecord) => Promise<SinkOutcome>;
} {
  const texts = FOLLOW_UP_MAIL_SKIP_TEXTS;
  const skip = (why: keyof typeof texts): FollowUpSkip => ({
    skipped: why === 'overBudget' ? 'over-budget' : 'no-confirmed-address',
    detail: texts[why][options.language],
  });
  return {
    async precheck(member) {
      if (!member.email || !member.letterSha256) return skip('noAddress');
      const key = messageKey(member.letterSha256, member.email);
      const state = (await outbox.store.byKeys([key])).get(key);
      if (!state) return skip('letterNotMailed');
      if (state.status !== 'sent') return skip('letterNotSent');
      return null;
    },
    async sink(document, member) {
      const claim = await deps.memberClaim(member);
      const provider = field(field(claim, 'account'), 'provider') as unknown;
      const service =
        provider === 'libero' || provider === 'virgilio' ? deps.ruleset.services[provider].name : 'Libero / Virgilio';
      const queued = await queueFollowUpMail(outbox, {
        to: member.email!,
        memberName: member.name,
        associationName: deps.campaign.association.name,
        service,
        letterDate: member.letterDate!,
        deadline: document.deadline,
        fileName: document.fileName,
        pdf: document.pdf,
        language: memberLanguage(claim),
        requester: options.requester,
      });
      return queued.ok ? undefined : skip('overBudget');
    },
  };
}
