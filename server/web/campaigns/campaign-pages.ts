import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { BatchServices } from '../../batch/batch-services';
import type { Campaign } from '../../core/campaign/campaign-schema';
import type { FieldError } from '../../core/claim/field-error-schema';
import type { Language } from '../../core/i18n/language';
import type { Ruleset } from '../../core/rules/ruleset-types';
import { formatCount } from '../../core/text/format-count';
import type { Campaigns } from '../../use-cases/campaigns/campaigns';
import { MEMBER_PAGE_SIZES } from '../../use-cases/campaigns/campaigns';
import type { FollowUpDocuments } from '../../use-cases/campaigns/follow-ups';
import { followUpReportCells, followUpReportColumns } from '../../use-cases/campaigns/follow-up-report';
import type { Outbox } from '../../mail/outbox/outbox';
import { batchStatusView } from '../batches/batch-page-view';
import { multipartCsrf, operatorsOnly, uploadsFromOperatorsOnly } from '../batches/batch-pages';
import { currentOperator, type OperatorSessions } from '../security/operator-session';
import type { WebForms } from '../security/web-forms';
import { pageLanguage, pageText } from '../views/page-locals';
import { addMemberList, importBulk, memberQuery, type BulkKind } from './campaign-actions';
import { campaignFormView, campaignInputOf } from './campaign-form';
import { campaignHref, campaignListView, dashboardView, importView, memberView } from './campaign-page-view';
import { mailFollowUps, streamFollowUpZip } from './follow-ups-route';
import { privacyView } from './privacy-view';
import { IMPORT_LIMITS } from './campaign-uploads';

export interface CampaignPagesDeps {
  webForms: WebForms;
  sessions: OperatorSessions;
  campaigns: Campaigns;
  batches: BatchServices;
  ruleset: Ruleset;
  /** The reminders' documents; null: the page says follow-ups are not available. */
  followUps: FollowUpDocuments | null;
  /** The outbox the reminders can be queued through; null: only the ZIP is offered. */
  outbox: Outbox | null;
  reportError: (error: unknown) => void;
  /** How long batch files are kept (the privacy note says it). */
  batchTtlMinutes: number;
}

const isUuid = (value: unknown) => z.uuid().safeParse(value).success;
const BULK_KINDS: BulkKind[] = ['receipts', 'raccomandate', 'outcomes'];
/** Which form of the campaign page a file problem is shown next to. */
type FormName = 'lists' | BulkKind;

/**
 * The operator's campaign pages (server-rendered, no JavaScript needed): GET /campaigns (the list and the form to
 * open one), POST /campaigns, GET /campaigns/{id} (the dashboard: figures, the chart and its table, the lists, the
 * members with filters and pages, the bulk forms), the member list upload and its progress, the bulk imports and
 * their summaries, a member's page with their log, their deletion (with a confirmation step), and the privacy note
 * (GET /campaigns/privacy, public). The same use cases as the API; CSRF on every post; the API's rate limits.
 */
