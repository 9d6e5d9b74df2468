import { createHash } from 'node:crypto';
import { assessClaim, type Assessment } from '../core/assessment/assess-claim';
import { claimFieldErrors } from '../core/assessment/claim-checks';
import { presentAssessment, type PresentedAssessment } from '../core/assessment/present-assessment';
import type { Association } from '../core/claim/association-schema';
import type { Claim } from '../core/claim/claim-schema';
import { validateClaim, type FieldError } from '../core/claim/validate-claim';
import type { Language } from '../core/i18n/language';
import { composeLetter, type LetterTemplates } from '../core/letter/compose-letter';
import type { Letter } from '../core/letter/letter-model';
import type { Ruleset } from '../core/rules/ruleset-types';
import { personSlug } from '../core/text/slug';
import {
  buildClaimRecord,
  CLAIM_RECORD_FILE,
  CLAIM_RECORD_MIME,
  serializeClaimRecord,
} from '../core/claim-record/claim-record';
import { CLAIM_RECORD_TEXTS } from '../core/claim-record/claim-record-texts';
import type { LetterFonts } from '../pdf/letter-fonts';
import { renderLetterPdf } from '../pdf/render-letter-pdf';
import type { CalendarFile } from '../calendar/deadline-calendar';
import { letterCalendar } from './letter-calendar';

export interface LetterServiceDeps {
  ruleset: Ruleset;
  templates: LetterTemplates;
  fonts: LetterFonts;
  providerPec: string | null;
  /** Current instant; injected so tests and batches can fix "today". */
  now: () => number;
  /** The follow-up page, for the link in the deadline's calendar file (default: http://localhost:3000/followup). */
  followUpUrl?: string;
}

export interface AssessOptions {
  association?: Association | null;
}

export type Assessed =
  | { ok: false; errors: FieldError[] }
  | { ok: true; claim: Claim; assessment: Assessment; presented: PresentedAssessment };

export interface RenderedLetter {
  letter: Letter;
  pdf: Buffer;
  sha256: string;
  fileName: string;
}

export type LetterOutcome =
  | { ok: false; errors: FieldError[] }
  | { ok: true; eligible: false; claim: Claim; assessment: Assessment; presented: PresentedAssessment }
  | ({
      ok: true;
      eligible: true;
      claim: Claim;
      assessment: Assessment;
      presented: PresentedAssessment;
    } & RenderedLetter);

/** The use cases every adapter shares: validate and assess a claim, compose its letter, render it as a PDF. */
export function createLetterService(deps: LetterServiceDeps) {
  /**
   * Validates the claim, then checks it against the rules, today's date and its sender (field errors too), then
   * assesses it. `association` is the association that will send the letter, if any.
   */
  function assess(input: unknown, language: Language, options: AssessOptions = {}): Assessed {
    const validated = validateClaim(input, language);
    if (!validated.ok) return validated;
    const claim = validated.value;
    const now = deps.now();
    const association = options.association ?? null;
    const errors = claimFieldErrors(claim, { ruleset: deps.ruleset, now, association }, language);
    if (errors.length > 0) return { ok: false, errors };
    const assessment = assessClaim(claim, {
      ruleset: deps.ruleset,
      now,
      context: { association, providerPecConfigured: deps.providerPec !== null },
    });
    return {
      ok: true,
      claim,
      assessment,
      presented: presentAssessment(assessment, language, claim.compensationReceived?.description),
    };
  }

  function compose(claim: Claim, assessment: Assessment, association: Association | null = null): Letter {
    return composeLetter(claim, assessment, deps.templates, deps.ruleset, {
      providerPec: deps.providerPec,
      association,
    });
  }

  async function render(
    claim: Claim,
    assessment: Assessment,
    association: Association | null = null,
  ): Promise<RenderedLetter> {
    const letter = compose(claim, assessment, association);
    const record = buildClaimRecord({
      claim,
      assessment,
      presented: presentAssessment(assessment, letter.language, claim.compensationReceived?.description),
      language: letter.language,
      association,
      providerPec: deps.providerPec,
    });
    const pdf = await renderLetterPdf(letter, {
      fonts: deps.fonts,
      attachments: [
        {
          name: CLAIM_RECORD_FILE,
          bytes: serializeClaimRecord(record),
          mimeType: CLAIM_RECORD_MIME,
          description: CLAIM_RECORD_TEXTS.description[letter.language],
          relationship: 'Data',
        },
      ],
    });
    return {
      letter,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      fileName: letterFileName(claim, assessment),
    };
  }

  async function letter(
    input: unknown,
    language: Language,
    association: Association | null = null,
  ): Promise<LetterOutcome> {
    const assessed = assess(input, language, { association });
    if (!assessed.ok) return assessed;
    if (!assessed.assessment.eligible) return { ...assessed, eligible: false };
    return { ...assessed, eligible: true, ...(await render(assessed.claim, assessed.assessment, association)) };
  }

  /** The deadline of a rendered letter as an .ics file (result page, e-mail, CLI). */
  function calendar(claim: Claim, assessment: Assessment, rendered: Pick<RenderedLetter, 'sha256'>): CalendarFile {
    return letterCalendar(
      { claim, assessment, sha256: rendered.sha256 },
      { ruleset: deps.ruleset, followUpUrl: deps.followUpUrl ?? 'http://localhost:3000/followup' },
    );
  }

  return { assess, compose, render, letter, calendar, ruleset: deps.ruleset, now: deps.now };
}

export type LetterService = ReturnType<typeof createLetterService>;

export function letterFileName(claim: Claim, assessment: Assessment): string {
  const prefix = claim.letter?.language === 'en' ? 'formal-notice' : 'diffida';
  return `${prefix}-` + `${personSlug(claim.claimant)}-` + `${assessment.letterDate}.pdf`;
}
