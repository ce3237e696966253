// What every template of a family shares: the shape of the data it is built for. The CLI and the UI fill
// these from the dataset (channels, field vocabularies, modality widths); the rest of a template's config
// is its hyperparameters and its gates.
import { z } from 'zod';
import { WORD_RULES } from '../data/text-hashing';

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

/**
 * Hashed n-gram buckets per fusion text column, by default. Never change it: fusion runs created before
 * `textBuckets` was a template field were built with 4,096 and their stored configs do not say so, so this
 * value is how they re-derive their inputs (resume, export, analytics). New runs store the value they use
 * (main/lab/runs/dataset-defaults.ts); a different default belongs in a new field or template, not here.
 */
export const TEXT_BUCKETS = 4096;
/**
 * The widest one-hot a fusion categorical column gets, by default: its 1,000 most frequent values in the
 * training rows, the rest (and unseen values) one "other" column. A one-hot is a dense input: a user_id with
 * 65,949 values made a 54,730-wide input and a 9.5-minute epoch where CTR's embedding took seconds. The cap
 * keeps the frequent values exact rather than hashing them (a hashed one-hot mixes a frequent value with
 * rare ones in its bucket, and no export or Try-it row could say which value a column stands for); values
 * past the 1,000th are rare enough that their own weight would barely train. 1,000 + 1 inputs are a quarter
 * of one text column's 4,096 buckets. Never change it: fusion runs created before `maxCategories` was a
 * template field were built with this cap and their stored configs do not say so, so this value is how they
 * re-derive their inputs (resume, export, analytics). New runs store the cap they use
 * (main/lab/runs/dataset-defaults.ts).
 */
export const MAX_CATEGORIES = 1000;

/** Fusion: one float tensor [B, dim_m] per modality; target: binary (classes 1) or classes ≥ 2. */
export const fusionData = {
  modalities: z
    .array(Modality)
    .min(2)
    .max(16)
    .default([{ name: 'text', dim: 256 }, { name: 'tabular', dim: 32 }])
    .describe('The modalities (column groups) and their widths'),
  classes: z.number().int().min(1).max(10000).default(1).describe('1: binary target (one logit, sigmoid); k ≥ 3: softmax over k classes'),
  // How the dataset's columns are encoded (common/models/binding.ts pipelineFor reads them through
  // model-columns.ts); template fields so that `--set textBuckets=8192` is accepted, listed by `gatelab
  // templates` and stored with the run that used them.
  textBuckets: z.number().int().min(16).max(1 << 20).default(TEXT_BUCKETS)
    .describe('Text buckets: each text column is hashed into this many counts of its words and adjacent word pairs (word 1- and 2-grams; its width in the modality)'),
  maxCategories: z.number().int().min(1).max(1 << 20).default(MAX_CATEGORIES)
    .describe('Category cap: a categorical column is one-hot over its most frequent values in the training rows, at most this many, plus one "other" for the rest'),
  // No default here: a stored run without it trained with 'letters-v1', and new runs get today's rule written
  // down by main/lab/runs/dataset-defaults.ts (a default would re-read old runs' text with a rule they never saw).
  textWords: z.enum(WORD_RULES).optional()
    .describe("Word rule of text columns: 'unicode-v2' (new runs: NFC, emoji, symbols and punctuation runs, combining marks inside words) or 'letters-v1' (letters and digits only, as runs made before the rule was recorded)"),
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
