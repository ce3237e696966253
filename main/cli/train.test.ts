// The run verbs end to end, as a user types them, on a temp lab home: train in one real `gatelab`
// process (the exit code the shell sees), pause it from another process (this one: it trains elsewhere, so
// the request goes through the run's folder) and resume it here; runs/show --json, export, sweeps and the
// refusals call the CLI in-process too (testing/gatelab.ts: the same verbs and trainer processes, without a
// second's start-up per command).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatelab as cli } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

const BIN = fileURLToPath(new URL('../../bin/gatelab.js', import.meta.url));

/** The command in-process: its stdout lines, then its stderr lines (as the process helper collects them). */
async function gatelab(args: string[]): Promise<{ code: number | null; lines: string[] }> {
  const r = await cli(args);
  const stdoutLines = r.out === '' ? [] : r.out.replace(/\n$/, '').split('\n');
  return { code: r.code, lines: [...stdoutLines, ...r.err.split('\n').filter(Boolean)] };
}

function gatelabProcess(args: string[], onLine?: (line: string) => void): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const l of parts) { lines.push(l); onLine?.(l); }
    });
    child.stderr.on('data', (d) => lines.push(...String(d).split('\n').filter(Boolean)));
    child.on('close', (code) => resolve({ code, lines: buf ? [...lines, buf] : lines }));
  });
}
const lastJson = (lines: string[]) => JSON.parse(lines.filter((l) => l.startsWith('{') || l.startsWith('[')).at(-1)!);

