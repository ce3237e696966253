// The ONNX Runtime sessions of one run (train step, Loop-K, eval, ...), created together on one
// execution provider. Used inside a trainer process only: session creation and `run` block their
// thread (a K=64 call blocked 616 ms in the prototype), so they must never run on a UI/main thread.
//
// Provider choice: the caller lists providers in order of preference (['cuda', 'cpu']). Requesting CUDA
// on a machine without the CUDA provider libraries rejects in <50 ms ("Failed to load shared library");
// we then recreate every session on the CPU and keep the reason so the UI can tell the user why.
import * as ort from 'onnxruntime-node';

export type ExecutionProvider = 'cuda' | 'cpu';

export interface SessionRunnerOptions {
  /** In order of preference; the CPU is always tried last even when not listed. Default ['cpu']. */
  providers?: readonly ExecutionProvider[];
  /** Intra-op threads. 1 for small models: 2 threads never helped a whole training step (ARCHITECTURE §2.6). */
  intraOpThreads?: number;
}

/** Which provider the sessions run on, and why it is not the first one asked for (when it is not). */
export interface ProviderChoice {
  provider: ExecutionProvider;
  fallbackReason?: string;
}

export type Feeds = Record<string, ort.Tensor>;
export type Fetches = Record<string, ort.Tensor>;

/** A graph's bytes, by the name the caller will `run` it under (e.g. 'train', 'loop', 'eval'). */
export type Graphs = Record<string, Uint8Array>;

function sessionOptions(provider: ExecutionProvider, opts: SessionRunnerOptions): ort.InferenceSession.SessionOptions {
  // Keep ORT's memory arena and memory-pattern defaults: disabling them cost 22% per step.
  return {
    executionProviders: [provider],
    intraOpNumThreads: opts.intraOpThreads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
  };
}

async function createAll(graphs: Graphs, provider: ExecutionProvider, opts: SessionRunnerOptions) {
  const sessions = new Map<string, ort.InferenceSession>();
  try {
    for (const [name, bytes] of Object.entries(graphs)) {
      try {
        sessions.set(name, await ort.InferenceSession.create(bytes, sessionOptions(provider, opts)));
      } catch (e) {
        throw new Error(`could not create the '${name}' session on ${provider}: ${(e as Error).message}`);
      }
    }
    return sessions;
  } catch (e) {
    await Promise.all([...sessions.values()].map((s) => s.release().catch(() => undefined)));
    throw e;
  }
}

export class SessionRunner {
  private constructor(
    private readonly sessions: Map<string, ort.InferenceSession>,
    readonly choice: ProviderChoice,
  ) {}

  /** Creates one session per graph on the first provider that works (CPU as the last resort). */
  static async open(graphs: Graphs, opts: SessionRunnerOptions = {}): Promise<SessionRunner> {
    const wanted = [...(opts.providers ?? ['cpu'])];
    if (!wanted.includes('cpu')) wanted.push('cpu');
    // ORT prints its own error line when the CUDA library is missing; the user gets fallbackReason
    // instead. (The log level is process-wide and fixed at the first session: a trainer runs one run.)
    if (wanted[0] !== 'cpu') ort.env.logLevel = 'fatal';
    const failures: string[] = [];
    for (const provider of wanted) {
      try {
        const sessions = await createAll(graphs, provider, opts);
        const choice: ProviderChoice = { provider };
        if (failures.length) choice.fallbackReason = `${failures.join('; ')}; running on ${provider} instead`;
        return new SessionRunner(sessions, choice);
      } catch (e) {
        if (provider === 'cpu') throw e; // nothing left to fall back to: the graph itself is the problem
        failures.push(describeProviderFailure(provider, (e as Error).message));
      }
    }
    throw new Error('unreachable: the CPU provider is always tried');
  }

  get provider(): ExecutionProvider {
    return this.choice.provider;
  }

  get graphNames(): string[] {
    return [...this.sessions.keys()];
  }

  inputNames(graph: string): readonly string[] {
    return this.session(graph).inputNames;
  }

  outputNames(graph: string): readonly string[] {
    return this.session(graph).outputNames;
  }

  /** Runs one graph. Outputs are fresh JS buffers (the binding copies them): feed them straight back. */
  async run(graph: string, feeds: Feeds): Promise<Fetches> {
    const session = this.session(graph);
    try {
      return await session.run(feeds);
    } catch (e) {
      const shapes = Object.entries(feeds).map(([k, t]) => `${k}: ${t.type}[${t.dims.join(', ')}]`).join(', ');
      throw new Error(`running the '${graph}' graph on ${this.provider} failed: ${(e as Error).message} (feeds: ${shapes})`);
    }
  }

  async close(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => s.release()));
  }

  private session(graph: string): ort.InferenceSession {
    const s = this.sessions.get(graph);
    if (!s) throw new Error(`no '${graph}' graph in this run (it has: ${this.graphNames.join(', ') || 'none'})`);
    return s;
  }
}

/** A sentence for the user: what failed and what to do about it. */
function describeProviderFailure(provider: ExecutionProvider, message: string): string {
  if (provider === 'cuda' && /shared library|libcu|cudnn|CUDA/i.test(message)) {
    return `CUDA is not available (${message.trim()}); install the CUDA 12 + cuDNN 9 runtime libraries and onnxruntime-node's CUDA provider to train on the GPU`;
  }
  return `the ${provider} execution provider failed (${message.trim()})`;
}
