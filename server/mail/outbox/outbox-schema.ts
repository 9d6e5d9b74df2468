/**
 * One row per message (one recipient each). `recipient` and `raw` (the whole message, PDF included) are the personal
 * data: they are set to NULL once the message is sent; the key is a hash, so what stays says nothing about anyone.
 */
export const OUTBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox_messages (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  letter_sha256 TEXT NOT NULL,
  recipient_kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  message_id TEXT NOT NULL,
  server_response TEXT,
  envelope_from TEXT NOT NULL,
  recipient TEXT,
  raw BLOB,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox_messages (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS outbox_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  owner TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
