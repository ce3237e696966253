// Element-wise kernels, ONNX Runtime vs PyTorch, one thread each: the floor under an in-graph optimizer.
// An AdamW update in ONNX is ~13 element-wise ops over every parameter (engine/train/optimizers.ts); how
// fast one such op runs decides what the update costs. Each case times a graph of R chained ops on N
// float32 values (per op: total / R, so session.run's fixed cost is spread out), and the same op in
// PyTorch out of place and, where torch has it, in place (what foreach AdamW uses).
// Usage: npm run bench:elementwise   (sizes: 32K values fit the core's L2 cache, 1M do not)
import { spawnSync } from 'node:child_process';
import * as ort from 'onnxruntime-node';
import * as b from '../engine/ops/builders';
import { emitModel } from '../engine/onnx/emit';
import type { Tensor } from '../engine/ir/tensor';
import { MALLOC_TUNING, rerunWithMallocTuning } from './with-malloc-tuning';

rerunWithMallocTuning();

const SIZES = [32_768, 1_048_576];
const CHAIN = 10;
const OPS: Record<string, (x: Tensor, y: Tensor) => Tensor> = {
  'mul by scalar': (x) => b.mul(x, b.scalar(0.999, 'float32')),
  'add tensors': (x, y) => b.add(x, y),
  'mul tensors': (x, y) => b.mul(x, y),
  'div tensors': (x, y) => b.div(x, y),
  sqrt: (x) => b.sqrt(x),
};

async function ortMicros(op: (x: Tensor, y: Tensor) => Tensor, n: number): Promise<number> {
  const x = b.input('x', 'float32', [n]);
  const y = b.input('y', 'float32', [n]);
  let z = x;
  for (let i = 0; i < CHAIN; i++) z = op(z, y);
  const session = await ort.InferenceSession.create(emitModel({ inputs: [x, y], outputs: { z } }), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const feeds = { x: new ort.Tensor('float32', new Float32Array(n).fill(1.5), [n]), y: new ort.Tensor('float32', new Float32Array(n).fill(1.0001), [n]) };
  const reps = Math.max(20, Math.round(2e7 / (n * CHAIN)));
  for (let i = 0; i < 5; i++) await session.run(feeds);
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) await session.run(feeds);
    times.push(((performance.now() - t0) / reps / CHAIN) * 1000);
  }
  await session.release();
  return Math.min(...times);
}

const TORCH = `
import json, sys, time, torch
torch.set_num_threads(1)
sizes = json.loads(sys.argv[1])
ops = {
  'mul by scalar': (lambda x, y: x.mul(0.999), lambda x, y: x.mul_(0.999)),
  'add tensors': (lambda x, y: x.add(y), lambda x, y: x.add_(y)),
  'mul tensors': (lambda x, y: x.mul(y), lambda x, y: x.mul_(y)),
  'div tensors': (lambda x, y: x.div(y), lambda x, y: x.div_(y)),
  'sqrt': (lambda x, y: x.sqrt(), lambda x, y: x.sqrt_()),
}
out = {}
for n in sizes:
  x = torch.full((n,), 1.5); y = torch.full((n,), 1.0001)
  for name, fs in ops.items():
    best = []
    for f in fs:
      reps = max(50, int(2e7 // n))
      for _ in range(10): f(x, y)
      t = min((lambda t0: (sum(f(x, y) is None for _ in range(reps)), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(3))
      best.append(t / reps * 1e6)
      x.fill_(1.5)
    out[f'{name}|{n}'] = best
print(json.dumps(out))
`;

function torchMicros(): Record<string, [number, number]> {
  const r = spawnSync('/usr/bin/python3', ['-c', TORCH, JSON.stringify(SIZES)], { encoding: 'utf8', env: { ...process.env, ...MALLOC_TUNING, OMP_NUM_THREADS: '1' } });
  if (r.status !== 0) throw new Error(`the PyTorch peer failed (is python3-torch installed for /usr/bin/python3?): ${r.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const torch = torchMicros();
console.log(`element-wise ops, float32, 1 thread; µs per op (ORT: best of 3 × a ${CHAIN}-op chain; torch: best of 3, out of place | in place)`);
console.log('op              values     ORT µs   torch µs (out | in place)   ORT speed vs torch (out | in)');
const ratios: number[] = [];
for (const n of SIZES) {
  for (const [name, op] of Object.entries(OPS)) {
    const ours = await ortMicros(op, n);
    const [out, inPlace] = torch[`${name}|${n}`];
    ratios.push(out / ours);
    console.log(`${name.padEnd(15)} ${String(n).padStart(9)} ${ours.toFixed(1).padStart(9)} ${out.toFixed(1).padStart(10)} | ${inPlace.toFixed(1).padEnd(14)} ${(out / ours).toFixed(2)}× | ${(inPlace / ours).toFixed(2)}×`);
  }
}
const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
console.log(`\nelementwise: ORT speed relative to torch out of place (geometric mean over ops and sizes) = ${geo.toFixed(2)}x`);