describe('gatelab train / pause / resume / runs / show / export / cancel', () => {
  it('a run trained, paused from another process, resumed, shown and exported', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-cli-'));
    try {
      let paused: Promise<{ code: number | null; lines: string[] }> | null = null;
      const train = await gatelabProcess(['train', '--home', home, '--epochs', '40', '--set', 'patience=0', '--set', 'samples=16384', '--set', 'batch-size=64', '--seed', '5', '--follow', '--json'], (line) => {
        if (!paused && line.includes('"type":"progress"')) paused = gatelab(['pause', '1', '--home', home, '--json']);
      });
      const result = lastJson(train.lines);
      expect(result).toMatchObject({ run: 1, status: 'paused' });
      expect(train.code).toBe(3); // paused: did not finish (not 0), resumable (not 1, failed)
      expect(lastJson((await paused!)!.lines)).toMatchObject({ run: 1, status: 'paused' });

      const resumed = await gatelab(['resume', '1', '--home', home, '--json']);
      const done = lastJson(resumed.lines);
      expect(done).toMatchObject({ run: 1, status: 'completed', step: 40 * 256 }); // early stopping off: all 40 epochs
      expect(Object.keys(done.test).sort()).toEqual(['accuracy', 'ap', 'auc', 'f1', 'logloss', 'loss']);
      expect(done.test.auc).toBeGreaterThan(0.9);
      expect(done.test.ap).toBeGreaterThan(0.9); // average precision of the positives (eval-metrics.ts)

      const runs = lastJson((await gatelab(['runs', '--home', home, '--json'])).lines);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ run: 1, status: 'completed', template: 'demo-gated', seed: 5 });
      const show = lastJson((await gatelab(['show', '1', '--home', home, '--json'])).lines);
      expect(show.checkpoints.map((c: { kind: string }) => c.kind)).toContain('pause');
      expect(show.gates.map((g: { gate: string }) => g.gate)).toContain('gate_openness');
      expect(show.config.epochs).toBe(40);

      const out = join(home, 'model.onnx');
      const exp = await gatelab(['export', '1', '--home', home, '--out', out, '--json']);
      expect(exp.code).toBe(0);
      expect(existsSync(out)).toBe(true);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('a CSV file is imported and trained with a forecasting template on the ETT split; test MSE/MAE printed', async () => {
    const home = await labHomeWithDemos(['forecasting'], 'gatelab-cli-'); // dataset 1 below; the other demos play no part
    try {
      const csv = '/work/shared/data/forecasting/ETTh1.csv';
      const r = await gatelab(['train', '--home', home, '--dataset', csv, '--template', 'dlinear', '--set', 'split=ett',
        '--set', 'lookback=96', '--set', 'horizon=24', '--epochs', '1', '--set', 'max-steps=30', '--follow', '--json']);
      const ready = r.lines.map((l) => (l.includes('"provider"') && l.includes('"data"') ? JSON.parse(l) : null)).find(Boolean);
      // ETT protocol: 12/4/4 months of hourly rows; windows of 96 in, 24 out, stride 1.
      expect(ready.data).toBe('forecasting: 8,521 train / 2,857 validation / 2,857 test samples; 7 channels: HUFL, HULL, MUFL, MULL, LUFL, LULL, OT');
      expect(ready.parameters).toBe(2 * (96 * 24 + 24)); // DLinear: trend + seasonal linear maps, shared across the 7 channels
      const result = lastJson(r.lines);
      expect(result).toMatchObject({ run: 1, status: 'completed', step: 30 });
      expect(result.name).toBe('dlinear on ETTh1 · split=ett · lookback=96 · horizon=24 · +1 more'); // named as the app names its runs (not "run 1"), with its --set changes
      expect(Object.keys(result.test).sort()).toEqual(['loss', 'mae', 'mse']);
      expect(result.test.mse).toBeGreaterThan(0.2);
      expect(result.test.mse).toBeLessThan(2);
      // A dataset (id 1: the first demo) from a config file and from a sweep file: every run verb can read datasets.
      const config = { model: { template: 'dlinear', lookback: 96, horizon: 24 }, data: { kind: 'dataset', datasetId: 1, split: 'ett' }, epochs: 1, maxSteps: 10 };
      writeFileSync(join(home, 'run.json'), JSON.stringify(config));
      const again = await gatelab(['train', '--home', home, '--dataset', csv, '--template', 'dlinear', '--set', 'lookback=96', '--set', 'horizon=24', '--set', 'max-steps=2']);
      expect(again.lines[0]).toMatch(/ETTh1\.csv is already dataset \d+ \('ETTh1'\): training on it$/);
      const fromConfig = await gatelab(['train', '--home', home, '--config', join(home, 'run.json'), '--json']);
      expect(lastJson(fromConfig.lines)).toMatchObject({ run: 3, status: 'completed', step: 10 });
      // A sweep file may name its dataset (ids depend on the lab's import order), as --dataset does.
      writeFileSync(join(home, 'sweep.json'), JSON.stringify({ name: 'ett', config: { ...config, data: { ...config.data, datasetId: 'ETTh1' } }, seeds: 2 }));
      const sweep = lastJson((await gatelab(['sweep', join(home, 'sweep.json'), '--home', home, '--parallel', '2', '--json'])).lines);
      expect(sweep.runs.map((x: { status: string }) => x.status)).toEqual(['completed', 'completed']);
      const etth1 = Number(/already dataset (\d+)/.exec(again.lines[0])![1]);
      expect(lastJson((await gatelab(['show', String(sweep.runs[0].run), '--home', home, '--json'])).lines).config.data.datasetId).toBe(etth1);
      writeFileSync(join(home, 'sweep.json'), JSON.stringify({ name: 'ett', config: { ...config, data: { ...config.data, datasetId: 'ETTh2' } }, seeds: 1 }));
      const unknown = await gatelab(['sweep', join(home, 'sweep.json'), '--home', home]);
      expect(unknown.code).toBe(2); // refused, as train refuses an unknown --dataset
      expect(unknown.lines.join('\n')).toMatch(new RegExp(`No dataset 'ETTh2'\\. Known datasets: .*${etth1} \\(ETTh1\\)`));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('bad input gets an actionable message and exit code 2; a sweep file trains its group', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-cli-'));
    try {
      const bad = await gatelab(['train', '--home', home, '--set', 'lr=-1', '--json']);
      expect(bad.code).toBe(2);
      expect(lastJson(bad.lines)).toMatchObject({ status: 'error', error: expect.stringMatching(/optimizer\.lr/) });
      const file = join(home, 'sweep.json');
      writeFileSync(file, JSON.stringify({ name: 'lr', config: { epochs: 1, batchSize: 64, data: { kind: 'synthetic', samples: 1024 } }, seeds: 2, sweep: { params: { 'optimizer.lr': [1e-3, 1e-2] } } }));
      const sweep = await gatelab(['sweep', file, '--home', home, '--parallel', '2', '--json']);
      const r = lastJson(sweep.lines);
      expect(r.runs.map((x: { status: string }) => x.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
      const listed = lastJson((await gatelab(['runs', '--home', home, '--group', r.group, '--json'])).lines);
      expect(listed.map((x: { name: string }) => x.name)).toEqual(['lr · lr=0.001 seed=1', 'lr · lr=0.001 seed=2', 'lr · lr=0.01 seed=1', 'lr · lr=0.01 seed=2']);
      // mistakes in a terminal get messages that say what to fix, and exit code 2 (refused: nothing was done)
      const missing = await gatelab(['sweep', join(home, 'nope.json'), '--home', home]);
      expect(missing.code).toBe(2);
      expect(missing.lines.join('\n')).toMatch(/cannot read the experiment file '.*nope\.json': no such file/);
      writeFileSync(join(home, 'broken.json'), '{ name: ');
      expect((await gatelab(['sweep', join(home, 'broken.json'), '--home', home])).lines.join('\n')).toMatch(/broken\.json is not valid JSON/);
      expect((await gatelab(['sweep', file, '--home', home, '--parallel', '0'])).lines.join('\n')).toMatch(/--parallel must be a whole number of run slots, at least 1 \(got '0'\)/);
      const status = await gatelab(['runs', '--home', home, '--status', 'bogus']);
      expect(status.code).toBe(2);
      expect(status.lines.join('\n')).toMatch(/--status must be one of queued, running, paused/);
      expect((await gatelab(['runs', '--home', home, '--status', 'running'])).lines.join('\n')).toMatch(/no run matches --status\/--group/);
      const out = await gatelab(['export', '1', '--home', home, '--out', join(home, 'no', 'such', 'dir', 'm.onnx')]);
      expect(out.code).toBe(2);
      expect(out.lines.join('\n')).toMatch(/--out: the folder '.*no\/such\/dir' does not exist; create it or choose another path/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
