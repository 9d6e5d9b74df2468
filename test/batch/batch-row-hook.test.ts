import { createHash } from 'node:crypto';
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
