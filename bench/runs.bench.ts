// npm run bench:runs — the run manager under load (issue 5):
//   1. overhead: a run through the manager (trainer process, protocol, metrics to SQLite, checkpoints)
//      vs a bare engine loop (TrainSession in a fresh process, bench/runs-bare.ts) doing the same training
//      and per-epoch validation on the same model, data, batch size and K; interleaved pairs, median ratio of CPU time
//      per step (trainer + lab vs bare; wall time is also printed but is noise on a shared machine).
//   2. 4 concurrent runs on this machine's cores: p99 delay of the lab's event loop while they train,
//      and the metric points written per second meanwhile.
//   3. metrics write throughput of the store (MetricsWriter, one transaction per tick).
//   4. crash trials: `gatelab train/resume` killed at random moments (CRASH_KILLS, default 40).
// Last line: runs: loop_p99_ms=<n> metrics_pts_per_s=<n> overhead=<percent>%
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openTestLab, nextEvent } from '../main/lab/runs/testing/lab-fixture';
import { crashTrials } from '../main/lab/runs/testing/crash-trials';
import { MetricsWriter } from '../main/lab/runs/metrics-writer';
import { forkTrainerWith } from '../main/lab/runs/trainer-process';
import { openLabStore } from '../main/lab/store/index';
import { runConfig, type Measure } from './runs-config';

const quick = process.argv.includes('--quick');
const K = 64;
// monitorEventLoopDelay records the time between two ticks of its sampling timer, i.e. the resolution plus the
// delay; we report the delay (percentile minus resolution).
const RESOLUTION_MS = 2;
const delayMs = (h: ReturnType<typeof monitorEventLoopDelay>, p: number | 'max') => Math.max(0, (p === 'max' ? h.max : h.percentile(p)) / 1e6 - RESOLUTION_MS);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The bare engine loop, in a fresh process like a trainer (bench/runs-bare.ts): what the manager is compared with. */
function bare(epochs: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./runs-bare.ts', import.meta.url)), String(epochs), String(K)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`runs-bare exited with ${code}`))));
  });
}

/** The same run through the manager, from the trainer's 'ready' to 'finished': trainer CPU + this lab's CPU. */
async function managed(epochs: number): Promise<Measure> {
  // The trainer at the bare loop's priority: on a loaded machine a niced process is preempted more often,
  // which costs cache misses, not manager work.
  const lab = openTestLab({ poolSize: 1, launcher: forkTrainerWith({ nice: 0 }) });
  try {
    const id = lab.manager.create(runConfig(epochs));
    await nextEvent(lab.manager, (e) => e.type === 'status' && e.runId === id && !!e.provider);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const fin = await nextEvent(lab.manager, (e) => e.type === 'finished' && e.runId === id);
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (fin.type !== 'finished' || fin.status !== 'completed' || fin.cpuMs === undefined) throw new Error(`managed run did not complete: ${JSON.stringify(fin)}`);
    const labCpuMs = (c.user + c.system) / 1000;
    return { steps: lab.store.runs.get(id)!.step, wallMs, cpuMs: fin.cpuMs + labCpuMs, labCpuMs };
  } finally {
    await lab.close();
  }
}

/** Overhead in percent: CPU time per step (robust on a shared, noisy machine) and wall time per step. */
async function overhead(): Promise<{ cpu: number; wall: number }> {
  const epochs = quick ? 2 : 4;
  await bare(1); // warm-up (page cache)
  const cpu: number[] = [], wall: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const b = await bare(epochs);
    const m = await managed(epochs);
    cpu.push((m.cpuMs / m.steps) / (b.cpuMs / b.steps));
    wall.push((m.wallMs / m.steps) / (b.wallMs / b.steps));
    console.log(`overhead pair ${i + 1}: bare ${(b.steps / b.wallMs * 1000).toFixed(0)} steps/s (${(b.cpuMs / b.steps).toFixed(2)} CPU ms/step), ` +
      `managed ${(m.steps / m.wallMs * 1000).toFixed(0)} steps/s (${(m.cpuMs / m.steps).toFixed(2)} CPU ms/step, of which the lab ${(m.labCpuMs! / m.steps).toFixed(3)}); ` +
      `CPU ratio ${cpu.at(-1)!.toFixed(3)}, wall ratio ${wall.at(-1)!.toFixed(3)}`);
  }
  return { cpu: (median(cpu) - 1) * 100, wall: (median(wall) - 1) * 100 };
}

