import type { Logger } from '../observability/logger';
import type { MailSettings } from '../mail/mail-settings';
import { openOutbox, type Outbox } from '../mail/outbox/outbox';
import type { OutboxStore } from '../mail/outbox/outbox-port';
import { OUTBOX_POSTGRES_MIGRATIONS, PostgresOutboxStore } from '../mail/outbox/postgres-outbox-store';
import { openPostgres } from '../storage/postgres/open-postgres';

/** The outbox on the PostgreSQL database of `url`, on a small pool of its own that closes with it. */
export function postgresOutboxStore(url: string): OutboxStore {
  const db = openPostgres(url, { migrations: { outbox: OUTBOX_POSTGRES_MIGRATIONS }, maxConnections: 4 });
  return new PostgresOutboxStore({ db, ready: db.ready, onClose: db.close });
}

/**
 * The outbox of a process that is not a web server (the CLI, the benchmarks): on PostgreSQL when the settings name
 * DATABASE_URL (shared with the running servers), else on the SQLite file.
 */
export function openProcessOutbox(settings: MailSettings, options: { drain: boolean; logger?: Logger }): Outbox {
  return openOutbox(settings, {
    ...options,
    ...(settings.databaseUrl ? { store: postgresOutboxStore(settings.databaseUrl) } : {}),
  });
}
