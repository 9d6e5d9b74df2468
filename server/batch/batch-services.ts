import type { BatchRunner } from './batch-runner';
import type { BatchStore } from './batch-store';

export interface BatchLimits {
  maxBytes: number;
  maxRows: number;
}

/** What the batch routes need: where batches are kept, who runs them, and how large an upload may be. */
export interface BatchServices {
  store: BatchStore;
  runner: BatchRunner;
  limits: BatchLimits;
}
