// The analytics channels through Lab.dispatch against a real lab and a real trained run: the stored
// knockout table is null at first, "knock out all gates" queues a job whose progress analytics.jobs
// reports until it is done, the table is then stored, and analytics.report writes the gate report.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../lab';
import type { AnalyticsJobInfo, AnalyticsJobs, GateReportPaths, RunKnockouts } from '../../../common/lab-api';

const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { result: T }).result;
};

describe('analytics channels', () => {
  it('knocks out all gates of a trained run as a job with progress, stores the table and writes the gate report', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-analytics-api-'));
    const lab = await Lab.open({ home, face: 'test' });
    try {
      const missing = await lab.dispatch('analytics.knockouts', { id: '999' });
      expect(!missing.ok && missing.error.code).toBe('not-found');
      const notANumber = await lab.dispatch('analytics.jobs', { id: 'abc' });
      expect(!notANumber.ok && notANumber.error.code).toBe('not-found');

      // A GMU on the fusion demo set (3 modality gates × open/closed/mean), as in analytics/gate-analytics.test.ts.
      const fusion = ok<Array<{ id: string; name: string }>>(await lab.dispatch('datasets.list', {})).find((d) => /sensor \+ camera/.test(d.name))!;
      const config = { hidden: [8], gate: { kind: 'gmu', hidden: 8 }, epochs: 2, batchSize: 256, optimizer: { lr: 0.01 } };
      const { runIds } = ok<{ runIds: string[] }>(await lab.dispatch('runs.start', { template: 'gmu', datasetId: fusion.id, seeds: 1, config }));
      const id = runIds[0];
      for (let status = ''; status !== 'completed';) {
        status = ok<{ status: string }>(await lab.dispatch('runs.get', { id })).status;
        if (status === 'failed') throw new Error('run failed');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(ok<RunKnockouts>(await lab.dispatch('analytics.knockouts', { id }))).toEqual({ id, table: null });

      const job = ok<AnalyticsJobInfo>(await lab.dispatch('analytics.knockoutAll', { id }));
      expect(job).toMatchObject({ runId: id, kind: 'knockout', state: expect.stringMatching(/queued|running/) });
      const seen: AnalyticsJobInfo[] = [];
      for (let j = job; j.state === 'queued' || j.state === 'running';) {
        await new Promise((r) => setTimeout(r, 100));
        j = ok<AnalyticsJobs>(await lab.dispatch('analytics.jobs', { id })).jobs.find((x) => x.id === job.id)!;
        seen.push(j);
      }
      expect(seen.at(-1)).toMatchObject({ state: 'done', error: null });
      expect(seen.at(-1)!.total).toBe(9);
      expect(seen.some((j) => j.state === 'running' && j.done > 0 && j.done < j.total)).toBe(true);
      expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);

      const { table } = ok<RunKnockouts>(await lab.dispatch('analytics.knockouts', { id }));
      expect(table!.runId).toBe(Number(id));
      expect(table!.rows.length).toBe(seen.at(-1)!.total);
      for (const r of table!.rows) expect(r.ci.low).toBeLessThanOrEqual(r.ci.high);

      const paths = ok<GateReportPaths>(await lab.dispatch('analytics.report', { id }));
      expect(paths.id).toBe(id);
      expect(existsSync(paths.json) && existsSync(paths.csv)).toBe(true);
      expect(readFileSync(paths.html, 'utf8')).toContain('Knockout');
    } finally {
      await lab.close();
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});
