import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import type { LetterForMail } from '../../server/mail/build-letter-mail';
import { mailSettings, type MailSettings } from '../../server/mail/mail-settings';
import { loadConfig } from '../../server/config/app-config';
import { testLetterService } from './test-service';

/** An eligible claim rendered by the real service: what a message is built from. */
export async function letterForMail(claim: ClaimInput): Promise<LetterForMail> {
  const outcome = await testLetterService().letter(claim, 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error('fixture claim is not eligible');
  return { claim: outcome.claim, assessment: outcome.assessment, rendered: outcome };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `reclamo-${prefix}-`));
}

/** Mail settings from environment-style values, with fast retries and a database in a fresh folder. */
export function testMailSettings(env: Record<string, string> = {}): MailSettings {
  const dir = tempDir('outbox');
  return mailSettings(
    loadConfig({
      DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
      OUTBOX_DIR: path.join(dir, 'eml'),
      MAIL_FROM: 'Reclamo <reclamo@example.org>',
      MAIL_RATE_PER_SECOND: '0',
      MAIL_RETRY_BASE_MS: '5',
      MAIL_RETRY_MAX_MS: '50',
      MAIL_TIMEOUT_MS: '3000',
      OUTBOX_POLL_MS: '20',
      ...env,
    }),
  );
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
