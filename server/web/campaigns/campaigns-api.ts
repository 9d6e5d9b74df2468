import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { publicStatus } from '../../batch/batch-status';
import type { BatchServices } from '../../batch/batch-services';
import type { Campaign } from '../../core/campaign/campaign-schema';
import { errorResponseSchema } from '../../core/claim/field-error-schema';
import type { Campaigns } from '../../use-cases/campaigns/campaigns';
import { registerCsv, registerJson } from '../../use-cases/campaigns/register';
import { crossSiteRefused, sendErrors } from '../api/api-errors';
import { requireApiOperator } from '../api/api-auth';
import type { ApiOperation } from '../api/openapi/api-operation';
import { ERROR_RESPONSES } from '../api/openapi/common-responses';
import { batchStatusSchema } from '../../batch/batch-status';
import { requestLanguage } from '../http/request-language';
import { refuseCrossSiteWrites } from '../security/cross-site';
import { currentOperator, type OperatorSessions } from '../security/operator-session';
import { addMemberList, importBulk, memberQuery, type BulkKind } from './campaign-actions';
import {
  campaignInputSchema,
  campaignSchema,
  dashboardSchema,
  fileUploadSchema,
  followUpRequestSchema,
  followUpResultSchema,
  importSummarySchema,
  memberEventSchema,
  memberPageSchema,
  memberSchema,
  receiptImportSchema,
} from './campaign-api-schemas';
import { CAMPAIGN_API_TEXTS } from './campaign-web-texts';
import { postFollowUps, type FollowUpRouteDeps } from './follow-ups-route';
import { streamText } from './stream-text';

const errors = (description: string) => ({ description, json: errorResponseSchema });
const id = { name: 'id', in: 'path' as const, description: 'The campaign id', schema: z.uuid() };
const memberId = { name: 'memberId', in: 'path' as const, description: 'The member id', schema: z.uuid() };
const AUTH = { 401: errors('No operator (bearer token or session).'), 403: errors('Cross-site write refused.') };
const NOT_FOUND = { 404: errors('No such campaign (or member).') };
const operation = (
  method: ApiOperation['method'],
  path: string,
  operationId: string,
  summary: string,
  responses: ApiOperation['responses'],
  extra: Partial<ApiOperation> = {},
): ApiOperation => ({
  method,
  path: `/api/v1/campaigns${path}`,
  operationId,
  summary,
  tag: 'campaigns',
  security: 'operator',
  responses: { ...AUTH, ...responses },
  ...extra,
});
const BULK_ERRORS = {
  400: errors('Malformed multipart body or unreadable CSV/ZIP.'),
  413: errors('Too large or too many files.'),
  422: errors('No file.'),
  429: ERROR_RESPONSES[429],
};

