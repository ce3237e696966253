// The physical limit the engine is judged by: the GFLOP/s of a large float32 matrix multiply in ONNX
// Runtime on this machine, with the same thread count, measured in the same run as the benchmark.
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

function matmulModel(n: number): Uint8Array {
  const vi = (name: string) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: n }, { dimValue: n }] } } } });
  return onnx.ModelProto.encode(onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: { name: 'gemm-peak', node: [{ opType: 'MatMul', input: ['a', 'b'], output: ['c'] }], input: [vi('a'), vi('b')], output: [vi('c')] },
  })).finish();
}

/** Best single-call GFLOP/s (wall clock) and GFLOP per CPU-second over the whole measurement. */
export async function measureGemmPeak(threads: number, n = 1024, seconds = 2): Promise<{ n: number; gflops: number; gflopsPerCpuSec: number }> {
  const session = await ort.InferenceSession.create(matmulModel(n), { intraOpNumThreads: threads, interOpNumThreads: 1 });
  const a = new ort.Tensor('float32', Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5), [n, n]);
  const b = new ort.Tensor('float32', Float32Array.from({ length: n * n }, (_, i) => ((i * 104729) % 1000) / 1000 - 0.5), [n, n]);
  await session.run({ a, b });
  let best = Infinity;
  let runs = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < seconds * 1000) {
    const t0 = performance.now();
    await session.run({ a, b });
    best = Math.min(best, performance.now() - t0);
    runs++;
  }
  const cpu = process.cpuUsage(cpu0);
  await session.release();
  const flop = 2 * n ** 3;
  return { n, gflops: flop / (best / 1000) / 1e9, gflopsPerCpuSec: (runs * flop) / ((cpu.user + cpu.system) / 1e6) / 1e9 };
}
