import path from 'node:path';
import type { OutboxStore } from '../../server/mail/outbox/outbox-port';
import { SqliteOutboxStore } from '../../server/mail/outbox/outbox-store';
import { postgresOutboxStore } from '../../server/cli/open-cli-outbox';
import { tempDir } from './mail-fixtures';
import { freshDatabase } from './postgres';

/** The two databases the outbox runs on: every outbox suite runs on both (describe.each). */
export const OUTBOX_DATABASES = ['sqlite', 'postgres'] as const;
export type OutboxDatabaseKind = (typeof OUTBOX_DATABASES)[number];

export interface OutboxDatabase {
  kind: OutboxDatabaseKind;
  /** The configuration that points the outbox at it (DATABASE_PATH, or DATABASE_URL for PostgreSQL). */
  env: Record<string, string>;
  /** One more connection to it, as another process (or machine) would open. */
  open(): OutboxStore;
  drop(): Promise<void>;
}

/** A new, empty outbox database of that kind: a SQLite file in a fresh folder, or a fresh PostgreSQL database. */
export async function outboxDatabase(kind: OutboxDatabaseKind): Promise<OutboxDatabase> {
  const file = path.join(tempDir(`outbox-${kind}`), 'outbox.sqlite');
  if (kind === 'sqlite')
    return { kind, env: { DATABASE_PATH: file }, open: () => new SqliteOutboxStore(file), drop: async () => {} };
  const database = await freshDatabase();
  return {
    kind,
    env: { DATABASE_PATH: file, DATABASE_URL: database.url },
    open: () => postgresOutboxStore(database.url),
    drop: database.drop,
  };
}
