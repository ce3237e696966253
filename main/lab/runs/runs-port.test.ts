// The LabApi face of the run manager, with a real trainer process: start -> live events -> list/get/
// metrics -> ONNX export that reproduces the stored test accuracy in a fresh ORT session.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { openLabStore } from '../store/index';
import { labPaths } from '../home';
import { openRunsPort, runConfigOf } from './runs-port';
import { syntheticData } from '../../../workers/run/run-data';
import { parseRunConfig } from '../../../common/runs/config';
import { binaryMetrics } from '../../../workers/run/eval-metrics';
import type { GatePoints } from '../../../common/lab-api';

describe('runs port (LabApi runs channels)', () => {
  it('splits StartRuns.config into run and model fields', () => {
    expect(runConfigOf('dlinear', '4', { epochs: 3, lookback: 96, optimizer: { lr: 0.01 } })).toEqual({
      epochs: 3, optimizer: { lr: 0.01 }, model: { lookback: 96, template: 'dlinear' }, data: { kind: 'dataset', datasetId: 4 },
    });
  });

  it('starts seeded runs, streams progress and metrics, lists them, exports ONNX matching the stored test accuracy', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-port-'));
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const port = openRunsPort({ store, paths, poolSize: 2 });
    try {
      const progress: string[] = [];
      let points = 0;
      port.onProgress((p) => progress.push(p.status));
      const evalNames = new Set<string>();
      port.onMetrics((m) => { points += m.points.length; for (const p of m.points) if (/^(val|test)\./.test(p.name)) evalNames.add(p.name); });
      const gates: GatePoints[] = [];
      port.onGateStats!((g) => gates.push(g));
      const config = { epochs: 2, batchSize: 64, data: { kind: 'synthetic', samples: 2048 } };
      const { runIds, group } = await port.start({ template: 'demo-gated', datasetId: 'synthetic', config, seeds: 2 });
      expect(runIds).toHaveLength(2);
      expect(group).not.toBeNull();
      await new Promise<void>((resolve) => {
        const t = setInterval(async () => {
          if ((await port.list()).every((r) => r.status === 'completed')) { clearInterval(t); resolve(); }
        }, 100);
      });
      const list = await port.list();
      expect(list.map((r) => [r.id, r.seed, r.group])).toEqual([[runIds[1], 2, group], [runIds[0], 1, group]]);
      expect(progress).toContain('running');
      expect(progress).toContain('completed');
      expect(points).toBeGreaterThanOrEqual(2 * 2 * 32 * 2); // loss + lr per step, both runs
      const detail = await port.get(runIds[0]);
      expect(detail.metrics['test.accuracy']).toBeGreaterThan(0.7); // 64 steps: well above chance (0.5)
      // Validation and test results are pushed live like any metric (the Evaluation chart needs no reload).
      expect(evalNames).toContain('val.loss');
      expect(evalNames).toContain('test.accuracy');
      // Gate statistics are pushed live too (the gate panels grow with the run), as they are stored.
      const pushed = gates.filter((g) => g.id === runIds[0]).flatMap((g) => g.points).filter((p) => p.gate === 'gate_openness');
      expect(pushed.length).toBeGreaterThan(0);
      const stored = store.metrics.gateNames(Number(runIds[0])).filter((g) => g.gate === 'gate_openness').flatMap(({ gate, stat }) => store.metrics.gateStats(Number(runIds[0]), gate, stat));
      expect(pushed.length).toBe(stored.length);
      const m = await port.metrics(runIds[0], ['loss']);
      expect(m.series[0].steps).toHaveLength(64);
      await expect(async () => port.get('999')).rejects.toThrow(/no run '999'/);

      const out = await port.export(runIds[0], 'onnx');
      const session = await ort.InferenceSession.create(readFileSync(out.path));
      const data = syntheticData(parseRunConfig({ ...config, seed: 1 }) as never, 16);
      const x = data.test.columns.x.data as Float32Array;
      const logits = (await session.run({ x: new ort.Tensor('float32', x, [data.test.rows, 16]) })).logit.data as Float32Array;
      const exported = binaryMetrics(Array.from(logits), Array.from(data.test.columns.y.data as Float32Array));
      expect(exported.accuracy).toBe(detail.metrics['test.accuracy']);
      expect(exported.auc).toBeCloseTo(detail.metrics['test.auc'], 6);
      await session.release();
      const csv = await port.export(runIds[0], 'metrics-csv');
      expect(readFileSync(csv.path, 'utf8').split('\n')[0]).toBe('name,step,value');

      // Another lab on the same home saw no live event: the total is the stored one, and a run training
      // in another process gets its throughput and ETA from the store (2 epochs x 32 steps above).
      const other = openRunsPort({ store, paths, poolSize: 1 });
      try {
        expect((await other.get(runIds[0])).totalSteps).toBe(64);
        const id = store.runs.create({ config: { batchSize: 50, model: { template: 'dlinear' } } });
        store.runs.setStatus(id, 'running', { step: 40, totalSteps: 100 });
        store.metrics.append(id, [{ step: 40, name: 'samples_per_sec', value: 1000 }]);
        expect(await other.get(String(id))).toMatchObject({ step: 40, totalSteps: 100, samplesPerSec: 1000, etaSec: 3 }); // 60 steps x 50 rows at 1000 rows/s
        // its gate statistics, stored by the process that trains it, reach this lab's listeners within a pass (~1 s)
        const foreign = new Promise<GatePoints>((resolve) => other.onGateStats!((g) => { if (g.id === String(id)) resolve(g); }));
        store.metrics.appendGateStats(id, [{ step: 41, gate: 'router', stat: 'load', vector: [0.75, 0.25] }]);
        store.runs.setStatus(id, 'running', { step: 41 });
        expect(await foreign).toEqual({ id: String(id), points: [{ step: 41, gate: 'router', stat: 'load', value: null, vector: [0.75, 0.25] }] });
      } finally {
        await other.close();
      }
    } finally {
      await port.close();
      store.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
