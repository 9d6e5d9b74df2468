import fs from 'node:fs/promises';
import { inspectBatchFile, type BatchFileInfo } from './batch-source';
import { runBatch, type BatchRunOptions, type BatchSummary } from './run-batch';

export type ProcessBatchOptions = Omit<BatchRunOptions, 'info' | 'workDir' | 'zipFile'> & {
  zipFile: string;
  maxRows: number;
  /**
   * The batch's own folder for its work files (report.csv before it goes into the ZIP), created and removed here.
   * Defaults to a hidden folder beside the ZIP: never the shared temp folder, where a crash would leave it unswept.
   */
  workDir?: string;
  /** Called once the file has been read through and accepted, before the first letter. */
  onAccepted?: (info: BatchFileInfo) => void;
};

/**
 * A member list from disk to a ZIP on disk: read through and refused as a whole (BatchInputError) if it must be,
 * then processed. The ZIP appears under its name only when complete.
 */
export async function processBatchFile(options: ProcessBatchOptions): Promise<BatchSummary & { info: BatchFileInfo }> {
  const info = await inspectBatchFile(options.file, { maxRows: options.maxRows });
  options.onAccepted?.(info);
  const workDir = options.workDir ?? `${options.zipFile}.work`;
  await fs.mkdir(workDir, { recursive: true, mode: 0o700 });
  const partial = `${options.zipFile}.part`;
  try {
    const summary = await runBatch({ ...options, info, workDir, zipFile: partial });
    await fs.rename(partial, options.zipFile);
    return { ...summary, info };
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
    await fs.rm(partial, { force: true });
  }
}
