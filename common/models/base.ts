// What every template of a family shares: the shape of the data it is built for. The CLI and the UI fill
// these from the dataset (channels, field vocabularies, modality widths); the rest of a template's config
// is its hyperparameters and its gates.
import { z } from 'zod';

const width = (what: string) => z.number().int().positive().max(1 << 20).describe(what);
export const hiddenList = (def: number[], what = 'Hidden layer widths') =>
  z.array(z.number().int().positive().max(65536)).max(16).default(def).describe(what);

/** Forecasting: [B, lookback, channels] in, [B, horizon, channels] out. */
export const forecastingData = {
  // At most 4,096 steps: papers use up to 720–2,880, and DLinear's moving average is an L×L matrix (at
  // L = 30,000 it took the lab's memory while the form measured the model's size).
  lookback: z.number().int().positive().max(4096).describe('Input window length L (time steps, at most 4,096)').default(336),
  horizon: z.number().int().positive().max(4096).describe('Forecast length H (time steps, at most 4,096)').default(96),
  channels: width('Number of variables C (in and out)').default(7),
  revin: z.boolean().default(false).describe('Reversible instance normalisation: each window is normalised by its own mean/std, de-normalised at the output'),
};

/**
 * The most numeric inputs a CTR model takes (numeric columns, plus one per multi-hot token and one for its
 * unseen tokens). Not arbitrary: every input becomes an embedding vector beside the fields' (engine/models/
 * recsys/common.ts, [B, F + N, D]): a sample's width, and the first dense layer's weights, grow with N
 * (at 4,096 inputs of width 16 a sample is 65,536 values wide; a 256-wide first layer, 16.8M weights).
 * A binding over it is refused where the column behind it is known (usable-columns.ts
 * checkNumericInputs), so the message names that column, not the template's `numeric`.
 */
export const MAX_NUMERIC_INPUTS = 4096;

/** CTR: categorical fields int64 [B, F] (each a vocabulary incl. an OOV id), numeric float [B, N]; label in {0,1}. */
export const recsysData = {
  fields: z
    .array(z.number().int().min(2).max(1 << 24))
    .min(1)
    .max(256)
    .default([944, 1683, 8, 3, 22, 101])
    .describe('Vocabulary size of each categorical field (OOV id included); default: MovieLens-100k user, item, age bucket, gender, occupation, zip prefix'),
  numeric: z.number().int().min(0).max(MAX_NUMERIC_INPUTS).default(19).describe('Number of numeric (or multi-hot) features; default: the 19 MovieLens genres'),
  embeddingDim: width('Embedding width of each field').default(16),
};

export const Modality = z.object({
  name: z.string().min(1).describe('Modality name (a column group)'),
  dim: width('Feature width of this modality'),
});

/** Fusion: one float tensor [B, dim_m] per modality; target: binary (classes 1) or classes ≥ 2. */
export const fusionData = {
  modalities: z
    .array(Modality)
    .min(2)
    .max(16)
    .default([{ name: 'text', dim: 256 }, { name: 'tabular', dim: 32 }])
    .describe('The modalities (column groups) and their widths'),
  classes: z.number().int().min(1).max(10000).default(1).describe('1: binary target (sigmoid); ≥2: softmax over classes'),
  modalityDropout: z.number().min(0).lt(1).default(0).describe('Training only: probability of zeroing each modality per sample'),
  modalityNoise: z
    .number()
    .min(0)
    .lt(1)
    .default(0)
    .describe("Training only: probability of replacing each modality of a sample by another sample's (the label is kept), so the model learns to ignore a corrupted modality"),
};

export const Family = z.enum(['forecasting', 'recsys', 'fusion']);
export type Family = z.infer<typeof Family>;

/**
 * A template's gate field: absent → the template's default gate; a partial object (e.g. `{ enabled: false }`
 * from `--set model.gate.enabled=false`) → merged over that default when it names no other kind.
 */
export function gateField<S extends z.ZodType>(schema: S, defaults: { kind: string } & Record<string, unknown>) {
  return z.preprocess((v) => {
    if (v === undefined) return defaults;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (o.kind === undefined || o.kind === defaults.kind) return { ...defaults, ...o };
    }
    return v;
  }, schema);
}