export const CAMPAIGNS_OPERATIONS: ApiOperation[] = [
  operation('get', '', 'listCampaigns', 'Every campaign, newest first', {
    200: { description: 'The campaigns', json: z.object({ campaigns: z.array(campaignSchema) }) },
  }),
  operation(
    'post',
    '',
    'createCampaign',
    'Open a campaign: its name, the association, the letter options, the retention period',
    { 201: { description: 'Created', json: campaignSchema }, 422: errors('Invalid fields, each named.') },
    { requestBody: { json: campaignInputSchema } },
  ),
  operation(
    'get',
    '/{id}',
    'getCampaign',
    'The dashboard: counts by status and action, totals, the timeline',
    {
      200: { description: 'Every figure of the dashboard page', json: dashboardSchema },
      ...NOT_FOUND,
    },
    { parameters: [id] },
  ),
  operation(
    'get',
    '/{id}/members',
    'listCampaignMembers',
    'Members, filtered and paginated, in list and row order',
    {
      200: { description: 'A page', json: memberPageSchema },
      ...NOT_FOUND,
    },
    {
      parameters: [
        id,
        { name: 'status', in: 'query', description: 'A member status', schema: z.string() },
        {
          name: 'action',
          in: 'query',
          description: 'to-send, awaiting-proof, deadline-passed, reply-to-review',
          schema: z.string(),
        },
        { name: 'list', in: 'query', description: 'A list number', schema: z.number().int() },
        { name: 'page', in: 'query', description: '1-based page', schema: z.number().int() },
        { name: 'size', in: 'query', description: 'Members per page (at most 500)', schema: z.number().int() },
      ],
    },
  ),
  operation(
    'post',
    '/{id}/lists',
    'addCampaignMemberList',
    'Add a member list: the batch pipeline, each row a member',
    {
      202: { description: 'Accepted: the batch status', json: batchStatusSchema },
      ...BULK_ERRORS,
      ...NOT_FOUND,
      503: errors('Too many batches waiting.'),
    },
    { parameters: [id], requestBody: { multipart: fileUploadSchema } },
  ),
  operation(
    'post',
    '/{id}/receipts',
    'importCampaignReceipts',
    'PEC receipts in bulk (.eml files or a ZIP of them)',
    {
      200: { description: 'What was recorded, and what matched nothing with why', json: receiptImportSchema },
      ...BULK_ERRORS,
      ...NOT_FOUND,
    },
    { parameters: [id], requestBody: { multipart: fileUploadSchema } },
  ),
  operation(
    'post',
    '/{id}/raccomandate',
    'importCampaignRaccomandate',
    'Raccomandata numbers by row (CSV)',
    {
      200: { description: 'Lines recorded and line-numbered errors', json: importSummarySchema },
      ...BULK_ERRORS,
      ...NOT_FOUND,
    },
    { parameters: [id], requestBody: { multipart: fileUploadSchema } },
  ),
  operation(
    'post',
    '/{id}/outcomes',
    'importCampaignOutcomes',
    'Outcomes by row or codice fiscale, with amounts (CSV)',
    {
      200: { description: 'Lines recorded and line-numbered errors', json: importSummarySchema },
      ...BULK_ERRORS,
      ...NOT_FOUND,
    },
    { parameters: [id], requestBody: { multipart: fileUploadSchema } },
  ),
  operation(
    'post',
    '/{id}/follow-ups',
    'produceCampaignFollowUps',
    'The reminders (sollecito) of every member whose deadline passed with no reply: a ZIP, or queued by e-mail',
    {
      200: {
        description:
          'delivery "zip": a ZIP streamed as it is made, one PDF per member and report.csv (;) with every member ' +
          'produced or skipped and why; delivery "outbox": what was queued (to confirmed addresses only) and skipped',
        media: { 'application/zip': {} },
        json: followUpResultSchema,
      },
      422: errors('Invalid fields, each named.'),
      429: ERROR_RESPONSES[429],
      ...NOT_FOUND,
      503: errors('No follow-up documents, or no outbox for delivery "outbox".'),
    },
    { parameters: [id], requestBody: { json: followUpRequestSchema } },
  ),
  operation(
    'get',
    '/{id}/register.csv',
    'getCampaignRegisterCsv',
    'The register as CSV (;, UTF-8 with BOM, for Excel)',
    {
      200: { description: 'One line per member', media: { 'text/csv': {} } },
      ...NOT_FOUND,
    },
    { parameters: [id] },
  ),
  operation(
    'get',
    '/{id}/register.json',
    'getCampaignRegisterJson',
    'The register as JSON',
    {
      200: { description: 'Every member record', json: z.array(memberSchema) },
      ...NOT_FOUND,
    },
    { parameters: [id] },
  ),
  operation(
    'get',
    '/{id}/members/{memberId}',
    'getCampaignMember',
    'One member and their event log',
    {
      200: { description: 'The member', json: z.object({ member: memberSchema, events: z.array(memberEventSchema) }) },
      ...NOT_FOUND,
    },
    { parameters: [id, memberId] },
  ),
  operation(
    'get',
    '/{id}/members/{memberId}/export',
    'exportCampaignMember',
    'Everything kept about one member, for their request',
    {
      200: { description: 'Everything kept about the member', json: z.object({ member: memberSchema }).loose() },
      ...NOT_FOUND,
    },
    { parameters: [id, memberId] },
  ),
  operation(
    'delete',
    '/{id}/members/{memberId}',
    'deleteCampaignMember',
    'Delete a member and all their data for good',
    {
      204: { description: 'Deleted' },
      ...NOT_FOUND,
    },
    { parameters: [id, memberId] },
  ),
];

