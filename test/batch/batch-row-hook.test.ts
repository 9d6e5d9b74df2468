import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config/app-config';
import { createBatchServices } from '../../server/runtime/compose-batches';
import { tempDir } from '../support/mail-fixtures';
import { testLetterService } from '../support/test-service';
import { RenderPool } from '../../server/batch/render-pool';
import type { BatchRowResult } from '../../server/batch/run-batch';
import { runFixture, SAMPLE_CSV } from '../support/batch-run';

// The service-level hook the e-mail sending builds on: each row's result, in row order, with its letter.
test('onRow gets every row in order with its claim and letter; what it returns fills the extra report column', async () => {
  const pool = new RenderPool({ size: 2, providerPec: null });
  const seen: BatchRowResult[] = [];
  try {
    const run = await runFixture(SAMPLE_CSV, pool, {
      extraColumn: { it: 'invio', en: 'sending' },
      onRow: async (result) => {
        seen.push(result);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return result.letter ? `inviata a ${result.claim!.claimant.email}` : '';
      },
    });
    expect(seen.map((result) => result.report.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ok = seen.filter((result) => result.report.status === 'ok');
    expect(ok).toHaveLength(4);
    for (const result of ok) {
      expect(result.letter!.fileName).toBe(result.report.fileName);
      expect(createHash('sha256').update(result.letter!.pdf).digest('hex')).toBe(result.letter!.sha256);
    }
    expect(seen[2]).toMatchObject({ claim: null, letter: null, report: { status: 'invalid' } });
    expect(run.report[0]).toEqual(['riga', 'nome', 'stato', 'totale', 'motivi', 'file', 'sha256', 'invio']);
    expect(run.report[1]![7]).toBe('inviata a mario.rossi@example.org');
    expect(run.report[3]![7]).toBe('');
  } finally {
    await pool.close();
  }
});

// The hook for a per-operator send budget: a batch that sends hands its operator's id to the mail hook.
test('a sending batch gives the mail hook the id of the operator who submitted it', async () => {
  const dir = tempDir('mail-hook-operator');
  const calls: { target: string; operatorId: string | undefined; rows: number }[] = [];
  const { batches, stopTask } = createBatchServices(
    { ...loadConfig({}), BATCH_DIR: path.join(dir, 'store'), BATCH_WORKERS: 1 },
    testLetterService(),
    {
      onError: (error) => {
        throw error;
      },
      mailHook: (target, operatorId) => {
        const call = { target, operatorId, rows: 0 };
        calls.push(call);
        return async () => {
          call.rows += 1;
          return 'member: queued';
        };
      },
    },
  );
  try {
    const status = await batches.store.create(Date.now(), 'operator-7');
    fs.copyFileSync(SAMPLE_CSV, batches.store.inputFile(status.id));
    const place = batches.runner.reserve('operator:operator-7');
    if (typeof place === 'string') throw new Error(`no place in the queue: ${place}`);
    place.enqueue({
      status,
      client: 'operator:operator-7',
      association: null,
      letter: {},
      language: 'it',
      send: 'member',
      operatorId: 'operator-7',
    });
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const state = (await batches.store.read(status.id))?.state;
      if (state === 'done' || state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await batches.store.read(status.id)).toMatchObject({ state: 'done', owner: 'operator-7' });
    expect(calls).toEqual([{ target: 'member', operatorId: 'operator-7', rows: 10 }]);
  } finally {
    await stopTask.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
