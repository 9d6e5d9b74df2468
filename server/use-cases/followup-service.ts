import { createHash } from 'node:crypto';
import { deadlineCalendar, type CalendarFile } from '../calendar/deadline-calendar';
import type { Association } from '../core/claim/association-schema';
import { fieldError, validateWith, type FieldError } from '../core/claim/validate-claim';
import { composeFollowupDocument, type FollowupTemplates } from '../core/followup/compose-followup';
import type { FollowupLetterFacts } from '../core/followup/followup-context';
import { PLAIN_TEXT_LABELS } from '../core/followup/followup-document-texts';
import { followupSchema, type Followup } from '../core/followup/followup-schema';
import {
  assessFollowup,
  type DeliveryProof,
  type DocumentKind,
  type FollowupStatus,
} from '../core/followup/followup-status';
import { openCase } from '../core/followup/open-case';
import type { Language } from '../core/i18n/language';
import type { Letter } from '../core/letter/letter-model';
import { letterToPlainText } from '../core/letter/plain-text';
import type { Ruleset } from '../core/rules/ruleset-types';
import { formatLongDate, romeDateOf, type IsoDate } from '../core/time/rome-time';
import type { LetterFonts } from '../pdf/letter-fonts';
import { renderLetterPdf } from '../pdf/render-letter-pdf';
import { checkReceiptFile, type ReceiptVerdict } from '../pec/check-receipt';
import { describeVerdict } from '../pec/describe-verdict';
import { presentFollowup, type PresentedFollowup } from '../core/followup/present-followup';
import { FOLLOWUP_FILE_TEXTS } from './use-case-texts';

/** The case, read from whatever the claimant uploaded: the claim of the first letter, its sender and fingerprint. */
export interface CaseFile {
  claim: unknown;
  association: Association | null;
  letterSha256: string | null;
}

export type CaseReading = { ok: true; caseFile: CaseFile } | { ok: false; errors: FieldError[] };

/** The port a letter reader plugs into: bytes of an uploaded letter PDF → the case it carries. */
export type LetterPdfReader = (pdf: Buffer, language: Language) => CaseReading;

export interface FollowupServiceDeps {
  ruleset: Ruleset;
  templates: FollowupTemplates;
  fonts: LetterFonts;
  providerPec: string | null;
  /** Where the follow-up page is, for the link in the calendar file. */
  followUpUrl: string;
  now: () => number;
}

export interface FollowupRequest {
  caseFile: CaseFile;
  followup: unknown;
  /** The PEC receipt as uploaded (`.eml`), when there is one. */
  receipt: Buffer | null;
  language: Language;
  /** Render only these of the documents that apply (a campaign's bulk reminders); default: every one. */
  only?: readonly DocumentKind[];
}

