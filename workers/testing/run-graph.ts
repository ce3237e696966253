// Test helper: run an emitted ONNX model in onnxruntime-node (CPU, one thread) and get plain typed
// arrays back. Engine tests import it (the engine itself never runs graphs).
import * as ort from 'onnxruntime-node';

export type Feed = Float32Array | Float64Array | BigInt64Array | Uint8Array;
export interface Value {
  data: Feed;
  dims: readonly number[];
}

const ORT_TYPE = (a: Feed): 'float32' | 'float64' | 'int64' | 'bool' =>
  a instanceof Float32Array ? 'float32' : a instanceof Float64Array ? 'float64' : a instanceof BigInt64Array ? 'int64' : 'bool';

/** A loaded model that can be run many times (session creation is the slow part). */
export class GraphRunner {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(model: Uint8Array): Promise<GraphRunner> {
    const session = await ort.InferenceSession.create(model, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
    return new GraphRunner(session);
  }

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  async run(feeds: Record<string, Value>): Promise<Record<string, Value>> {
    const ortFeeds: Record<string, ort.Tensor> = {};
    for (const [name, v] of Object.entries(feeds)) ortFeeds[name] = new ort.Tensor(ORT_TYPE(v.data), v.data, [...v.dims]);
    const out = await this.session.run(ortFeeds);
    const result: Record<string, Value> = {};
    for (const [name, t] of Object.entries(out)) result[name] = { data: t.data as Feed, dims: t.dims };
    return result;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/** Load, run once, release. */
export async function runGraph(model: Uint8Array, feeds: Record<string, Value>): Promise<Record<string, Value>> {
  const runner = await GraphRunner.load(model);
  try {
    return await runner.run(feeds);
  } finally {
    await runner.release();
  }
}
