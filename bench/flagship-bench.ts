// The flagship section of `npm run bench:engine`: TSMixer-gated, FinalMLP and GMU at the sizes and batch
// sizes of their accuracy runs, trained by the engine (Loop-K graph, as the trainer runs them) and by
// PyTorch 1.13 (bench/torch_flagships.py at its best of eager / foreach / jit.script), interleaved; plus
// the cost of the gate statistics: the same engine model compiled with stats on and off.
import { StepsPerCall } from '../engine/train/chunking';
import { compileTraining } from '../engine/train/compile';
import { TrainSession } from '../workers/train-session';
import { FLAGSHIPS, firstStep, flagshipBatches, flagshipModel, type Flagship } from './flagships';

export interface Peer {
  ask<T>(msg: object): Promise<T>;
  close(): void;
}

interface Rate {
  wall: number;
  cpu: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const MODES = ['eager', 'foreach', 'jit'] as const;

async function engineSide(f: Flagship, stats: boolean, threads: number, seconds: number, fixedK?: number) {
  const def = flagshipModel(f);
  const compiled = compileTraining(def, { dtype: 'float32', optimizer: f.optimizer, batchSize: f.batch, stats });
  const session = await TrainSession.open(compiled, compiled.initialParams(1), { providers: ['cpu'], intraOpThreads: threads, graphs: ['loop', 'eval'] });
  const pool = flagshipBatches(f, def, 64);
  const initialLoss = (await session.evaluate(firstStep(pool))).loss;
  // K as the trainer chooses it (~100 ms per call), but timed in CPU time: on a loaded machine wall time
  // would push K to 1 and measure the per-call cost (copying params and Adam state in and out) instead.
  const chooser = new StepsPerCall({ targetMs: 100 });
  const slice = (k: number) => Object.fromEntries(Object.entries(pool).map(([n, t]) => {
    const per = t.data.length / t.dims[0];
    return [n, { data: t.data.subarray(0, k * per), dims: [k, ...t.dims.slice(1)] }];
  }));
  // Until K has stayed the same for 3 calls (at least 8 calls, at most 40): the first ~6 calls of a
  // FinalMLP session cost ~95 ms of page faults each (its memory is touched for the first time), so the
  // 5 calls this used to make all saw warm-up and chose K=1, where the per-call copies are a third of a step.
  let warmUpCalls = 0;
  for (let same = 0; !fixedK && warmUpCalls < 40 && (warmUpCalls < 8 || same < 3); warmUpCalls++) {
    const kc = Math.min(chooser.next(), 64);
    const c0 = process.cpuUsage();
    await session.trainSteps(slice(kc), new Float64Array(kc).fill(1e-4));
    const c = process.cpuUsage(c0);
    chooser.record(kc, (c.user + c.system) / 1000);
    same = Math.min(chooser.next(), 64) === kc ? same + 1 : 0;
  }
  const k = fixedK ?? Math.min(chooser.next(), 64);
  const feeds = slice(k);
  const lrs = new Float64Array(k).fill(1e-4);
  return {
    params: compiled.layout.size,
    stats: compiled.statNames.length,
    initialLoss,
    k,
    warmUpCalls,
    async measure(): Promise<Rate> {
      let steps = 0;
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      while (performance.now() - start < seconds * 1000 || steps === 0) {
        await session.trainSteps(feeds, lrs);
        steps += k;
      }
      const cpu = process.cpuUsage(cpu0);
      return { wall: (steps * f.batch) / ((performance.now() - start) / 1000), cpu: (steps * f.batch) / ((cpu.user + cpu.system) / 1e6) };
    },
    /** CPU milliseconds of `calls` Loop calls. */
    async cpuOf(calls: number): Promise<number> {
      const c0 = process.cpuUsage();
      for (let i = 0; i < calls; i++) await session.trainSteps(feeds, lrs);
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    },
    close: () => session.close(),
  };
}

/**
 * The median of xs and an interval that holds the true median with ~95% probability whatever the
 * distribution (sign-test order statistics, normal approximation: ranks n/2 ± 0.98·√n). Why: a stats
 * cost of 3% to 7% read one run at a time could not tell "over 5%" from the run-to-run noise under load;
 * the interval says when a run cannot decide.
 */
export function medianInterval(xs: number[]): { median: number; low: number; high: number } {
  const s = [...xs].sort((a, b) => a - b);
  const half = 0.98 * Math.sqrt(s.length);
  const at = (i: number) => s[Math.max(0, Math.min(s.length - 1, i))];
  return { median: at(Math.floor(s.length / 2)), low: at(Math.floor(s.length / 2 - half)), high: at(Math.ceil(s.length / 2 + half) - 1) };
}

/**
 * The cost of the gate statistics: many short alternating on/off pairs (3 calls each, order swapped
 * every pair), the median of the pair ratios, with its interval. Under load a few long repeats gave
 * anything from −8% to +12% for the same graphs; 30 short pairs agree to about a percent from run to run.
 */
async function statsCost(on: { cpuOf(n: number): Promise<number> }, off: { cpuOf(n: number): Promise<number> }, pairs = 30) {
  const ratios: number[] = [];
  for (let r = 0; r < pairs; r++) {
    let a: number, b: number;
    if (r % 2) { a = await on.cpuOf(3); b = await off.cpuOf(3); } else { b = await off.cpuOf(3); a = await on.cpuOf(3); }
    ratios.push(a / b - 1);
  }
  return medianInterval(ratios);
}

export interface FlagshipResult {
  ratio: number;
  cpuRatio: number;
  /** 1 − (samples/s with gate statistics) / (samples/s without), median over the pairs. */
  statsOverhead: number;
  cpuStatsOverhead: number;
  /** ~95% interval of that median (medianInterval): a target is met only when its upper end is below it. */
  cpuStatsInterval: [number, number];
}

/** Runs every flagship; prints one block each. `peer` drives bench/torch_flagships.py. */
export async function runFlagships(peer: Peer, threads: number, seconds: number, repeats: number, only?: string): Promise<Record<string, FlagshipResult>> {
  const results: Record<string, FlagshipResult> = {};
  for (const f of FLAGSHIPS.filter((x) => !only || only.split(',').includes(x.name))) {
    const withStats = await engineSide(f, true, threads, seconds);
    // the same K: the per-call copies of parameters and Adam state are a share of each step that depends
    // on K, so two K's chosen separately (by noisy timings) would show up as a statistics cost
    const without = await engineSide(f, false, threads, seconds, withStats.k);
    const built = await peer.ask<{ params: number }>({ cmd: 'build', name: f.name, sizes: f.torch, batch: f.batch, optimizer: f.optimizer, threads });
    console.log(`\nflagship ${f.name} (${f.model.template}, batch ${f.batch}): engine ${fmt(withStats.params)} parameters, ${withStats.stats} gate statistics, ` +
      `K=${withStats.k} steps per call (after ${withStats.warmUpCalls} warm-up calls), initial loss ${withStats.initialLoss.toFixed(4)}; pytorch ${fmt(built.params)} parameters`);
    await withStats.measure(); await without.measure(); // warm-up at full length
    for (const mode of MODES) await peer.ask({ cmd: 'measure', name: f.name, mode, seconds: 0.3 }).catch(() => undefined);
    const pairs: number[] = [], cpuPairs: number[] = [], overhead: number[] = [], cpuOverhead: number[] = [], ours: number[] = [], theirs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      // alternate which side goes first: the first one runs right after the PyTorch peer, with caches and
      // the allocator cold, which measured as a steady 5–10% "statistics cost" when "on" always went first
      let on: Rate, off: Rate;
      if (r % 2 === 0) { on = await withStats.measure(); off = await without.measure(); } else { off = await without.measure(); on = await withStats.measure(); }
      const perMode: Record<string, { samplesPerSec: number; samplesPerCpuSec: number }> = {};
      for (const mode of MODES) {
        try { perMode[mode] = await peer.ask({ cmd: 'measure', name: f.name, mode, seconds: seconds / 2 }); } catch { /* e.g. jit.script refused the model */ }
      }
      if (Object.keys(perMode).length === 0) throw new Error(`the PyTorch peer could not train ${f.name} in any mode (eager, foreach, jit); run bench/torch_flagships.py by hand to see why`);
      const [bestMode, best] = Object.entries(perMode).sort((a, b) => b[1].samplesPerSec - a[1].samplesPerSec)[0];
      const bestCpu = Math.max(...Object.values(perMode).map((m) => m.samplesPerCpuSec));
      ours.push(on.wall); theirs.push(best.samplesPerSec);
      pairs.push(on.wall / best.samplesPerSec); cpuPairs.push(on.cpu / bestCpu);
      overhead.push(1 - on.wall / off.wall); cpuOverhead.push(1 - on.cpu / off.cpu);
      console.log(`  repeat ${r + 1}: engine ${fmt(on.wall)} samples/s (stats off ${fmt(off.wall)}) | pytorch best ${fmt(best.samplesPerSec)} (${bestMode}; ` +
        `${Object.entries(perMode).map(([m, v]) => `${m} ${fmt(v.samplesPerSec)}`).join(', ')}) | ratio ${(on.wall / best.samplesPerSec).toFixed(2)}x ` +
        `| per CPU-second: ${fmt(on.cpu)} vs ${fmt(bestCpu)}, ${(on.cpu / bestCpu).toFixed(2)}x; stats cost ${(100 * (1 - on.cpu / off.cpu)).toFixed(1)}% CPU`);
    }
    const cost = await statsCost(withStats, without);
    results[f.name] = { ratio: median(pairs), cpuRatio: median(cpuPairs), statsOverhead: median(overhead), cpuStatsOverhead: cost.median, cpuStatsInterval: [cost.low, cost.high] };
    console.log(`  gate statistics, 30 alternating pairs of 3 calls: ${pct(cost.median)} CPU, 95% interval ${pct(cost.low)} to ${pct(cost.high)} ` +
      `(${cost.high < 0.05 ? 'below 5%' : cost.low >= 0.05 ? 'over 5%' : 'this run cannot tell whether it is below 5%'}; the repeats above: median ${pct(median(cpuOverhead))})`);
    const epoch = Math.floor(f.trainRows / f.batch) * f.batch;
    console.log(`  median: engine ${fmt(median(ours))} samples/s (an epoch of ${fmt(epoch)} rows: ${(epoch / median(ours)).toFixed(1)} s), pytorch ${fmt(median(theirs))} samples/s, ` +
      `ratio ${results[f.name].ratio.toFixed(2)}x; per CPU-second ${results[f.name].cpuRatio.toFixed(2)}x; gate statistics cost ${(100 * results[f.name].statsOverhead).toFixed(1)}% wall, ` +
      `${(100 * results[f.name].cpuStatsOverhead).toFixed(1)}% CPU`);
    await withStats.close();
    await without.close();
  }
  return results;
}

/** `flagships: tsmixer=<r>x finalmlp=<r>x gmu=<r>x` (+ the stats overheads). */
export function flagshipSummary(r: Record<string, FlagshipResult>): string {
  const names = Object.keys(r);
  return `flagships: ${names.map((n) => `${n}=${r[n].ratio.toFixed(2)}x`).join(' ')} ` +
    `(per CPU-second ${names.map((n) => `${n}=${r[n].cpuRatio.toFixed(2)}x`).join(' ')}; gate stats cost ${names.map((n) => `${n}=${pct(r[n].cpuStatsOverhead)} [${pct(r[n].cpuStatsInterval[0])}, ${pct(r[n].cpuStatsInterval[1])}]`).join(' ')})`;
}
