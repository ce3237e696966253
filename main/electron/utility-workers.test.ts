// The desktop app's worker launcher (utility-workers.ts + utility-worker.mjs) with the real workers, in
// processes shaped like Electron's utilityProcess (a stand-in: process.parentPort, no Node IPC channel;
// there is no Electron binary here). Try it, given to a Lab as its `workers`, predicts what ONNX Runtime
// predicts on the same rows; a gate report job gives the same report as under fork(); errors and kills are
// reported as under fork().
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { Lab } from '../lab/lab';
import { openLabDatasets } from '../lab/datasets/index';
import { RunFiles } from '../lab/runs/run-files';
import { runTarget } from '../lab/analytics/run-target';
import { ANALYTICS_ENTRY, startAnalyticsJob } from '../lab/analytics/analytics-process';
import { forkWorkers, type WorkerExit } from '../lab/analytics/worker-launcher';
import { PREDICT_ENTRY } from '../lab/lab/try-it';
import { syntheticData } from '../../workers/run/run-data';
import { parseRunConfig } from '../../common/runs/config';
import { UTILITY_WORKER_ENTRY, utilityWorkers, type UtilityFork } from './utility-workers';

const STAND_IN = fileURLToPath(new URL('./testing/utility-process-stand-in.mjs', import.meta.url));

/** utilityProcess.fork's stand-in: a Node child with a parentPort over stdin / fd 3; records what it was asked to start. */
function standInFork(started: Array<{ modulePath: string; args: string[]; serviceName: string }>): UtilityFork {
  return (modulePath, args, options) => {
    started.push({ modulePath, args, serviceName: options.serviceName });
    const child = spawn(process.execPath, [STAND_IN, modulePath, ...args], { stdio: ['pipe', 'ignore', 'pipe', 'pipe'], env: options.env });
    child.stdin!.on('error', () => { /* written to after it exited: Electron drops such messages too */ });
    const events = new EventEmitter();
    createInterface({ input: child.stdio[3] as Readable }).on('line', (l) => events.emit('message', JSON.parse(l)));
    // 'close': its messages on fd 3 have all been read by then (Electron delivers them before 'exit' too)
    child.on('close', (code) => events.emit('exit', code ?? 1));
    return {
      postMessage: (m) => void child.stdin!.write(`${JSON.stringify(m)}\n`),
      on: (event: string, listener: (...a: any[]) => void) => events.on(event, listener),
      kill: () => child.kill(),
      stderr: child.stderr,
    };
  };
}

const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { result: T }).result;
};

describe('Try it and gate analytics in utility processes', () => {
  it('predict and report like under fork(); failures and kills say why', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-utility-workers-'));
    const started: Array<{ modulePath: string; args: string[]; serviceName: string }> = [];
    const workers = utilityWorkers(standInFork(started));
    const lab = await Lab.open({ home, face: 'test', workers });
    const store = await openLabDatasets(lab.paths, { demos: false });
    try {
      const config = { epochs: 1, batchSize: 64, data: { kind: 'synthetic', samples: 512 } };
      const { runIds } = ok<{ runIds: string[] }>(await lab.dispatch('runs.start', { template: 'demo-gated', datasetId: 'synthetic', seeds: 1, config }));
      const id = runIds[0];
      for (let status = ''; status !== 'completed';) {
        status = ok<{ status: string }>(await lab.dispatch('runs.get', { id })).status;
        if (status === 'failed') throw new Error('run failed');
        await new Promise((r) => setTimeout(r, 100));
      }

      // Try it through the Lab's `workers` option
      const rows = [0, 3, 7];
      const tried = ok<{ rows: Array<{ row: number; prediction: number[] }>; onnxPath: string }>(await lab.dispatch('runs.try', { id, rows }));
      expect(started).toEqual([{ modulePath: UTILITY_WORKER_ENTRY, args: [`--gatelab-worker-entry=${PREDICT_ENTRY}`], serviceName: 'GateLab Try it' }]);
      const x = syntheticData(parseRunConfig({ ...config, seed: 1 }) as never, 16).test.columns.x.data as Float32Array;
      const session = await ort.InferenceSession.create(readFileSync(tried.onnxPath));
      const picked = Float32Array.from(rows.flatMap((r) => Array.from(x.subarray(r * 16, r * 16 + 16))));
      const logits = (await session.run({ x: new ort.Tensor('float32', picked, [rows.length, 16]) })).logit.data as Float32Array;
      await session.release();
      expect(tried.rows.map((r) => r.row)).toEqual(rows);
      tried.rows.forEach((r, i) => expect(r.prediction[0]).toBeCloseTo(logits[i], 5));
      // the worker's own error comes back as under fork
      expect(JSON.stringify(await lab.dispatch('runs.try', { id, rows: [100_000] }))).toMatch(/rows 100000 are outside the test split/);

      // gate analytics through the Lab's `workers` option too
      ok(await lab.dispatch('analytics.report', { id }));
      expect(started.at(-1)?.args[0]).toBe(`--gatelab-worker-entry=${ANALYTICS_ENTRY}`);

      // a gate report job: the same report and progress as under fork()
      const target = runTarget(store.store, new RunFiles(lab.paths.checkpoints, lab.paths.home), Number(id));
      const job = { kind: 'report' as const, spec: target.spec, checkpoint: target.checkpoint };
      const progress: number[] = [];
      const viaUtility = await startAnalyticsJob(job, { onProgress: (done) => progress.push(done) }, workers).result;
      expect(started.at(-1)).toEqual({ modulePath: UTILITY_WORKER_ENTRY, args: [`--gatelab-worker-entry=${ANALYTICS_ENTRY}`, `--gatelab-analytics=run-${id}`], serviceName: `GateLab analytics (run ${id})` });
      expect(progress.length).toBeGreaterThan(0);
      expect(viaUtility).toEqual(await startAnalyticsJob(job, {}, forkWorkers).result);
      // the worker's 'failed' message, then its exit
      await expect(startAnalyticsJob({ ...job, checkpoint: join(home, 'no-such.ckpt') }, {}, workers).result).rejects.toThrow(/no-such\.ckpt/);

      // a worker we kill ends with its exit reported once, as SIGTERM (what utilityProcess.kill sends)
      const child = workers({ entry: ANALYTICS_ENTRY, name: 'killed' });
      const exits: WorkerExit[] = [];
      const exited = new Promise<void>((resolve) => child.onExit((e) => { exits.push(e); resolve(); }));
      child.kill();
      await exited;
      child.kill();
      expect(exits).toEqual([{ code: null, signal: 'SIGTERM', stderrTail: expect.any(String) }]);
      expect(child.connected).toBe(false);
    } finally {
      store.close();
      await lab.close();
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
