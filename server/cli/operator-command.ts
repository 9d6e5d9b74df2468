import { loadConfig } from '../config/app-config';
import { openStorage } from '../storage/open-storage';
import { OperatorAccounts, type OperatorListing } from '../use-cases/operators/operator-accounts';
import type { StoredAuditEntry } from '../use-cases/operators/operator-store';
import { EXIT, type CliIo } from './cli-io';
import { ACCOUNT_PROBLEM_TEXTS, OPERATOR_USAGE } from './operator-command-texts';

export interface OperatorCommandOptions {
  name?: string;
  label?: string;
  limit?: number;
}

const when = (ms: number | null) =>
  ms === null ? '—' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Asks twice on a terminal (a typo there cannot be seen); reads one line from a pipe. */
async function readNewPassword(io: CliIo): Promise<string | null> {
  if (!io.readSecret) return null;
  const password = await io.readSecret('Password: ');
  if (!io.interactive) return password;
  const again = await io.readSecret('Password (di nuovo / again): ');
  if (again === password) return password;
  io.stderr('Le due password sono diverse / the two passwords differ\n');
  return null;
}

function printListing(io: CliIo, listing: OperatorListing[]): void {
  if (listing.length === 0) {
    io.stdout('Nessun operatore / no operators. npx reclamo operator add you@example.org\n');
    return;
  }
  for (const { operator, tokens } of listing) {
    const state = operator.revokedAt === null ? 'attivo / active' : `revocato / revoked ${when(operator.revokedAt)}`;
    io.stdout(
      `${operator.email}${operator.name ? ` (${operator.name})` : ''} · ${when(operator.createdAt)} · ${state}\n`,
    );
    for (const token of tokens) {
      const status = token.revokedAt === null ? 'attivo / active' : `revocato / revoked ${when(token.revokedAt)}`;
      io.stdout(
        `  token ${token.id} ${token.label ? `"${token.label}" ` : ''}· creato / created ${when(token.createdAt)} · ` +
          `ultimo uso / last used ${when(token.lastUsedAt)} · ${status}\n`,
      );
    }
  }
}

function printAudit(io: CliIo, entries: StoredAuditEntry[], emails: Map<string, string>): void {
  for (const entry of entries) {
    const who = entry.operatorId === null ? '(unknown address)' : (emails.get(entry.operatorId) ?? entry.operatorId);
    const details = [entry.batchId ? `batch ${entry.batchId}` : '', entry.tokenId ? `token ${entry.tokenId}` : '']
      .filter(Boolean)
      .join(' ');
    io.stdout(`${when(entry.at)}  ${entry.action.padEnd(16)} ${who}${details ? `  ${details}` : ''}\n`);
  }
}

/**
 * `reclamo operator add|password|token|revoke|list|audit`: the command line composes its own data layer (the
 * configuration's STORAGE_DATABASE_PATH, shared with a running server) and closes it when done.
 */
export async function operatorCommand(
  io: CliIo,
  args: readonly string[],
  options: OperatorCommandOptions,
): Promise<number> {
  const [action, target] = args;
  const needsTarget = ['add', 'password', 'token', 'revoke'];
  if (!action || ![...needsTarget, 'list', 'audit'].includes(action) || (needsTarget.includes(action) && !target)) {
    io.stderr(`Uso / usage:\n${OPERATOR_USAGE}`);
    return EXIT.invalid;
  }
  const storage = openStorage(loadConfig(io.env));
  const accounts = new OperatorAccounts(storage.operators);
  const refuse = (problem: keyof typeof ACCOUNT_PROBLEM_TEXTS) => {
    io.stderr(`operator ${action}: ${ACCOUNT_PROBLEM_TEXTS[problem]}\n`);
    return EXIT.invalid;
  };
  try {
    switch (action) {
      case 'add':
      case 'password': {
        const password = await readNewPassword(io);
        if (password === null) return EXIT.invalid;
        const outcome =
          action === 'add'
            ? await accounts.add({ email: target!, name: options.name, password })
            : await accounts.setPassword(target!, password);
        if (!outcome.ok) return refuse(outcome.problem);
        io.stdout(
          action === 'add'
            ? `Operatore aggiunto / operator added: ${outcome.email}\n`
            : `Password cambiata, sessioni chiuse / password changed, sessions ended: ${outcome.email}\n`,
        );
        return EXIT.ok;
      }
      case 'token': {
        const outcome = await accounts.issueToken(target!, options.label);
        if (!outcome.ok) return refuse(outcome.problem);
        io.stdout(`${outcome.token}\n`);
        io.stderr(
          `Token ${outcome.id}: mostrato solo ora, conservalo / shown only now, keep it safe. ` +
            `Revoca / revoke: npx reclamo operator revoke ${outcome.id}\n`,
        );
        return EXIT.ok;
      }
      case 'revoke': {
        const outcome = await accounts.revoke(target!);
        if (!outcome.ok) return refuse(outcome.problem);
        io.stdout(
          outcome.kind === 'token'
            ? `Token revocato / token revoked: ${outcome.id}\n`
            : `Operatore revocato, sessioni chiuse e token revocati / operator revoked, sessions ended and tokens ` +
                `revoked: ${outcome.operator.email}\n`,
        );
        return EXIT.ok;
      }
      case 'list':
        printListing(io, await accounts.list());
        return EXIT.ok;
      default: {
        const listing = await accounts.list();
        const emails = new Map(listing.map(({ operator }) => [operator.id, operator.email]));
        printAudit(io, await accounts.auditLog(options.limit ?? 50), emails);
        return EXIT.ok;
      }
    }
  } finally {
    await storage.close();
  }
}
