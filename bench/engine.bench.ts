// `npm run bench:engine`: the issue's gated model trained by the engine (ONNX Runtime, Loop-K graph,
// flat AdamW state) and by PyTorch 1.13 (bench/torch_gated.py at its best: eager, foreach AdamW or
// torch.jit.script), same weights, batches and threads, interleaved, at B=256 and B=4096; plus the
// achieved GFLOP/s against a matrix-multiply peak measured in the same run (ARCHITECTURE §9); then the
// three flagships of issue 4 against bench/torch_flagships.py (bench/flagship-bench.ts), with the cost of
// the gate statistics. BENCH_ONLY=gated|flagships runs one section; BENCH_FLAGSHIPS=finalmlp,gmu picks flagships.
// Second-to-last line: `flagships: tsmixer=<r>x finalmlp=<r>x gmu=<r>x (...)`.
// Last line: `engine vs pytorch: b256=<ratio>x b4096=<ratio>x gemm_peak=<percent>%`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { StepsPerCall } from '../engine/train/chunking';
import { compileTraining } from '../engine/train/compile';
import { gatedFlopsPerSample, gatedModel, syntheticGatedData, type GatedSizes } from '../engine/train/gated-model';
import { TrainSession, type HostTensor } from '../workers/train-session';
import { measureGemmPeak } from './gemm-peak';
import { flagshipSummary, runFlagships } from './flagship-bench';
import { MALLOC_TUNING, rerunWithMallocTuning } from './with-malloc-tuning';