export function campaignPages(deps: CampaignPagesDeps): Router {
  const { webForms, sessions, campaigns } = deps;
  const router = Router();
  const view = (req: Request, res: Response) => ({ language: pageLanguage(req), t: pageText(res) });

  const notFound = (res: Response) => {
    const t = pageText(res);
    res
      .status(404)
      .set('Cache-Control', 'no-store')
      .render('error', { title: t('campaign.notFound.title'), message: t('campaign.notFound.body') });
  };
  /** The campaign of `:id`, or the 404 page answered. */
  const campaignOf = async (req: Request, res: Response): Promise<Campaign | null> => {
    const found = isUuid(req.params.id) ? await campaigns.get(String(req.params.id)) : null;
    if (!found) notFound(res);
    return found;
  };

  /** A GET page for signed-in operators (anyone else gets the sign-in form, which comes back here). */
  const operatorPage = (path: string, handler: (req: Request, res: Response) => Promise<void>) =>
    router.get(path, ...webForms.page, sessions.identify, operatorsOnly(401), handler);

  router.get('/campaigns/privacy', ...webForms.page, sessions.identify, async (req, res) => {
    const id = req.query.campaign;
    const campaign = isUuid(id) ? await campaigns.get(String(id)) : null;
    res.render('campaign-privacy', privacyView(campaign, { ...view(req, res), batchTtlMinutes: deps.batchTtlMinutes }));
  });

  async function renderList(
    req: Request,
    res: Response,
    status: number,
    values?: Record<string, string>,
    errors?: FieldError[],
  ) {
    const { language, t } = view(req, res);
    const form = campaignFormView({ language, t, ruleset: deps.ruleset, values, errors });
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .render('campaigns', {
        title: errors ? `${t('errors.pageTitle')}: ${t('campaign.list.title')}` : t('campaign.list.title'),
        campaigns: campaignListView(await campaigns.list(), { language, t }),
        privacyHref: `/campaigns/privacy?lang=${language}`,
        ...form,
      });
  }

  router.get('/campaigns', ...webForms.page, sessions.identify, operatorsOnly(200), (req, res) =>
    renderList(req, res, 200),
  );

  router.post('/campaigns', ...webForms.post, sessions.identify, operatorsOnly(401), async (req, res) => {
    const { _csrf: _token, ...values } = req.body as Record<string, string>;
    const created = await campaigns.create(campaignInputOf(values), currentOperator(res)!.id, pageLanguage(req));
    if (!created.ok) return renderList(req, res, 422, values, created.errors);
    res.redirect(303, campaignHref(created.campaign, pageLanguage(req), 'created=1'));
  });

  async function renderDashboard(
    req: Request,
    res: Response,
    campaign: Campaign,
    status = 200,
    problem?: { form: FormName; message: string },
  ) {
    const { filter, page } = memberQuery(req.query);
    const size = MEMBER_PAGE_SIZES.default;
    const [dashboard, found] = await Promise.all([
      campaigns.dashboard(campaign),
      campaigns.members(campaign, filter, page, size),
    ]);
    const { language, t } = view(req, res);
    const { mb, rows } = { mb: deps.batches.limits.maxBytes / 1024 / 1024, rows: deps.batches.limits.maxRows };
    const fieldErrors = problem ? { [`${problem.form}.file`]: problem.message } : {};
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .render('campaign', {
        title: problem ? `${t('errors.pageTitle')}: ${campaign.name}` : campaign.name,
        ...dashboardView(dashboard, { filter, page, size, found }, { language, t }),
        notice: req.query.created === '1' ? 'created' : req.query.deleted === '1' ? 'deleted' : null,
        uploadHint: t('campaign.upload.hint', { mb, rows: formatCount(rows, language) }),
        followUps: deps.followUps ? { byMail: deps.outbox !== null } : null,
        fieldErrors,
        errorSummary: problem ? [{ href: `#f-${problem.form}-file`, message: problem.message }] : [],
      });
  }

  operatorPage('/campaigns/:id', async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (campaign) await renderDashboard(req, res, campaign);
  });

  const upload = uploadsFromOperatorsOnly(
    webForms,
    Math.max(deps.batches.limits.maxBytes, IMPORT_LIMITS.totalBytes),
    '/campaigns',
  );

  type Failed = { ok: false; status: number; errors: FieldError[] };
  /**
   * A multipart form of the campaign page: `run` reads the body (its CSRF token checked first) and answers a success;
   * a refused token has had its 403 page, any other failure shows the dashboard with the message at the form's file.
   */
  const multipartForm = (
    form: FormName,
    run: (
      req: Request,
      res: Response,
      campaign: Campaign,
      options: { operatorId: string; language: Language; authorize: (fields: Record<string, string>) => boolean },
    ) => Promise<Failed | { ok: true }>,
  ) =>
    router.post(`/campaigns/:id/${form}`, ...webForms.postWithoutBody, sessions.identify, upload, async (req, res) => {
      const campaign = await campaignOf(req, res);
      if (!campaign) return void req.resume();
      const options = {
        operatorId: currentOperator(res)!.id,
        language: pageLanguage(req),
        authorize: multipartCsrf(webForms, req, res).authorize,
      };
      const outcome = await run(req, res, campaign, options);
      if (outcome.ok || outcome.status === 403) return; // answered (checkCsrf answers a bad token with its page)
      const message = outcome.errors.map((error) => error.message).join(' ');
      await renderDashboard(req, res, campaign, outcome.status, { form, message });
    });

  multipartForm('lists', async (req, res, campaign, options) => {
    const outcome = await addMemberList(req, res, deps, campaign, options);
    if (outcome.ok)
      res.redirect(303, `/campaigns/${campaign.id}/lists/${outcome.job.status.id}?lang=${options.language}`);
    return outcome;
  });

  for (const kind of BULK_KINDS)
    multipartForm(kind, async (req, res, campaign, options) => {
      const outcome = await importBulk(req, campaigns, campaign, kind, options);
      if (outcome.ok)
        res.set('Cache-Control', 'no-store').render('campaign-import', importView(outcome, campaign, view(req, res)));
      return outcome;
    });

  operatorPage('/campaigns/:id/lists/:batchId', async (req, res) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return;
    const batchId = String(req.params.batchId);
    const listed = (await campaigns.store.lists(campaign.id)).some((list) => list.batchId === batchId);
    const status = listed && isUuid(batchId) ? await deps.batches.store.read(batchId) : null;
    const t = pageText(res);
    if (!status)
      return void res
        .status(404)
        .set('Cache-Control', 'no-store')
        .render('error', { title: t('batch.status.gone.title'), message: t('batch.status.gone') });
    res.set('Cache-Control', 'no-store').render('batch-status', {
      ...batchStatusView(status, view(req, res)),
      back: { href: campaignHref(campaign, pageLanguage(req)), label: t('campaign.import.back') },
    });
  });

  /** The member of `:memberId` in the campaign of `:id`, or the 404 page answered. */
  const memberOf = async (req: Request, res: Response) => {
    const campaign = await campaignOf(req, res);
    if (!campaign) return null;
    const found = isUuid(req.params.memberId) ? await campaigns.member(campaign, String(req.params.memberId)) : null;
    if (!found) notFound(res);
    return found ? { campaign, ...found } : null;
  };

  operatorPage('/campaigns/:id/members/:memberId', async (req, res) => {
    const found = await memberOf(req, res);
    if (!found) return;
    const t = pageText(res);
    const names = new Map<string, string>();
    for (const event of found.events)
      if (event.operatorId && !names.has(event.operatorId)) {
        const who = await sessions.auth.identity(event.operatorId);
        names.set(event.operatorId, who ? who.name || who.email : t('campaign.member.formerOperator'));
      }
    const events = found.events.map((event) => ({
      ...event,
      who: event.operatorId ? names.get(event.operatorId)! : t('campaign.member.system'),
    }));
    res
      .set('Cache-Control', 'no-store')
      .render('campaign-member', memberView(found.campaign, found.member, events, view(req, res)));
  });

  operatorPage('/campaigns/:id/members/:memberId/delete', async (req, res) => {
    const found = await memberOf(req, res);
    if (!found) return;
    const member = memberView(found.campaign, found.member, [], view(req, res));
    res.set('Cache-Control', 'no-store').render('campaign-delete', {
      ...member,
      title: pageText(res)('campaign.delete.title', { name: found.member.name }),
    });
  });

  router.post(
    '/campaigns/:id/members/:memberId/delete',
    ...webForms.post,
    sessions.identify,
    operatorsOnly(401),
    async (req, res) => {
      const campaign = await campaignOf(req, res);
      if (!campaign) return;
      const deleted =
        isUuid(req.params.memberId) &&
        (await campaigns.deleteMember(campaign, String(req.params.memberId), currentOperator(res)!.id));
      if (!deleted) return notFound(res);
      res.redirect(303, campaignHref(campaign, pageLanguage(req), 'deleted=1'));
    },
  );

  router.post(
    '/campaigns/:id/follow-ups',
    ...webForms.post,
    sessions.identify,
    operatorsOnly(401),
    async (req, res) => {
      const campaign = await campaignOf(req, res);
      if (!campaign) return;
      const documents = deps.followUps;
      if (!documents) return notFound(res);
      const { language, t } = view(req, res);
      const options = { action: 'deadline-passed' as const, documents, operatorId: currentOperator(res)!.id, language };
      const { outbox } = deps;
      if ((req.body as Record<string, string>).delivery !== 'outbox' || !outbox)
        return streamFollowUpZip(res, campaigns, campaign, options, deps.reportError);
      const sent = await mailFollowUps({ ...deps, outbox }, campaign, options);
      res.set('Cache-Control', 'no-store').render('campaign-follow-ups-sent', {
        title: t('campaign.followUps.sent.title'),
        campaign,
        summary: t('campaign.followUps.sent.summary', {
          produced: formatCount(sent.produced, language),
          skipped: formatCount(sent.skipped, language),
        }),
        columns: followUpReportColumns(language),
        rows: sent.lines.map((line) => followUpReportCells(line, 'outbox', language)),
        back: { href: campaignHref(campaign, language), label: t('campaign.import.back') },
      });
    },
  );

  return router;
}