async function concurrent(): Promise<{ p99: number; pointsPerSec: number }> {
  const lab = openTestLab({ poolSize: 4 });
  try {
    const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    const ids = [1, 2, 3, 4].map((s) => lab.manager.create({ ...runConfig(quick ? 3 : 6), seed: s, stepsPerCall: undefined }));
    await Promise.all(ids.map((id) => nextEvent(lab.manager, (e) => e.type === 'status' && e.runId === id && !!e.provider)));
    const written0 = lab.manager.metrics.written;
    h.enable();
    const t0 = performance.now();
    await Promise.all(ids.map((id) => lab.manager.waitFor(id)));
    h.disable();
    const secs = (performance.now() - t0) / 1000;
    const p99 = delayMs(h, 99);
    const pts = (lab.manager.metrics.written - written0) / secs;
    console.log(`4 concurrent runs: ${secs.toFixed(1)} s, event-loop delay p50 ${delayMs(h, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${delayMs(h, 'max').toFixed(1)} ms; ${pts.toFixed(0)} points/s stored`);
    return { p99, pointsPerSec: pts };
  } finally {
    await lab.close();
  }
}

/** The same event-loop measurement with no run at all: what this machine's load alone costs the lab. */
async function idleBaseline(seconds: number): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  h.disable();
  const p99 = delayMs(h, 99);
  console.log(`idle lab (no runs), ${seconds} s: event-loop delay p50 ${delayMs(h, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${delayMs(h, 'max').toFixed(1)} ms (the machine's own load)`);
  return p99;
}

function writeThroughput(): number {
  const dir = mkdtempSync(join(tmpdir(), 'gatelab-bench-metrics-'));
  const store = openLabStore(join(dir, 'lab.sqlite'));
  try {
    const runs = [1, 2, 3, 4].map(() => store.runs.create({ config: {} }));
    const writer = new MetricsWriter(store);
    const ticks = quick ? 50 : 200, perRunTick = 2500;
    let step = 0;
    const t0 = performance.now();
    for (let t = 0; t < ticks; t++) {
      for (const r of runs) {
        const points = [];
        for (let i = 0; i < perRunTick / 2; i++) points.push({ step: step + i, name: 'loss', value: Math.random() }, { step: step + i, name: 'lr', value: 1e-3 });
        writer.add(r, points);
      }
      step += perRunTick / 2;
      writer.flush();
    }
    const rate = writer.written / ((performance.now() - t0) / 1000);
    console.log(`metrics writes: ${writer.written.toLocaleString('en-US')} points in ${ticks} transactions, ${rate.toFixed(0)} points/s`);
    return rate;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function crashes(): Promise<void> {
  const kills = Number(process.env.CRASH_KILLS ?? (quick ? 0 : 40));
  if (!kills) return;
  const home = mkdtempSync(join(tmpdir(), 'gatelab-bench-crash-'));
  try {
    const r = await crashTrials(home, { kills, seed: Date.now() % 100_000, minMs: 200, maxMs: 4000,
      config: { data: { kind: 'synthetic', samples: 4096 }, batchSize: 64, epochs: 25, earlyStopping: { patience: 0 } } });
    console.log(`crash trials: ${r.kills} kills, ${r.completedChains} runs completed after kills, statuses ${JSON.stringify(r.statusesAfterKill)}, problems: ${r.problems.length ? r.problems.join('; ') : 'none'}`);
    if (r.problems.length) process.exitCode = 1;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

console.log(`bench:runs on ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'})${quick ? ', quick' : ''}`);
const oh = await overhead();
const { p99 } = await concurrent();
await idleBaseline(quick ? 3 : 10);
const pts = writeThroughput();
await crashes();
console.log(`overhead: ${oh.cpu.toFixed(1)}% in CPU time per step, ${oh.wall.toFixed(1)}% in wall time per step (median of pairs)`);
console.log(`runs: loop_p99_ms=${p99.toFixed(1)} metrics_pts_per_s=${Math.round(pts)} overhead=${oh.cpu.toFixed(1)}%`);
