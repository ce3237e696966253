// Will a model fit in this machine's memory to train? Asked before anything is compiled: when the lab
// creates a run (against the lab machine's memory) and again in the trainer (a backstop for runs created
// elsewhere or before this check). Without it a channel-mixing DLinear on 321 channels (1.9 billion
// parameters) grew its trainer to 22.8 GB and died with "Invalid typed array length".
//
// The floor is the parameters × 4: the weights, their gradients and Adam's two moments. A run holds more:
// a step's outputs are new copies of all three buffers, ONNX Runtime keeps its arena, evaluation and the
// checkpoints hold further copies. Measured on this machine: a 75.5-million-parameter float32 model (DLinear
// channel-mixing, 64 channels, lookback and horizon 96) peaked at 8.3 GB, ~110 bytes per parameter, i.e.
// ~27 copies of the float32 parameters. That measured factor is what the check compares with the memory.

/** Copies of the parameters a run holds at its peak (measured, see above). */
export const COPIES_AT_PEAK = 27;
/** Copies that exist in any case: weights, gradients, Adam's m and v. */
export const COPIES_AT_LEAST = 4;
/** Share of the machine's memory a run may plan to use (the system and other runs need the rest). */
export const MEMORY_SHARE = 0.75;

export interface TrainingMemory {
  params: number;
  /** Bytes of weights + gradients + Adam's two moments. */
  atLeast: number;
  /** Bytes a run is expected to peak at. */
  expected: number;
}

export function trainingMemory(params: number, dtype: 'float32' | 'float64' = 'float32'): TrainingMemory {
  const bytes = params * (dtype === 'float64' ? 8 : 4);
  return { params, atLeast: bytes * COPIES_AT_LEAST, expected: bytes * COPIES_AT_PEAK };
}

const gb = (bytes: number) => `${(bytes / 1e9).toLocaleString('en-US', { maximumFractionDigits: bytes < 1e10 ? 1 : 0 })} GB`;

/** What to change, in the words of the template's family and fields. */
function advice(model: Record<string, unknown>): string {
  const template = String(model.template);
  if ('lookback' in model && 'horizon' in model) {
    const ways = [];
    if (model.mode === 'channel-mixing') ways.push('channel-independent mode (--set mode=channel-independent: one map shared by every channel instead of one across all of them)');
    if (model.individual === true) ways.push('one map shared by the channels (--set individual=false)');
    ways.push(`a shorter lookback or horizon (now ${model.lookback} and ${model.horizon})`);
    if (typeof model.channels === 'number') ways.push(`fewer channels (now ${model.channels}; leave columns out with gatelab datasets roles ID <column>=ignore)`);
    return `Use ${ways.join(', or ')}`;
  }
  if ('fields' in model) return `Use smaller embeddings (--set embeddingDim=..., now ${model.embeddingDim}), smaller hidden layers, or smaller vocabularies (fields with fewer distinct values, or leave a field out with gatelab datasets roles ID <column>=ignore)`;
  if ('modalities' in model) {
    // both are fusion template fields (base.ts fusionData): --set takes them, the Models form shows them
    const n = (v: unknown) => (typeof v === 'number' ? `, now ${v.toLocaleString('en-US')}` : '');
    return `Use fewer text buckets (--set textBuckets=...)${n(model.textBuckets)} per text column, a lower cap on a categorical column's one-hot ` +
      `(--set maxCategories=...${n(model.maxCategories)}), smaller hidden layers, or fewer columns in a modality`;
  }
  return `Use a smaller configuration of ${template}`;
}

/**
 * Why a model of `params` parameters does not fit `machineBytes` of memory, or null when it fits.
 * `model` is the template config with its data-shaped fields (channels, fields, modalities) filled in.
 */
export function modelTooBig(model: Record<string, unknown>, params: number, dtype: 'float32' | 'float64', machineBytes: number): string | null {
  const m = trainingMemory(params, dtype);
  if (m.expected <= machineBytes * MEMORY_SHARE) return null;
  const what = 'lookback' in model ? `${model.template} (${model.mode ?? 'channel-independent'}, lookback ${model.lookback}, horizon ${model.horizon}, ${model.channels} channels)` : String(model.template);
  return `${what} has ${params.toLocaleString('en-US')} parameters: training needs ${gb(m.atLeast)} for the ${dtype} weights, their gradients and Adam's two moments alone ` +
    `(parameters × ${dtype === 'float64' ? 8 : 4} bytes × ${COPIES_AT_LEAST}) and peaks at ~${gb(m.expected)} (~${COPIES_AT_PEAK} copies of the weights, measured), ` +
    `more than ${Math.round(MEMORY_SHARE * 100)}% of this machine's ${gb(machineBytes)} of memory. ${advice(model)}.`;
}

