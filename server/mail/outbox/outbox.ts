import { createMailTransport } from '../mail-transport';
import type { MailSettings } from '../mail-settings';
import type { Logger } from '../../observability/logger';
import { OutboxStore, type EnqueueStatus, type NewMessage } from './outbox-store';
import { OutboxWorker } from './outbox-worker';

/** The durable outbox of one process: queue messages, and (when this process drains) send them. */
export interface Outbox {
  readonly settings: MailSettings;
  readonly store: OutboxStore;
  enqueue(message: NewMessage): { id: number; status: EnqueueStatus };
  /** Whether this process holds the lease and so does the sending. */
  isDrainer(): boolean;
  /** For /readyz: the queue file can be read. */
  check(): void;
  /** For the graceful shutdown: stop sending, wait for messages in flight, close the file. */
  close(): Promise<void>;
}

export function openOutbox(
  settings: MailSettings,
  options: { drain: boolean; logger?: Logger; leaseMs?: number },
): Outbox {
  const store = new OutboxStore(settings.databasePath);
  const transport = options.drain ? createMailTransport(settings) : null;
  const worker = transport
    ? new OutboxWorker(store, transport, {
        poolSize: settings.poolSize,
        ratePerSecond: settings.ratePerSecond,
        maxAttempts: settings.maxAttempts,
        retryBaseMs: settings.retryBaseMs,
        retryMaxMs: settings.retryMaxMs,
        pollMs: settings.pollMs,
        leaseMs: options.leaseMs,
        logger: options.logger,
      })
    : null;
  worker?.start();
  let closing: Promise<void> | undefined;
  return {
    settings,
    store,
    enqueue(message) {
      const outcome = store.enqueue(message, Date.now());
      worker?.notify();
      return outcome;
    },
    isDrainer: () => worker?.isDrainer() ?? false,
    check: () => store.ping(),
    close() {
      closing ??= (async () => {
        await worker?.close();
        transport?.close();
        store.close();
      })();
      return closing;
    },
  };
}