/** The campaigns API (operators only): every figure of the pages, the bulk imports, the register, member requests. */
export function campaignsApi(
  deps: { campaigns: Campaigns; batches: BatchServices } & Omit<FollowUpRouteDeps, 'campaigns'>,
  options: {
    reportError: (error: unknown) => void;
    sessions: OperatorSessions;
    json: RequestHandler;
    uploadLimit: RequestHandler;
    writeLimit: RequestHandler;
  },
): Router {
  const router = Router();
  const { campaigns } = deps;
  const operatorOnly = requireApiOperator(options.sessions);
  const write = [refuseCrossSiteWrites(crossSiteRefused), ...operatorOnly];
  const notFound = (req: Request, res: Response, key: 'notFound' | 'memberNotFound' = 'notFound') =>
    sendErrors(res, 404, [{ path: '', message: CAMPAIGN_API_TEXTS[key][requestLanguage(req)] }]);
  /** The campaign of `:id`, or a 404 answered. */
  const campaignOf = async (req: Request, res: Response): Promise<Campaign | null> => {
    const found = z.uuid().safeParse(req.params.id).success ? await campaigns.get(String(req.params.id)) : null;
    if (!found) notFound(req, res);
    return found;
  };

  router.get('/', ...operatorOnly, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ campaigns: await campaigns.list() });
  });
  router.post('/', options.writeLimit, ...write, options.json, async (req, res) => {
    const created = await campaigns.create(req.body, currentOperator(res)!.id, requestLanguage(req));
    if (!created.ok) sendErrors(res, 422, created.errors);
    else res.status(201).location(`/api/v1/campaigns/${created.campaign.id}`).json(created.campaign);
  });
  router.get('/:id', ...operatorOnly, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (campaign) res.set('Cache-Control', 'no-store').json(await campaigns.dashboard(campaign));
  });
  router.get('/:id/members', ...operatorOnly, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return;
    const { filter, page, size } = memberQuery(req.query);
    const found = await campaigns.members(campaign, filter, page, size);
    res.set('Cache-Control', 'no-store').json({ ...found, page, size });
  });
  router.post('/:id/lists', options.uploadLimit, ...write, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return req.resume();
    const outcome = await addMemberList(req, res, deps, campaign, {
      operatorId: currentOperator(res)!.id,
      language: requestLanguage(req),
    });
    if (!outcome.ok) sendErrors(res, outcome.status, outcome.errors);
    else res.status(202).location(`/api/v1/batches/${outcome.job.status.id}`).json(publicStatus(outcome.job.status));
  });
  for (const kind of ['receipts', 'raccomandate', 'outcomes'] as BulkKind[])
    router.post(`/:id/${kind}`, options.uploadLimit, ...write, async (req, res) => {
      const campaign = await campaignOf(req, res);
      if (!campaign) return req.resume();
      const outcome = await importBulk(req, campaigns, campaign, kind, {
        operatorId: currentOperator(res)!.id,
        language: requestLanguage(req),
      });
      if (!outcome.ok) sendErrors(res, outcome.status, outcome.errors);
      else res.set('Cache-Control', 'no-store').json(outcome.result);
    });
  router.post('/:id/follow-ups', options.writeLimit, ...write, options.json, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (campaign) await postFollowUps(req, res, deps, campaign, currentOperator(res)!.id, options.reportError);
  });
  router.get('/:id/register.csv', ...operatorOnly, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return;
    res.type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="register.csv"');
    await streamText(res, registerCsv(campaigns.store.all(campaign.id), requestLanguage(req)));
  });
  router.get('/:id/register.json', ...operatorOnly, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return;
    res.type('application/json');
    await streamText(res, registerJson(campaigns.store.all(campaign.id)));
  });
  router.get('/:id/members/:memberId', ...operatorOnly, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return;
    const found = await campaigns.member(campaign, String(req.params.memberId));
    if (!found) notFound(req, res, 'memberNotFound');
    else res.set('Cache-Control', 'no-store').json(found);
  });
  router.get('/:id/members/:memberId/export', ...operatorOnly, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return;
    const data = await campaigns.exportMember(campaign, String(req.params.memberId), currentOperator(res)!.id);
    if (!data) notFound(req, res, 'memberNotFound');
    else
      res
        .set('Cache-Control', 'no-store')
        .set('Content-Disposition', 'attachment; filename="member-data.json"')
        .json(data);
  });
  router.delete('/:id/members/:memberId', options.writeLimit, ...write, async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return;
    if (await campaigns.deleteMember(campaign, String(req.params.memberId), currentOperator(res)!.id))
      res.status(204).end();
    else notFound(req, res, 'memberNotFound');
  });
  return router;
}
