import type { Request, Response } from 'express';
import { writeFollowUpZip } from '../../batch/follow-up-zip';
import type { Campaign } from '../../core/campaign/campaign-schema';
import { validateWith } from '../../core/claim/validate-claim';
import type { Ruleset } from '../../core/rules/ruleset-types';
import type { Outbox } from '../../mail/outbox/outbox';
import type { Campaigns } from '../../use-cases/campaigns/campaigns';
import { produceFollowUps, type FollowUpDocuments, type FollowUpLine } from '../../use-cases/campaigns/follow-ups';
import { outboxFollowUps } from '../../use-cases/campaigns/mail-follow-ups';
import { sendErrors } from '../api/api-errors';
import { requestLanguage } from '../http/request-language';
import { followUpRequestSchema } from './campaign-api-schemas';
import { CAMPAIGN_API_TEXTS } from './campaign-web-texts';

export interface FollowUpRouteDeps {
  campaigns: Campaigns;
  followUps: FollowUpDocuments | null;
  outbox: Outbox | null;
  ruleset: Ruleset;
}

/** A line of the outbox delivery's answer (the ZIP carries the same in report.csv). */
function answerLine(line: FollowUpLine) {
  return {
    memberId: line.member.id,
    listNumber: line.member.listNumber,
    row: line.member.row,
    name: line.member.name,
    result: line.skipped ? ('skipped' as const) : ('queued' as const),
    fileName: line.fileName,
    deadline: line.deadline,
    reason: line.skipped,
    detail: line.detail,
  };
}

/**
 * `POST /api/v1/campaigns/:id/follow-ups`: the reminders of every member whose deadline passed with no reply, as a
 * streamed ZIP (one PDF per member and report.csv) or queued through the outbox to confirmed addresses only.
 */
export async function postFollowUps(
  req: Request,
  res: Response,
  deps: FollowUpRouteDeps,
  campaign: Campaign,
  operatorId: string,
  reportError: (error: unknown) => void,
): Promise<void> {
  const language = requestLanguage(req);
  const unavailable = (key: 'followUpsUnavailable' | 'mailUnavailable') =>
    sendErrors(res, 503, [
      { path: key === 'mailUnavailable' ? 'delivery' : '', message: CAMPAIGN_API_TEXTS[key][language] },
    ]);
  const request = validateWith(followUpRequestSchema, req.body ?? {}, language);
  if (!request.ok) return sendErrors(res, 422, request.errors);
  const documents = deps.followUps;
  if (!documents) return unavailable('followUpsUnavailable');
  const { action, delivery } = request.value;
  const base = { action, documents, operatorId, language };
  if (delivery === 'zip') return streamFollowUpZip(res, deps.campaigns, campaign, base, reportError);
  const { outbox } = deps;
  if (!outbox) return unavailable('mailUnavailable');
  const { produced, skipped, lines } = await mailFollowUps({ ...deps, outbox }, campaign, base);
  res.set('Cache-Control', 'no-store').json({ produced, skipped, members: lines.map(answerLine) });
}

type FollowUpOptions = Parameters<typeof writeFollowUpZip>[2] & { operatorId: string };

/** The reminders as a ZIP download (the API's and the campaign page's). */
export async function streamFollowUpZip(
  res: Response,
  campaigns: Campaigns,
  campaign: Campaign,
  options: FollowUpOptions,
  reportError: (error: unknown) => void,
): Promise<void> {
  res
    .status(200)
    .type('application/zip')
    .set('Cache-Control', 'no-store')
    .set('Content-Disposition', 'attachment; filename="solleciti.zip"');
  try {
    await writeFollowUpZip(campaigns, campaign, options, res);
  } catch (error) {
    // The ZIP has started: nothing to answer but a cut connection (the members' logs are left unchanged).
    if (!res.destroyed) reportError(error);
    res.destroy();
  }
}

/** The reminders queued through the outbox to confirmed addresses only: who was queued, who skipped and why. */
export async function mailFollowUps(
  deps: Omit<FollowUpRouteDeps, 'outbox' | 'followUps'> & { outbox: Outbox },
  campaign: Campaign,
  options: FollowUpOptions,
): Promise<{ produced: number; skipped: number; lines: FollowUpLine[] }> {
  const mail = outboxFollowUps(
    deps.outbox,
    {
      campaign,
      memberClaim: (member) => deps.campaigns.store.memberClaim(campaign.id, member.id),
      ruleset: deps.ruleset,
    },
    { requester: { kind: 'operator', id: options.operatorId }, language: options.language },
  );
  const lines: FollowUpLine[] = [];
  const result = await produceFollowUps(
    deps.campaigns,
    campaign,
    { ...options, precheck: mail.precheck, report: (line) => void lines.push(line) },
    mail.sink,
  );
  return { produced: result.produced, skipped: result.skipped, lines };
}
