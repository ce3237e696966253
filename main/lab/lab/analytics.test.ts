// The analytics channels through Lab.dispatch against a real lab and a real trained run: the stored
// knockout table is null at first, "knock out all gates" queues a job whose progress analytics.jobs
// reports until it is done, the table is then stored, and analytics.report writes the gate report.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Lab } from '../lab';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { labHomeWithDemoRows, labHomeWithDemos } from '../testing/lab-home';
import type { AnalyticsComparison, AnalyticsJobInfo, AnalyticsJobs, GateReportData, GateReportPaths, RunKnockouts } from '../../../common/lab-api';

const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { result: T }).result;
};

describe('analytics channels', () => {
  it('knocks out all gates of a trained run as a job with progress, stores the table and writes the gate report', async () => {
    // The fusion demo's columns and modalities on its first 4,000 rows: every knockout evaluates the test
    // split and bootstraps its interval 1,000 times, and the job's steps stay long enough to be seen mid-way.
    const home = await labHomeWithDemoRows('fusion', 4000, 'gatelab-analytics-api-');
    let lab = await Lab.open({ home, face: 'test' });
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
      expect(existsSync(paths.json)).toBe(true);
      expect(paths.csv).toBeNull(); // a GMU has no feature gates: no per-feature importance CSV
      expect(readFileSync(paths.html, 'utf8')).toContain('Knockout');

      // The report as data for the run page, and what Compare gets for the run.
      const data = ok<GateReportData>(await lab.dispatch('analytics.reportData', { id }));
      expect(data.paths).toEqual(paths);
      expect(data.report!.knockout!.rows.length).toBe(table!.rows.length);
      expect(data.report!.fusion[0].modalities.length).toBeGreaterThan(1);
      const cmp = ok<AnalyticsComparison>(await lab.dispatch('analytics.compare', { ids: [id] }));
      expect(cmp.runs[0].knockout).toEqual(table);
      // A GMU computes every modality for every sample: dense FLOPs, counted from the run's model graph.
      expect(cmp.runs[0].flops).toMatchObject({ source: 'dense', saved: 0 });
      expect(cmp.runs[0].flops!.mean).toBe(cmp.runs[0].flops!.dense);
      expect(cmp.runs[0].flops!.dense).toBeGreaterThan(0);

      // Export: the gate report lands in the exports folder beside the ONNX model.
      const exported = ok<{ path: string; bytes: number }>(await lab.dispatch('runs.export', { id, format: 'gate-report' }));
      expect(exported.path).toBe(join(labPaths(home).exports, `run-${id}-gate-report.html`));
      expect(readFileSync(exported.path, 'utf8')).toContain('Knockout');
      expect(exported.bytes).toBe(readFileSync(exported.path).length);

      // The job list survives closing and reopening the lab.
      await lab.close();
      lab = await Lab.open({ home, face: 'test' });
      const after = ok<AnalyticsJobs>(await lab.dispatch('analytics.jobs', { id })).jobs;
      expect(after).toEqual([expect.objectContaining({ id: job.id, state: 'done', done: 9, total: 9, error: null })]);
    } finally {
      await lab.close();
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('a job the lab was running when it crashed is interrupted on the next start, with a message', async () => {
    const home = await labHomeWithDemos([], 'gatelab-analytics-crash-');
    // The crashed lab: a run with a knockout job left 'running' and one 'queued', nobody to finish them.
    let lab = await Lab.open({ home, face: 'test' });
    await lab.close();
    const store = openLabStore(labPaths(home).database);
    const run = store.runs.create({ config: {}, name: 'crashed' });
    const running = store.analyticsJobs.create(run, 'knockout', 'running');
    store.analyticsJobs.update(running, { done: 4, total: 9, label: 'gate2 open' });
    const queued = store.analyticsJobs.create(run, 'report');
    store.close();
    try {
      lab = await Lab.open({ home, face: 'test' });
      const jobs = ok<AnalyticsJobs>(await lab.dispatch('analytics.jobs', { id: String(run) })).jobs;
      expect(jobs.map((j) => [j.id, j.state, j.done])).toEqual([[running, 'interrupted', 4], [queued, 'interrupted', 0]]);
      expect(jobs[0].error).toMatch(/stopped .*while this job was queued or running.*run it again/);
    } finally {
      await lab.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
