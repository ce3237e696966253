// "Try it" and the HTML report against a real lab and a real trained run: the child-process predictions
// equal ONNX Runtime's on the same test rows fed directly; the report is self-contained and has the curves.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { Lab } from '../lab';
import { syntheticData } from '../../../workers/run/run-data';
import { parseRunConfig } from '../../../common/runs/config';
import { forkWorkers, type WorkerLauncher } from '../analytics/worker-launcher';
import { PREDICT_ENTRY, predictInWorker, TryIt } from './try-it';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { RunFiles } from '../runs/run-files';
import { exportRun } from '../runs/export-run';
import { checkpointedRunOn } from '../runs/testing/checkpointed-run';
import { LabError } from '../../../common/lab-api';
import type { RunsPort } from './runs-port';

const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { result: T }).result;
};

describe('try it + HTML report', () => {
  it('predicts picked test rows in a child process and writes a self-contained report', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-try-'));
    const launched: string[] = [];
    const workers: WorkerLauncher = (start) => (launched.push(start.entry), forkWorkers(start));
    const lab = await Lab.open({ home, face: 'serve', workers });
    try {
      const config = { epochs: 2, batchSize: 64, data: { kind: 'synthetic', samples: 1024 } };
      const { runIds } = ok<{ runIds: string[] }>(await lab.dispatch('runs.start', { template: 'demo-gated', datasetId: 'synthetic', seeds: 1, config }));
      const id = runIds[0];
      for (let status = ''; status !== 'completed';) {
        status = ok<{ status: string }>(await lab.dispatch('runs.get', { id })).status;
        if (status === 'failed') throw new Error('run failed');
        await new Promise((r) => setTimeout(r, 100));
      }
      const rows = [0, 3, 7];
      const tried = ok<{ rows: Array<{ row: number; prediction: number[]; target: number[] }>; onnxPath: string; testRows: number; prediction: string }>(await lab.dispatch('runs.try', { id, rows }));
      expect(tried.prediction).toBe('logit');
      expect(launched).toEqual([PREDICT_ENTRY]); // the Lab's `workers` option started it
      const data = syntheticData(parseRunConfig({ ...config, seed: 1 }) as never, 16);
      expect(tried.testRows).toBe(data.test.rows);
      const x = data.test.columns.x.data as Float32Array;
      const session = await ort.InferenceSession.create(readFileSync(tried.onnxPath));
      const picked = Float32Array.from(rows.flatMap((r) => Array.from(x.subarray(r * 16, r * 16 + 16))));
      const logits = (await session.run({ x: new ort.Tensor('float32', picked, [rows.length, 16]) })).logit.data as Float32Array;
      await session.release();
      expect(tried.rows.map((r) => r.row)).toEqual(rows);
      tried.rows.forEach((r, i) => {
        expect(r.prediction[0]).toBeCloseTo(logits[i], 5);
        expect(r.target).toEqual([data.test.columns.y.data[rows[i]]]);
      });
      const bad = await lab.dispatch('runs.try', { id, rows: [tried.testRows] });
      expect(JSON.stringify(bad)).toMatch(/outside the test split/);

      const report = ok<{ path: string; bytes: number }>(await lab.dispatch('runs.export', { id, format: 'report' }));
      const html = readFileSync(report.path, 'utf8');
      expect(Buffer.byteLength(html)).toBe(report.bytes);
      expect(html).toMatch(/<svg[^>]*aria-label="loss"/);
      expect(html).toContain('<td>test.accuracy</td>');
      expect(html).toContain('&#34;batchSize&#34;: 64');
      expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    } finally {
      await lab.close();
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('try it: the prediction process', () => {
  it('one that dies before answering is reported with how it ended', async () => {
    const killedAtStart: WorkerLauncher = (start) => {
      const child = forkWorkers(start);
      child.kill();
      return child;
    };
    await expect(predictInWorker({ rows: [0] }, killedAtStart)).rejects.toThrow(/^the prediction process exited \(SIGKILL\) before answering/);
  });

  it('a request it cannot serve comes back as its error message', async () => {
    const spec = { runId: 1, config: parseRunConfig({ data: { kind: 'synthetic', samples: 512 } }), checkpointDir: '.' };
    await expect(predictInWorker({ onnxPath: '/nowhere/model.onnx', spec, rows: [100_000] }, forkWorkers))
      .rejects.toMatchObject({ code: 'invalid-payload', message: expect.stringMatching(/^test rows 100000 are outside the test split, which has [\d,]+ rows numbered from 0 within the split \(not dataset rows or file lines\): pick test rows 0–[\d,]+$/) });
  });
});

// Try it exports the run first. A run without readable weights is not a failure of the lab: Try it says
// what it needs and what to do (not the export's words, nor code 'internal'), and starts no process.
describe('try it: a run without trained weights', () => {
  const tryItOn = (home: string) => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const files = new RunFiles(paths.checkpoints, paths.home);
    const port = { available: true, export: (id: string) => exportRun(store, files, Number(id), join(home, `run-${id}.onnx`)) } as unknown as RunsPort;
    const launched: string[] = [];
    const tryIt = new TryIt(store, port, undefined, (start) => (launched.push(start.entry), forkWorkers(start)), paths);
    return { paths, store, files, tryIt, launched };
  };
  const demo = { template: 'demo-gated', inputs: 8, hidden: 8, experts: 2, expertHidden: 4 };

  it('every checkpoint damaged: not-available, "Try it needs run N\'s trained weights", why, and the export\'s ways on', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-try-damaged-'));
    const { paths, store, files, tryIt, launched } = tryItOn(home);
    try {
      const id = checkpointedRunOn(store, paths, null, demo);
      const ckpt = files.fromStored(store.checkpoints.forRun(id)[0].path);
      writeFileSync(ckpt, 'not a checkpoint');
      const error = await tryIt.predict(String(id), [0]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LabError);
      expect((error as LabError).code).toBe('not-available');
      // the export's ways on (export-run.ts damagedCheckpointsWaysOn), said for the app: Try it is the app's
      expect((error as LabError).message).toBe(`Try it needs run ${id}'s trained weights, but every checkpoint it has is damaged ('checkpoints/run-${id}/best.ckpt' is not a GateLab checkpoint (bad magic)). `
        + 'Nothing was deleted: restore these files (from a backup, or once the drive that holds them is back) and press Try it again, '
        + 'or train the run again with the same settings: Runs → New run from this starts one');
      expect(launched).toEqual([]);
    } finally {
      store.close();
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('no checkpoint yet: not-available, saying it writes one after its first epoch', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-try-none-'));
    const { store, tryIt } = tryItOn(home);
    try {
      const id = store.runs.create({ config: parseRunConfig({ data: { kind: 'synthetic', samples: 256 } }) });
      await expect(tryIt.predict(String(id), [0])).rejects.toMatchObject({
        code: 'not-available', message: `Try it needs run ${id}'s trained weights, and it (queued) has no checkpoint yet: it writes one after its first epoch`,
      });
    } finally {
      store.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