export interface FollowupFile {
  kind: DocumentKind | 'calendar';
  fileName: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

export interface ReceiptCheck {
  verdict: ReceiptVerdict['kind'];
  sentences: string[];
}

export type FollowupOutcome =
  | { ok: false; errors: FieldError[] }
  | {
      ok: true;
      followup: Followup;
      status: FollowupStatus;
      presented: PresentedFollowup;
      receipt: ReceiptCheck | null;
      files: FollowupFile[];
      letters: Partial<Record<DocumentKind, Letter>>;
    };

const FILE_NAMES: Record<DocumentKind, { name: string; text: boolean }> = {
  sollecito: { name: 'sollecito.pdf', text: false },
  garante: { name: 'garante.pdf', text: false },
  agcm: { name: 'agcm.txt', text: true },
  conciliaweb: { name: 'conciliaweb.txt', text: true },
  'giudice-di-pace': { name: 'giudice-di-pace.pdf', text: false },
  'accettazione-parziale': { name: 'accettazione-parziale.pdf', text: false },
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function proofOf(verdict: ReceiptVerdict): DeliveryProof | null {
  switch (verdict.kind) {
    case 'delivered':
    case 'delivered-without-copy':
      return {
        kind: 'delivered',
        at: verdict.at,
        on: romeDateOf(verdict.at),
        to: verdict.to,
        id: verdict.receipt.daticert.id,
        exactLetter: verdict.kind === 'delivered',
      };
    case 'delivery-failed':
      return { kind: 'failed', at: verdict.at, reason: verdict.reason };
    case 'acceptance-only':
      return { kind: 'accepted-only', at: verdict.at };
    case 'for-another-message':
      return { kind: 'other-message' };
    case 'not-a-receipt':
      return null;
  }
}

/** Dates the claimant gives cannot be after the follow-up, nor before the first letter. */
function dateErrors(followup: Followup, letterDate: IsoDate, today: IsoDate, language: Language): FieldError[] {
  const errors: FieldError[] = [];
  const latest = followup.date ?? today;
  if (followup.sent.on < letterDate) {
    errors.push(
      fieldError('followup.sent.on', 'followup.sentBeforeLetter', language, {
        date: formatLongDate(letterDate, language),
      }),
    );
  }
  const dated: [string, IsoDate | undefined][] = [
    ['followup.sent.on', followup.sent.on],
    ['followup.receivedOn', followup.receivedOn],
    ['followup.replyOn', followup.replyOn],
  ];
  for (const [path, value] of dated) {
    if (value !== undefined && value > latest) errors.push(fieldError(path, 'followup.dateInFuture', language));
  }
  if (followup.date !== undefined && followup.date > today) {
    errors.push(fieldError('followup.date', 'followup.dateInFuture', language));
  }
  return errors;
}

/**
 * "Continue your claim": the case (read from the letter PDF or given as the claim JSON) and what the claimant says
 * happened → where the claim stands and every document that applies, rendered. Nothing is stored: the inputs are
 * read in memory and the result is returned to the caller.
 */
export function createFollowupService(deps: FollowupServiceDeps) {
  async function followUp(request: FollowupRequest): Promise<FollowupOutcome> {
    const { language, caseFile } = request;
    const opened = openCase(caseFile.claim, language, deps.ruleset, caseFile.association);
    const parsed = validateWith(followupSchema, request.followup, language);
    const errors: FieldError[] = [];
    if (!opened.ok) errors.push(...opened.errors);
    if (!parsed.ok) errors.push(...parsed.errors.map((error) => ({ ...error, path: `followup.${error.path}` })));
    if (!opened.ok || !parsed.ok) return { ok: false, errors };
    const { claim, assessment } = opened;
    const followup = parsed.value;
    const today = romeDateOf(deps.now());
    errors.push(...dateErrors(followup, assessment.letterDate, today, language));
    if (request.receipt && followup.sent.method !== 'pec') {
      errors.push(fieldError('receipt', 'followup.receiptNeedsPec', language));
    }
    if (request.receipt && !caseFile.letterSha256) errors.push(fieldError('case.letterSha256', 'required', language));
    if (!assessment.eligible) {
      errors.push(fieldError('claim', 'invalid', language));
    }
    if (errors.length > 0) return { ok: false, errors };

    let receipt: ReceiptCheck | null = null;
    let proof: DeliveryProof | null = null;
    if (request.receipt && caseFile.letterSha256) {
      const verdict = await checkReceiptFile(request.receipt, caseFile.letterSha256);
      receipt = { verdict: verdict.kind, sentences: describeVerdict(verdict, language) };
      proof = proofOf(verdict);
    }

    const status = assessFollowup({ claim, assessment, followup, proof, today, ruleset: deps.ruleset });
    const facts: FollowupLetterFacts = {
      claim,
      assessment,
      followup,
      status,
      proof,
      letterSha256: caseFile.letterSha256,
      ruleset: deps.ruleset,
      options: { providerPec: deps.providerPec, association: caseFile.association },
    };
    const files: FollowupFile[] = [];
    const letters: Partial<Record<DocumentKind, Letter>> = {};
    const wanted = (kind: DocumentKind) => request.only === undefined || request.only.includes(kind);
    for (const choice of status.documents.filter((doc) => doc.applies && wanted(doc.kind))) {
      const letter = composeFollowupDocument(choice, facts, deps.templates);
      letters[choice.kind] = letter;
      const file = FILE_NAMES[choice.kind];
      const bytes = file.text
        ? Buffer.from(letterToPlainText(letter, PLAIN_TEXT_LABELS.translation.it), 'utf8')
        : await renderLetterPdf(letter, { fonts: deps.fonts });
      files.push({
        kind: choice.kind,
        fileName: file.name,
        contentType: file.text ? 'text/plain; charset=utf-8' : 'application/pdf',
        bytes,
        sha256: sha256(bytes),
      });
    }
    const sollecito = files.find((file) => file.kind === 'sollecito');
    if (sollecito) files.push(calendarFile(sollecito, status, language));
    return {
      ok: true,
      followup,
      status,
      presented: presentFollowup(status, followup, language),
      receipt,
      files,
      letters,
    };
  }

  function calendarFile(sollecito: FollowupFile, status: FollowupStatus, language: Language): FollowupFile {
    const calendar: CalendarFile = deadlineCalendar({
      letterSha256: sollecito.sha256,
      deadline: status.finalTerm.date,
      language,
      title: FOLLOWUP_FILE_TEXTS.calendarTitle[language],
      description: FOLLOWUP_FILE_TEXTS.calendarDescription[language],
      followUpUrl: deps.followUpUrl,
      stamp: Date.parse(`${status.followupDate}T12:00:00Z`),
    });
    const bytes = Buffer.from(calendar.content, 'utf8');
    return {
      kind: 'calendar',
      fileName: 'scadenza.ics',
      contentType: calendar.contentType,
      bytes,
      sha256: sha256(bytes),
    };
  }

  return { followUp, ruleset: deps.ruleset };
}

export type FollowupService = ReturnType<typeof createFollowupService>;
