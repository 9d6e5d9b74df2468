import { parentPort, workerData } from 'node:worker_threads';
import { createDefaultLetterService } from '../use-cases/default-letter-service';
import { prepareRow } from './prepare-row';
import type { RenderReply, RenderWorkerData, RowJob } from './render-pool';

/**
 * A worker thread of the render pool: its own letter service (templates, fonts, caches); one row at a time is
 * mapped, validated, assessed and, when eligible, rendered. The PDF's memory is handed over, not copied.
 */
const data = workerData as RenderWorkerData;
let now = Date.now();
const service = createDefaultLetterService({ PROVIDER_PEC: data.providerPec ?? undefined }, () => now);

async function handle(job: RowJob & { id: number }): Promise<void> {
  now = job.now;
  const prepared = prepareRow(job.source, {
    service,
    language: job.language,
    columns: job.columns,
    letter: job.letter,
    association: job.association,
  });
  if (prepared.status !== 'ok' || !prepared.claim || !prepared.assessment) {
    parentPort!.postMessage({ id: job.id, prepared, pdf: null, sha256: null, letterDate: null } satisfies RenderReply);
    return;
  }
  const rendered = await service.render(prepared.claim, prepared.assessment, job.association);
  const { pdf } = rendered;
  const whole = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
  const reply = job.withClaim ? prepared : { ...prepared, claim: null, assessment: null };
  parentPort!.postMessage(
    {
      id: job.id,
      prepared: reply,
      pdf,
      sha256: rendered.sha256,
      letterDate: prepared.assessment.letterDate,
    } satisfies RenderReply,
    whole ? [pdf.buffer as ArrayBuffer] : [],
  );
}

parentPort!.on('message', (job: RowJob & { id: number }) => {
  handle(job).catch((error: unknown) =>
    parentPort!.postMessage({
      id: job.id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies RenderReply),
  );
});
