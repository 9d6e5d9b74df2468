import type { Outbox } from './outbox';

export type DrainResult = 'empty' | 'drained-elsewhere';

/**
 * Waits until nothing is queued or in flight (the CLI after queueing a batch or a retry), or returns at once when
 * another process (the running server) holds the lease and does the sending.
 */
export async function drainOutbox(
  outbox: Outbox,
  options: { pollMs?: number; onProgress?: (sent: number, remaining: number) => void } = {},
): Promise<DrainResult> {
  const pollMs = options.pollMs ?? 100;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const counts = await outbox.store.counts();
    const remaining = counts.queued + counts.sending;
    options.onProgress?.(counts.sent, remaining);
    if (remaining === 0) return 'empty';
    if (!outbox.isDrainer()) return 'drained-elsewhere';
  }
}
