// "Try it" on the lab side: export the run's ONNX model, then predict the chosen test rows in a short-lived
// child process (workers/predict.ts) so ONNX Runtime never blocks the lab's event loop.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LabError, type TryResult } from '../../../common/lab-api';
import type { LabStore, RunRecord } from '../store/index';
import type { RunsPort } from './runs-port';

export const PREDICT_ENTRY = fileURLToPath(new URL('../../../workers/predict.ts', import.meta.url));
const TIMEOUT_MS = 120_000;

export class TryIt {
  constructor(
    private readonly store: LabStore | null,
    private readonly runs: RunsPort,
    private readonly resolveDataset: ((run: RunRecord) => Record<string, unknown>) | undefined,
  ) {}

  async predict(id: string, rows: number[]): Promise<TryResult> {
    const run = this.store && /^\d+$/.test(id) ? this.store.runs.get(Number(id)) : undefined;
    if (!run || !this.runs.available) throw new LabError('not-found', `no run '${id}' to try`);
    const { path } = await this.runs.export(id, 'onnx');
    const dataset = run.datasetId != null && this.resolveDataset ? this.resolveDataset(run) : undefined;
    const spec = { runId: run.id, config: run.config, checkpointDir: '.', ...(dataset ? { dataset } : {}) };
    const result = await inChild({ onnxPath: path, spec, rows });
    return { ...result, onnxPath: path };
  }
}

function inChild(request: object): Promise<Omit<TryResult, 'onnxPath'>> {
  return new Promise((resolve, reject) => {
    const child = fork(PREDICT_ENTRY, [], { execArgv: ['--import', import.meta.resolve('tsx')], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let tail = '';
    let settled = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => { tail = (tail + s).slice(-2000); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); finish(new LabError('internal', `the prediction did not finish within ${TIMEOUT_MS / 1000} s`)); }, TIMEOUT_MS);
    const finish = (e: Error | null, r?: Omit<TryResult, 'onnxPath'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) reject(e);
      else resolve(r!);
    };
    child.on('message', (m: { ok: boolean; result?: Omit<TryResult, 'onnxPath'>; message?: string }) => {
      if (m.ok) finish(null, m.result);
      else finish(new LabError('invalid-payload', m.message ?? 'the prediction failed'));
    });
    child.on('close', (code) => finish(new LabError('internal', `the prediction process exited (code ${code}) before answering${tail ? `: ${tail.trim().split('\n').slice(-5).join('\n')}` : ''}`)));
    child.send(request);
  });
}
