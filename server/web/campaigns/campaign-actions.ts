import type { Request, Response } from 'express';
import type { BatchServices } from '../../batch/batch-services';
import type { Campaign } from '../../core/campaign/campaign-schema';
import { ACTIONS, MEMBER_STATUSES, type MemberAction, type MemberStatus } from '../../core/campaign/member-events';
import type { FieldError } from '../../core/claim/field-error-schema';
import type { Language } from '../../core/i18n/language';
import type { MemberFilter } from '../../use-cases/campaigns/campaign-store';
import type { Campaigns } from '../../use-cases/campaigns/campaigns';
import type { ImportSummary } from '../../use-cases/campaigns/import-table';
import type { ReceiptImportResult } from '../../use-cases/campaigns/import-receipts';
import { startBatchUpload } from '../api/batch-upload';
import { csvTable, IMPORT_LIMITS, receiptFilesOf, receiveFiles, type UploadProblem } from './campaign-uploads';
import { UPLOAD_PROBLEM_TEXTS } from './campaign-web-texts';

/** The filter and page a query string asks for (`?status=…&action=…&list=…&page=…&size=…`); unknown values dropped. */
export function memberQuery(query: Request['query']): { filter: MemberFilter; page: number; size: number } {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
  const whole = (name: string, fallback: number) => (/^[1-9]\d{0,6}$/.test(text(name)) ? Number(text(name)) : fallback);
  const filter: MemberFilter = {};
  if ((MEMBER_STATUSES as readonly string[]).includes(text('status'))) filter.status = text('status') as MemberStatus;
  if ((ACTIONS as readonly string[]).includes(text('action'))) filter.action = text('action') as MemberAction;
  if (text('list') !== '') filter.listNumber = whole('list', 1);
  return { filter, page: whole('page', 1), size: Math.min(whole('size', 50), 500) };
}

type Failure = { ok: false; status: number; errors: FieldError[] };
const failure = (problem: UploadProblem, language: Language): Failure => ({
  ok: false,
  status: problem === 'too-large' || problem === 'too-many' ? 413 : problem === 'no-file' ? 422 : 400,
  errors: [{ path: 'file', message: UPLOAD_PROBLEM_TEXTS[problem][language] }],
});

/** A member list for the campaign: the batch pipeline with the campaign's association and options, as a new list. */
export function addMemberList(
  req: Request,
  res: Response,
  deps: { batches: BatchServices; campaigns: Campaigns },
  campaign: Campaign,
  options: { operatorId: string; language: Language; authorize?: (fields: Record<string, string>) => boolean },
) {
  return startBatchUpload(req, res, deps.batches, options.language, {
    operatorId: options.operatorId,
    ...(options.authorize ? { authorize: options.authorize } : {}),
    preset: {
      association: campaign.association,
      letter: campaign.letter,
      language: options.language,
      ...(campaign.send ? { send: campaign.send } : {}),
    },
    accepted: async (job) => {
      const list = await deps.campaigns.addList(campaign, job.status.id, options.operatorId);
      return { ...job, campaign: { campaignId: campaign.id, listNumber: list.number } };
    },
  });
}

export type BulkKind = 'receipts' | 'raccomandate' | 'outcomes';

/**
 * A bulk file for the campaign, read from a multipart body: PEC receipts (.eml files, or ZIPs of them), or a CSV of
 * raccomandata numbers or of outcomes. `authorize` sees the form fields first (the page's CSRF check).
 */
export async function importBulk(
  req: Request,
  campaigns: Campaigns,
  campaign: Campaign,
  kind: BulkKind,
  options: { operatorId: string; language: Language; authorize?: (fields: Record<string, string>) => boolean },
): Promise<
  | { ok: true; kind: 'receipts'; result: ReceiptImportResult }
  | { ok: true; kind: 'raccomandate' | 'outcomes'; result: ImportSummary }
  | Failure
  | { ok: false; status: 403; errors: [] }
> {
  const { language, operatorId } = options;
  if (!req.is('multipart/form-data')) return failure('malformed', language);
  const received = await receiveFiles(req, IMPORT_LIMITS);
  if (typeof received === 'string') return failure(received, language);
  if (options.authorize && !options.authorize(received.fields)) return { ok: false, status: 403, errors: [] };
  const files = received.files.filter((file) => file.bytes.length > 0);
  if (files.length === 0) return failure('no-file', language);
  if (kind === 'receipts') {
    const receipts = await receiptFilesOf(files, IMPORT_LIMITS);
    if (typeof receipts === 'string') return failure(receipts, language);
    return { ok: true, kind, result: await campaigns.importReceipts(campaign, receipts, operatorId, language) };
  }
  const table = csvTable(files[0]!.bytes);
  if (table === 'malformed') return failure('malformed', language);
  const result =
    kind === 'raccomandate'
      ? await campaigns.importRaccomandate(campaign, table, operatorId, language)
      : await campaigns.importOutcomes(campaign, table, operatorId, language);
  return { ok: true, kind, result };
}