const SIZES: GatedSizes = { inputs: 32, hidden: 256, experts: 4, expertHidden: 64 };
const BATCHES = [256, 4096];
const THREADS = Number(process.env.BENCH_THREADS ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const POOL = 8; // distinct batches per size, cycled by both sides
const ONLY = process.env.BENCH_ONLY; // 'gated' | 'flagships' | undefined (both)
const HERE = fileURLToPath(new URL('.', import.meta.url));
const TMP = join(HERE, '.tmp', 'engine');

// glibc returning freed activations to the kernel costs page faults every step: raise the thresholds
// for both sides, as the lab does for its trainers. They must be set before the process starts, so
// re-run ourselves with them.
rerunWithMallocTuning();

const avx512 = /\bavx512f\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
interface Rate {
  wall: number;
  cpu: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A PyTorch peer (torch_gated.py or torch_flagships.py), a long-lived process (torch's import costs seconds). */
function startPeer(script = 'torch_gated.py') {
  const env = {
    ...process.env, ...MALLOC_TUNING,
    OMP_NUM_THREADS: String(THREADS), OPENBLAS_NUM_THREADS: String(THREADS),
    // 2 cores: OpenMP and OpenBLAS threads spin against each other unless told to sleep.
    OMP_WAIT_POLICY: 'PASSIVE', OPENBLAS_THREAD_TIMEOUT: '4',
    ...(avx512 ? { OPENBLAS_CORETYPE: 'SkylakeX' } : {}),
  };
  const child = spawn('/usr/bin/python3', [join(HERE, script)], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async ask<T>(msg: object): Promise<T> {
      child.stdin!.write(JSON.stringify(msg) + '\n');
      const { value, done } = await lines.next();
      if (done) throw new Error('the PyTorch peer exited; is /usr/bin/python3 with torch installed (apt install python3-torch)?');
      const out = JSON.parse(value);
      if (out.error) throw new Error(`PyTorch peer: ${out.error}`);
      return out as T;
    },
    close: () => child.stdin!.end(),
  };
}

/** Initial weights and batch pools as raw float32 files both sides read. */
function writeShared(params: Float32Array, layout: ReturnType<typeof compileTraining>['layout']) {
  mkdirSync(TMP, { recursive: true });
  writeFileSync(join(TMP, 'params.bin'), params);
  const pools: Record<string, { x: string; y: string; count: number }> = {};
  const data: Record<number, { x: Float32Array; y: Float32Array }> = {};
  for (const B of BATCHES) {
    const d = syntheticGatedData(POOL * B, SIZES.inputs, B);
    writeFileSync(join(TMP, `x${B}.bin`), d.x);
    writeFileSync(join(TMP, `y${B}.bin`), d.y);
    pools[B] = { x: `x${B}.bin`, y: `y${B}.bin`, count: POOL };
    data[B] = d;
  }
  writeFileSync(join(TMP, 'meta.json'), JSON.stringify({ sizes: SIZES, paramsFile: 'params.bin', pools, params: layout.params.map((p) => ({ name: p.name, shape: p.shape, offset: p.offset, size: p.size })) }));
  return data;
}

/** K steps' batches, cycling through the pool (the Loop graph takes [K, B, ...]). */
function stacked(d: { x: Float32Array; y: Float32Array }, B: number, k: number, from: number): Record<string, HostTensor> {
  const x = new Float32Array(k * B * SIZES.inputs);
  const y = new Float32Array(k * B);
  for (let i = 0; i < k; i++) {
    const j = (from + i) % POOL;
    x.set(d.x.subarray(j * B * SIZES.inputs, (j + 1) * B * SIZES.inputs), i * B * SIZES.inputs);
    y.set(d.y.subarray(j * B, (j + 1) * B), i * B);
  }
  return { x: { data: x, dims: [k, B, SIZES.inputs] }, y: { data: y, dims: [k, B, 1] } };
}

async function engineSide(B: number, params: Float32Array, d: { x: Float32Array; y: Float32Array }) {
  const compiled = compileTraining(gatedModel(SIZES), { dtype: 'float32', optimizer: { kind: 'adamw', weightDecay: 0.01 }, batchSize: B });
  const session = await TrainSession.open(compiled, params, { providers: ['cpu'], intraOpThreads: THREADS, graphs: ['loop', 'eval'] });
  const first = stacked(d, B, 1, 0);
  const initialLoss = (await session.evaluate({ x: { data: first.x.data, dims: [B, SIZES.inputs] }, y: { data: first.y.data, dims: [B, 1] } })).loss;
  // K so that one call takes ~100 ms, chosen as the trainer does (the first call pays the warm-up).
  const chooser = new StepsPerCall({ targetMs: 100 });
  for (let call = 0; call < 3; call++) {
    const kc = chooser.next();
    const t0 = performance.now();
    await session.trainSteps(stacked(d, B, kc, 0), new Float64Array(kc).fill(1e-3));
    chooser.record(kc, performance.now() - t0);
  }
  const k = chooser.next();
  const feeds = stacked(d, B, k, 0);
  const lrs = new Float64Array(k).fill(1e-3);
  return {
    initialLoss,
    k,
    /** Samples per wall-clock second, and per CPU-second of this process (all its threads). */
    async measure(): Promise<Rate> {
      let steps = 0;
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      while (performance.now() - start < SECONDS * 1000 || steps === 0) {
        await session.trainSteps(feeds, lrs);
        steps += k;
      }
      const cpu = process.cpuUsage(cpu0);
      return { wall: (steps * B) / ((performance.now() - start) / 1000), cpu: (steps * B) / ((cpu.user + cpu.system) / 1e6) };
    },
    close: () => session.close(),
  };
}

async function main() {
  const gated = ONLY === 'flagships' ? null : await gatedSection();
  let flagships = '';
  if (ONLY !== 'gated') {
    const peer = startPeer('torch_flagships.py');
    console.log(`\nflagships (bench/flagships.ts), ${THREADS} thread(s) each, samples/s of training; stats off = compiled with { stats: false }`);
    flagships = flagshipSummary(await runFlagships(peer, THREADS, SECONDS, Math.max(3, Math.ceil(REPEATS / 2)), process.env.BENCH_FLAGSHIPS));
    peer.close();
  }
  if (flagships) console.log(`\n${flagships}`);
  if (gated) gated.forEach((line) => console.log(line));
}

/** The gated model at B=256 and B=4096 and the GEMM peak; returns the two summary lines for the end. */
async function gatedSection(): Promise<string[]> {
  const modes = ['eager', 'foreach', 'jit'] as const;
  const compiled = compileTraining(gatedModel(SIZES), { dtype: 'float32', optimizer: { kind: 'adamw', weightDecay: 0.01 } });
  const params = compiled.initialParams(1) as Float32Array;
  const data = writeShared(params, compiled.layout);
  const peer = startPeer();
  const info = await peer.ask<{ torch: string; threads: number }>({ cmd: 'load', dir: TMP, threads: THREADS });
  const flops = gatedFlopsPerSample(SIZES);
  console.log(`gated model ${JSON.stringify(SIZES)}: ${compiled.layout.size.toLocaleString('en-US')} parameters, ${(flops / 1e3).toFixed(0)} kFLOP per sample per step; ` +
    `AdamW; ${THREADS} thread(s) each; torch ${info.torch}${avx512 ? ' (OPENBLAS_CORETYPE=SkylakeX)' : ''}; onnxruntime-node ${ort.env.versions.common}`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on 2 cores. Wall-clock ratios are only meaningful on an idle ` +
    'machine; samples per CPU-second (each process\'s own CPU time, all threads) are robust to other load and shown beside them.');
  const ratios: Record<number, number> = {};
  const cpuRatios: Record<number, number> = {};
  let gflops4096 = 0;
  let cpuGflops4096 = 0;
  for (const B of BATCHES) {
    const engine = await engineSide(B, params, data[B]);
    const torchLoss = await peer.ask<{ loss: number }>({ cmd: 'loss', batch: B });
    console.log(`\nB=${B}: same model and weights: initial loss engine ${engine.initialLoss.toFixed(6)} / pytorch ${torchLoss.loss.toFixed(6)}; engine K=${engine.k} steps per call`);
    await engine.measure(); // warm-up at full length
    for (const mode of modes) await peer.ask({ cmd: 'measure', batch: B, mode, seconds: 0.3 });
    const pairs: number[] = [], cpuPairs: number[] = [], ours: number[] = [], oursCpu: number[] = [], theirs: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const e = await engine.measure();
      const perMode: Record<string, { samplesPerSec: number; samplesPerCpuSec: number }> = {};
      for (const mode of modes) perMode[mode] = await peer.ask({ cmd: 'measure', batch: B, mode, seconds: SECONDS / 2 });
      const [bestMode, best] = Object.entries(perMode).sort((a, b) => b[1].samplesPerSec - a[1].samplesPerSec)[0];
      const bestCpu = Math.max(...modes.map((m) => perMode[m].samplesPerCpuSec));
      ours.push(e.wall); oursCpu.push(e.cpu); theirs.push(best.samplesPerSec); pairs.push(e.wall / best.samplesPerSec); cpuPairs.push(e.cpu / bestCpu);
      console.log(`  repeat ${r + 1}: engine ${fmt(e.wall)} samples/s | pytorch best ${fmt(best.samplesPerSec)} (${bestMode}; ` +
        `${modes.map((m) => `${m} ${fmt(perMode[m].samplesPerSec)}`).join(', ')}) | ratio ${(e.wall / best.samplesPerSec).toFixed(2)}x ` +
        `| per CPU-second: ${fmt(e.cpu)} vs ${fmt(bestCpu)}, ${(e.cpu / bestCpu).toFixed(2)}x`);
    }
    ratios[B] = median(pairs);
    cpuRatios[B] = median(cpuPairs);
    const gf = (median(ours) * flops) / 1e9;
    if (B === 4096) { gflops4096 = gf; cpuGflops4096 = (median(oursCpu) * flops) / 1e9; }
    console.log(`  median: engine ${fmt(median(ours))} samples/s (${gf.toFixed(1)} GFLOP/s), pytorch ${fmt(median(theirs))} samples/s ` +
      `(${((median(theirs) * flops) / 1e9).toFixed(1)} GFLOP/s), ratio ${ratios[B].toFixed(2)}x; per CPU-second ${median(cpuPairs).toFixed(2)}x`);
    await engine.close();
  }
  peer.close();
  const peak = await measureGemmPeak(THREADS);
  console.log(`\nGEMM peak (ORT MatMul ${peak.n}x${peak.n}, float32, ${THREADS} thread(s)): best call ${peak.gflops.toFixed(1)} GFLOP/s, ` +
    `${peak.gflopsPerCpuSec.toFixed(1)} GFLOP per CPU-second; engine at B=4096: ${gflops4096.toFixed(1)} GFLOP/s (${((100 * gflops4096) / peak.gflops).toFixed(0)}%), ` +
    `${cpuGflops4096.toFixed(1)} GFLOP per CPU-second (${((100 * cpuGflops4096) / peak.gflopsPerCpuSec).toFixed(0)}%)`);
  return [
    `per CPU-second: b256=${cpuRatios[256].toFixed(2)}x b4096=${cpuRatios[4096].toFixed(2)}x gemm_peak=${((100 * cpuGflops4096) / peak.gflopsPerCpuSec).toFixed(0)}%`,
    `engine vs pytorch: b256=${ratios[256].toFixed(2)}x b4096=${ratios[4096].toFixed(2)}x gemm_peak=${((100 * gflops4096) / peak.gflops).toFixed(0)}%`,
  ];
}

await main();
