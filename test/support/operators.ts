import { spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { openStorage, type Storage } from '../../server/storage/open-storage';
import { OperatorAccounts } from '../../server/use-cases/operators/operator-accounts';
import { csrfFrom, encodeForm } from './web-forms';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestOperator {
  id: string;
  email: string;
  password: string;
  token: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set()`. */
  bearer: Record<string, string>;
}

let counter = 0;

/** A new operator with an API token, made through the same use case as `reclamo operator add` and `token`. */
export async function addTestOperator(
  storage: Storage,
  email = `operator${(counter += 1)}@association.example`,
): Promise<TestOperator> {
  const accounts = new OperatorAccounts(storage.operators);
  const added = await accounts.add({ email, name: 'Test Operator', password: TEST_PASSWORD });
  if (!added.ok) throw new Error(`cannot add ${email}: ${added.problem}`);
  const issued = await accounts.issueToken(email, 'tests');
  if (!issued.ok) throw new Error(`cannot issue a token: ${issued.problem}`);
  return {
    id: added.id,
    email,
    password: TEST_PASSWORD,
    token: issued.token,
    bearer: { Authorization: `Bearer ${issued.token}` },
  };
}

/** Signs a supertest agent in through the sign-in page (its CSRF token and cookies), as a browser does. */
export async function signIn(
  agent: ReturnType<typeof request.agent>,
  operator: Pick<TestOperator, 'email' | 'password'>,
): Promise<request.Response> {
  // The claim form's token: /sign-in itself sends a signed-in browser on to the batches.
  const page = await agent.get('/').expect(200);
  return agent
    .post('/sign-in')
    .type('form')
    .send(
      encodeForm({ _csrf: csrfFrom(page.text), email: operator.email, password: operator.password, next: '/batches' }),
    )
    .expect(303);
}

/** A signed-in agent of `app`, for the page tests. */
export async function signedInAgent(app: Express, operator: TestOperator): Promise<ReturnType<typeof request.agent>> {
  const agent = request.agent(app);
  await signIn(agent, operator);
  return agent;
}

const BIN = path.join(__dirname, '../../bin/reclamo.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `reclamo …` as a real process (the compiled code of bin/reclamo.js), with `input` on its standard input. */
export function reclamo(args: string[], options: { env: Record<string, string>; input?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** An operator in the storage database a server process will open (`STORAGE_DATABASE_PATH` in `env`). */
export async function addProcessOperator(env: { STORAGE_DATABASE_PATH: string }): Promise<TestOperator> {
  const storage = openStorage(env);
  try {
    return await addTestOperator(storage);
  } finally {
    await storage.close();
  }
}
