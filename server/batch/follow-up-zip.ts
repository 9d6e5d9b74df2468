import type { Writable } from 'node:stream';
import { PassThrough, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import yazl from 'yazl';
import type { Campaign } from '../core/campaign/campaign-schema';
import type { MemberAction } from '../core/campaign/member-events';
import type { Language } from '../core/i18n/language';
import { romeDateOf } from '../core/time/rome-time';
import type { Campaigns } from '../use-cases/campaigns/campaigns';
import { followUpReportHeader, followUpReportLine } from '../use-cases/campaigns/follow-up-report';
import { produceFollowUps, type FollowUpDocuments } from '../use-cases/campaigns/follow-ups';

/** Bytes handed to the ZIP but not yet taken by the reader (an HTTP client, a file) before the next PDF waits. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

/** Noon of a Rome day, local time: ZIP time stamps are local, so the entries do not depend on the zone. */
function noonOf(day: string): Date {
  const [year, month, day_] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day_, 12);
}

/**
 * The follow-up documents of every member an action names, as a ZIP streamed to `out` while they are made: one PDF
 * per member (stored, PDFs are compressed already) and report.csv (`;`) with every member, produced or skipped and
 * why. Once `out` has taken every byte, each document is recorded in its member's log (see produceFollowUps); a
 * reader that goes away mid-way leaves every member as they were.
 */
export async function writeFollowUpZip(
  campaigns: Campaigns,
  campaign: Campaign,
  options: { action: MemberAction; documents: FollowUpDocuments; operatorId: string | null; language: Language },
  out: Writable,
): Promise<{ produced: number; skipped: number }> {
  const zip = new yazl.ZipFile();
  let taken = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      taken += chunk.length;
      callback(null, chunk);
    },
  });
  // The answer is ended only once every member's log is written: a client that has the whole ZIP sees them recorded.
  const written = pipeline(zip.outputStream, counter, out, { end: false });
  written.catch(() => undefined);
  let added = 0;
  let failed = false;
  written.catch(() => (failed = true));
  const mtime = noonOf(romeDateOf(campaigns.now()));
  const report: string[] = [followUpReportHeader(options.language)];
  const result = await produceFollowUps(
    campaigns,
    campaign,
    {
      ...options,
      report: (line) => void report.push(followUpReportLine(line, 'zip', options.language)),
      deferRecording: true,
    },
    async (document) => {
      if (failed) throw new Error('the ZIP reader went away');
      let pending: Buffer | null = document.pdf;
      // A lazy stream lets go of the bytes once written (yazl keeps buffer entries until the archive ends).
      zip.addReadStreamLazy(document.fileName, { mtime, compress: false, size: pending.length }, (callback) => {
        const stream = new PassThrough();
        stream.end(pending);
        pending = null;
        callback(null, stream);
      });
      added += document.pdf.length;
      while (added - taken > MAX_PENDING_BYTES && !failed) await sleep(5);
    },
  );
  zip.addBuffer(Buffer.from(report.join(''), 'utf8'), 'report.csv', { mtime, compress: true });
  zip.end();
  await written;
  if (out.destroyed) throw new Error('the ZIP reader went away');
  // Only now that the reader has taken every byte does each member's log say the document was produced.
  const { refused } = await result.commit();
  out.end();
  await finished(out);
  return { produced: result.produced - refused, skipped: result.skipped + refused };
}
