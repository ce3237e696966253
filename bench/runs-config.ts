// The run `npm run bench:runs` measures (shared by the bench and its bare-loop child): the engine
// benchmark's gated model (32 inputs, 256 hidden, 4 experts x 64) on synthetic data, batch 256, K steps per call.
export const model = { template: 'demo-gated' as const, inputs: 32, hidden: 256, experts: 4, expertHidden: 64 };
export const runConfig = (epochs: number, K = 64) => ({
  model, epochs, batchSize: 256, stepsPerCall: K as number | undefined, data: { kind: 'synthetic' as const, samples: 65_536 }, earlyStopping: { patience: 0 },
});
export interface Measure { steps: number; wallMs: number; cpuMs: number; labCpuMs?: number }
