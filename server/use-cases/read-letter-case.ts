import { createHash } from 'node:crypto';
import { readClaimFromLetter } from '../pdf/read-claim-from-letter';
import type { LetterPdfReader } from './followup-service';

/**
 * The case from one of our letter PDFs: the claim it carries (reclamo-claim.json), its sender, and the PDF's own
 * SHA-256. A PDF that is not one of our letters is refused with the reader's reason.
 */
export const readLetterCase: LetterPdfReader = (pdf, language) => {
  const reading = readClaimFromLetter(pdf);
  if (!reading.ok) return { ok: false, errors: [{ path: 'case', message: reading.message[language] }] };
  return {
    ok: true,
    caseFile: {
      claim: reading.record.claim,
      association: reading.record.association,
      letterSha256: createHash('sha256').update(pdf).digest('hex'),
    },
  };
};
