import { parentPort, workerData } from 'node:worker_threads';
import { createDefaultLetterService } from '../use-cases/default-letter-service';
import type { RenderJob, RenderReply, RenderWorkerData } from './render-pool';

/** A worker thread of the render pool: its own letter service (templates, fonts), one letter at a time. */
const data = workerData as RenderWorkerData;
const service = createDefaultLetterService({ PROVIDER_PEC: data.providerPec ?? undefined }, () => data.now);

parentPort!.on('message', (job: RenderJob) => {
  service.render(job.claim, job.assessment, job.association).then(
    (rendered) =>
      parentPort!.postMessage({ id: job.id, pdf: rendered.pdf, sha256: rendered.sha256 } satisfies RenderReply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies RenderReply),
  );
});
