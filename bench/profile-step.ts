// Where a training step's time goes: runs the one-step graph of a flagship (or any template config)
// with ONNX Runtime's profiler and prints kernel time per op type and the slowest nodes.
// Usage: npm run bench:profile -- tsmixer|finalmlp|gmu|'{"template":...}' [batch] [steps]
//   (a template config must include its data-shaped fields, e.g. channels/lookback/horizon); STATS=0 compiles
//   without gate statistics; TOP=N prints the N slowest nodes. Times are per step, averaged over the steps.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { buildModel } from '../engine/models/index';
import { compileTraining } from '../engine/train/compile';
import { FLAGSHIPS, firstStep, flagshipBatches, type Flagship } from './flagships';
import { rerunWithMallocTuning } from './with-malloc-tuning';

rerunWithMallocTuning();

const [which = 'finalmlp', batchArg, stepsArg] = process.argv.slice(2);
const named = FLAGSHIPS.find((f) => f.name === which);
const flagship: Flagship = named ?? { name: 'tsmixer', model: JSON.parse(which), batch: Number(batchArg ?? 32), trainRows: 0, optimizer: { kind: 'adamw', weightDecay: 0 }, torch: {} };
const batch = Number(batchArg ?? flagship.batch);
const steps = Number(stepsArg ?? 20);
const def = buildModel(flagship.model as never);
const compiled = compileTraining(def, { dtype: 'float32', optimizer: flagship.optimizer, batchSize: batch, stats: process.env.STATS !== '0' });
const f = { ...flagship, batch };
// LOOP=K profiles the Loop-K graph the trainer runs (K steps per call; times are still per step)
const loopK = Number(process.env.LOOP ?? 0);
const one = loopK ? flagshipBatches(f, def, loopK) : firstStep(flagshipBatches(f, def, 1));
const session = await ort.InferenceSession.create(compiled.graph(loopK ? 'loop' : 'train'), { intraOpNumThreads: 1, interOpNumThreads: 1, enableProfiling: true, profileFilePrefix: join(tmpdir(), `gatelab-profile-${process.pid}`) });
const n = compiled.layout.size;
const feeds: Record<string, ort.Tensor> = {
  params: new ort.Tensor('float32', compiled.initialParams(1) as Float32Array, [n]),
  step: new ort.Tensor('float64', Float64Array.of(0), []),
  lr: loopK ? new ort.Tensor('float64', new Float64Array(loopK).fill(1e-4), [loopK]) : new ort.Tensor('float64', Float64Array.of(1e-4), []),
};
for (const s of compiled.stateNames) feeds[s] = new ort.Tensor('float32', new Float32Array(n), [n]);
for (const [name, t] of Object.entries(one)) feeds[name] = new ort.Tensor(t.data instanceof Float32Array ? 'float32' : t.data instanceof Float64Array ? 'float64' : 'int64', t.data, [...t.dims]);
for (let i = 0; i < 3; i++) await session.run(feeds);
const t0 = performance.now();
for (let i = 0; i < steps; i++) await session.run(feeds);
const perStep = (performance.now() - t0) / steps / Math.max(1, loopK);
session.endProfiling(); // writes <prefix>_<date>.json (the Node binding returns nothing)
const file = join(tmpdir(), readdirSync(tmpdir()).find((x) => x.startsWith(`gatelab-profile-${process.pid}`))!);
const events = JSON.parse(readFileSync(file, 'utf8')) as { cat: string; name: string; dur: number; args?: { op_name?: string } }[];
rmSync(file, { force: true });
const runs = (steps + 3) * Math.max(1, loopK);
const byOp = new Map<string, number>(), byNode = new Map<string, number>();
for (const e of events) {
  if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time')) continue;
  const op = e.args?.op_name ?? '?';
  byOp.set(op, (byOp.get(op) ?? 0) + e.dur / runs);
  const node = `${op} ${e.name.replace(/_kernel_time$/, '')}`;
  byNode.set(node, (byNode.get(node) ?? 0) + e.dur / runs);
}
const total = [...byOp.values()].reduce((a, b) => a + b, 0);
console.log(`${which.slice(0, 40)} batch ${batch}: ${n.toLocaleString()} params, ${perStep.toFixed(2)} ms per step (wall), kernels ${(total / 1000).toFixed(2)} ms`);
for (const [op, us] of [...byOp].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${op.padEnd(22)} ${(us / 1000).toFixed(3)} ms  ${(100 * us / total).toFixed(1)}%`);
console.log('slowest nodes:');
for (const [node, us] of [...byNode].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`  ${(us / 1000).toFixed(3)} ms  ${node}`);