// Activations. Besides its parameters a training step keeps the forward's intermediate tensors for the
// backward: engine/analytics/activations.ts counts their elements for one sample from the model's own
// graph, so the bytes grow with the batch size (and with the channels, for a channel-independent
// forecaster, which runs every channel's series as a sample of its own). A Loop call of K steps runs one
// step at a time, so K does not multiply them. The estimate once missed this: a channel-independent
// patch transformer on 321 channels (82,544 parameters, ~9 MB by the parameter count) grew its trainer
// to 20 GB in two minutes.
//
// ACTIVATION_COPIES is measured on this machine (2-core x86-64, onnxruntime-node CPU, float32): the peak
// RSS of `gatelab train ... --set maxSteps=3 --set stepsPerCall=1 --epochs 1` under /usr/bin/time -v, at
// two batch sizes on a 16-channel synthetic hourly CSV (1,600 rows, lookback 336, horizon 96); the RSS
// difference divided by the difference of (activation values per sample × 4 bytes × batch), so the fixed
// part (Node, ONNX Runtime, the data) cancels out:
//   (max RSS in kB, as time -v prints it; × 1024 bytes)
//   patch-transformer-gated  batch 8 → 32:  420,128 → 967,596 kB,  18.0 MB/sample estimated  → 1.30
//   tft-lite                 batch 8 → 32:  460,876 → 1,077,736 kB, 25.2 MB/sample           → 1.04
//   gla                      batch 8 → 64:  289,796 → 645,976 kB,    6.9 MB/sample           → 0.94
//   tsmixer-gated            batch 8 → 128: 277,188 → 674,608 kB,    1.4 MB/sample           → 2.4
// The factor is the largest of the models whose activations dominate (1.3): where the check matters (GBs
// of activations) those are the models; tsmixer's per-sample activations are so small that the batch's
// input windows and the backward's transient gradients weigh as much (~0.2 GB more at batch 128, far
// below any refusal). The 321-channel patch transformer above: ~46 GB of values at batch 128, × 1.3.
export const ACTIVATION_COPIES = 1.3;

/** What a run's model needs, from its one-sample graph (engine/analytics/memory-needs.ts). */
export interface MemoryNeeds {
  params: number;
  /** Elements of the forward's intermediate tensors for one sample. */
  activationsPerSample: number;
  /** The same model in channel-mixing mode, when it is a channel-independent forecaster (the other way to fit). */
  channelMixing?: { params: number; activationsPerSample: number };
}

/** Bytes for a message: MB below a gigabyte (a small model's parameters), GB above. */
const bytesText = (bytes: number) => (bytes < 1e9 ? `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en-US')} MB` : gb(bytes));

const bytesPer = (dtype: 'float32' | 'float64') => (dtype === 'float64' ? 8 : 4);

/** Bytes of activations a training step of `batchSize` samples peaks at (measured factor included). */
export function activationBytes(activationsPerSample: number, dtype: 'float32' | 'float64', batchSize: number): number {
  return activationsPerSample * bytesPer(dtype) * ACTIVATION_COPIES * batchSize;
}

/** The largest batch size whose parameters + activations fit in `budget` bytes (0: not even one sample). */
export function largestBatchThatFits(needs: Pick<MemoryNeeds, 'params' | 'activationsPerSample'>, dtype: 'float32' | 'float64', budget: number): number {
  const free = budget - trainingMemory(needs.params, dtype).expected;
  const perSample = activationBytes(needs.activationsPerSample, dtype, 1);
  if (free <= 0) return 0;
  return perSample > 0 ? Math.floor(free / perSample) : Number.MAX_SAFE_INTEGER;
}

/**
 * Why a run (its model at its batch size) does not fit `machineBytes` of memory, or null when it fits:
 * the parameters alone (modelTooBig), or the parameters plus the activations of a batch. The fix is
 * computed: the largest batch size that fits, and for a channel-independent forecaster whether
 * channel-mixing mode fits at the run's batch size.
 */
export function runTooBig(model: Record<string, unknown>, needs: MemoryNeeds, dtype: 'float32' | 'float64', batchSize: number, machineBytes: number): string | null {
  const paramsProblem = modelTooBig(model, needs.params, dtype, machineBytes);
  if (paramsProblem) return paramsProblem;
  const budget = machineBytes * MEMORY_SHARE;
  const weights = trainingMemory(needs.params, dtype).expected;
  const activations = activationBytes(needs.activationsPerSample, dtype, batchSize);
  if (weights + activations <= budget) return null;
  const channels = typeof model.channels === 'number' && 'lookback' in model ? ` × ${model.channels} channels` : ' samples';
  const what = 'lookback' in model ? `${model.template} (${model.mode ?? 'channel-independent'}, lookback ${model.lookback}, horizon ${model.horizon}, ${model.channels} channels)` : String(model.template);
  const fits = largestBatchThatFits(needs, dtype, budget);
  const fixes: string[] = [];
  if (fits >= 1) fixes.push(`--set batchSize=${fits} fits`);
  const mixing = needs.channelMixing;
  if (mixing && largestBatchThatFits(mixing, dtype, budget) >= batchSize) fixes.push('channel-mixing mode (--set mode=channel-mixing: each token holds every channel, so a batch is not multiplied by the channels)');
  const fix = fixes.length ? `${fixes.join(', or ')}. ` : `Even a batch of 1 needs ~${bytesText(weights + activationBytes(needs.activationsPerSample, dtype, 1))}. `;
  return `${what} does not fit in memory: training needs ~${bytesText(weights + activations)}: ~${bytesText(weights)} for its ${needs.params.toLocaleString('en-US')} parameters ` +
    `(~${COPIES_AT_PEAK} copies, measured) and ~${bytesText(activations)} for the activations of a batch of ${batchSize.toLocaleString('en-US')}${channels} (${needs.activationsPerSample.toLocaleString('en-US')} values per sample kept for the backward, ` +
    `× ${ACTIVATION_COPIES} at the peak, measured), more than ${Math.round(MEMORY_SHARE * 100)}% of this machine's ${gb(machineBytes)} of memory. ${fix}` +
    `${advice(model)}.`;
}
