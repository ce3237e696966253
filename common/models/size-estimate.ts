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
