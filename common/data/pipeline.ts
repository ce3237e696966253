// A feature pipeline: per-column transforms whose state is fitted on a split's training rows and saved
// with the split as JSON (it also travels into exported models' metadata, so inference preprocesses
// exactly as training did).
import { z } from 'zod';
import { rowsOf, type ColumnSource } from './columns';
import { fitZScore, fitMinMax, type ScalerState } from './scalers';
import { fitVocabulary, fitMultiHot, type VocabularyState, type MultiHotState } from './vocabulary';
import { hashedNgrams, WORD_RULES, type HashedNgramsState } from './text-hashing';
import { fitBuckets, type BucketState } from './bucketing';
import type { WindowState } from './windows';

export const PipelineStep = z.discriminatedUnion('transform', [
  z.object({
    transform: z.literal('zscore'),
    column: z.string(),
    /** A log before the z-score (log1p, or the signed log when training values include negatives): 'auto' when the training values are heavy-tailed (scalers.ts isHeavyTailed). */
    log: z.enum(['never', 'auto', 'always']).default('never'),
  }),
  z.object({ transform: z.literal('minmax'), column: z.string() }),
  z.object({ transform: z.literal('vocabulary'), column: z.string(), minCount: z.number().int().min(1).default(1), maxSize: z.number().int().positive().optional() }),
  z.object({
    transform: z.literal('multi-hot'),
    name: z.string(),
    /** One column of separated lists... */
    column: z.string().optional(),
    separator: z.string().min(1).default('|'),
    /** ...or several 0/1 indicator columns. */
    columns: z.array(z.string()).min(1).optional(),
    minCount: z.number().int().min(1).default(1),
  }).refine((s) => (s.column === undefined) !== (s.columns === undefined), { message: 'multi-hot takes either column (with a separator) or columns (0/1 indicators), not both' }),
  z.object({
    transform: z.literal('hashed-ngrams'),
    column: z.string(),
    unit: z.enum(['word', 'char']).default('word'),
    ngrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional(),
    buckets: z.number().int().min(2).max(1 << 24).default(1 << 16),
    lowercase: z.boolean().default(true),
    seed: z.number().int().default(0),
    /** The word rule (text-hashing.ts WORD_RULES); absent: 'letters-v1', as runs were built before it was recorded. */
    words: z.enum(WORD_RULES).optional(),
  }),
  z.object({ transform: z.literal('bucketize'), column: z.string(), buckets: z.number().int().min(2).default(10) }),
  z.object({ transform: z.literal('windows'), lookback: z.number().int().positive(), horizon: z.number().int().positive(), stride: z.number().int().positive().default(1) }),
]);
export type PipelineStep = z.infer<typeof PipelineStep>;

export const PipelineSpec = z.object({ steps: z.array(PipelineStep) });
export type PipelineSpec = z.infer<typeof PipelineSpec>;
export type PipelineSpecInput = z.input<typeof PipelineSpec>;

/** What one step learned: the step's target (column(s) or name) plus its JSON state. */
export type FittedStep =
  | { target: string; state: ScalerState | VocabularyState | HashedNgramsState | BucketState }
  | { target: string; columns: string[]; state: MultiHotState }
  | { target: 'windows'; state: WindowState };

export interface FittedPipeline {
  version: 1;
  /** Rows the state was fitted on (the split's training rows). */
  fittedOnRows: number;
  steps: FittedStep[];
}

/** Fits every step on the rows the assignment marks as training (TRAIN = 0). */
export function fitPipeline(specInput: PipelineSpecInput, data: ColumnSource, assignment: Uint8Array): FittedPipeline {
  const spec = PipelineSpec.parse(specInput);
  if (assignment.length !== data.rows) throw new Error(`The split has ${assignment.length} rows but the dataset has ${data.rows}; recompute the split`);
  const train = rowsOf(assignment);
  if (train.length === 0) throw new Error('The split has no training rows to fit the pipeline on');
  const steps = spec.steps.map((step): FittedStep => {
    switch (step.transform) {
      case 'zscore': return { target: step.column, state: fitZScore(data.column(step.column), train, step.column, step.log) };
      case 'minmax': return { target: step.column, state: fitMinMax(data.column(step.column), train, step.column) };
      case 'vocabulary': return { target: step.column, state: fitVocabulary(data.column(step.column), train, step) };
      case 'bucketize': return { target: step.column, state: fitBuckets(data.column(step.column), train, step.buckets, step.column) };
      case 'hashed-ngrams': {
        // Nothing to learn, but the column must be there (and text) now rather than fail in a trainer later.
        const c = data.column(step.column);
        if (!c.dictionary) throw new Error(`${step.column}: hashed n-grams need a text column`);
        return { target: step.column, state: hashedNgrams(step) };
      }
      case 'multi-hot': {
        const names = step.columns ?? [step.column!];
        const state = fitMultiHot(names.map((n) => data.column(n)), train, { separator: step.separator, columns: step.columns, minCount: step.minCount });
        return { target: step.name, columns: names, state };
      }
      case 'windows': return { target: 'windows', state: { kind: 'windows', lookback: step.lookback, horizon: step.horizon, stride: step.stride } };
    }
  });
  return { version: 1, fittedOnRows: train.length, steps };
}

/** The columns whose fitted z-score log-scales them first (log1p or the signed log), in pipeline order. */
export function logScaledColumns(fitted: FittedPipeline): string[] {
  return fitted.steps.filter((s) => s.state.kind === 'zscore' && s.state.log1p).map((s) => s.target);
}

/**
 * The data line's words for the log-scaled columns: "price (skewed), balance (skewed, signed log)". The
 * signed log (sign(x)·log1p(|x|), a column with negative training values) is named, since a reader
 * reimplementing the run would otherwise take log1p and read every negative value as 0.
 */
export function logScaledDescription(fitted: FittedPipeline): string {
  return fitted.steps.filter((s) => s.state.kind === 'zscore' && s.state.log1p)
    .map((s) => `${s.target} (skewed${s.state.kind === 'zscore' && s.state.signed ? ', signed log' : ''})`).join(', ');
}
