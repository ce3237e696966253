// One knockout, one row at a time: what forcing a gate does to the prediction of test rows the user picks
// (`gatelab knockout RUN --gate G --mode M --rows 0-9,42`, the app's Try it "What if"). The rows are
// numbered as Try it numbers them (test rows, or a forecasting run's test windows, from 0 within the test
// split); each comes back as trained, under the knockout, and with the gate's own value on that row.
import { z } from 'zod';
import { GateValueKind, KnockoutMode } from './knockout';
import { MAX_ROWS } from '../text/row-ranges';
import { meanSquaredError, sigmoid, topClass } from './output-math';

/** One knockout (as `gatelab knockout` takes it) and the test rows to evaluate with and without it. */
export const KnockoutRowsRequest = z.object({
  gate: z.string().min(1),
  mode: KnockoutMode,
  expert: z.number().int().min(0).optional(),
  rows: z.array(z.number().int().nonnegative()).min(1).max(MAX_ROWS), // Try it's own limit
}).strict();
export type KnockoutRowsRequest = z.infer<typeof KnockoutRowsRequest>;

export const KnockoutRowsResult = z.object({
  runId: z.number().int(),
  knockout: z.object({ gate: z.string(), kind: GateValueKind, mode: KnockoutMode, expert: z.number().int().optional() }),
  /** The task of the prediction shown: the one the gate serves (MMoE's rating gate: the rating tower). */
  task: z.enum(['binary', 'multiclass', 'regression']),
  /** A forecasting run: its rows are test windows, its predictions horizon × channels (normalized as in training). */
  forecast: z.boolean(),
  /** The model output shown and the test column it is compared with. */
  prediction: z.string(),
  target: z.string(),
  testRows: z.number().int().nonnegative(),
  rows: z.array(z.object({
    row: z.number().int(),
    trained: z.array(z.number()),
    knockedOut: z.array(z.number()),
    target: z.array(z.number()),
    /**
     * The gate's value on this row as trained: a gate's (or exit's) mean openness over its units, one number
     * (a GMU's z: the weight of its first modality); a router's weight per expert, a selection's per
     * variable, each averaged over the row's tokens or steps.
     */
    gate: z.array(z.number()),
  })),
});
export type KnockoutRowsResult = z.infer<typeof KnockoutRowsResult>;

/**
 * A row's prediction in the task's terms, as Try it shows it: a binary model's probability σ(logit), a
 * multi-class model's top class (with its softmax probability), a regression's value in the target's units,
 * a forecast's MSE over every channel and step against its target (values normalized as in training).
 * The class is its id (0..k-1): readers name it by the run's classes (class-names.ts className).
 */
export type RowTerms =
  | { kind: 'probability'; value: number }
  | { kind: 'class'; value: number; probability: number }
  | { kind: 'value'; value: number }
  | { kind: 'mse'; value: number };

export function rowTerms(r: Pick<KnockoutRowsResult, 'task' | 'forecast'>, prediction: readonly number[], target: readonly number[]): RowTerms {
  if (r.task === 'binary' || (r.task === 'multiclass' && prediction.length === 1)) return { kind: 'probability', value: sigmoid(prediction[0]) };
  if (r.task === 'multiclass') {
    const top = topClass(prediction);
    return { kind: 'class', value: top.id, probability: top.probability };
  }
  // a target of another length has no error to say (NaN, shown as such), as before the rule was shared
  if (r.forecast || prediction.length > 1) return { kind: 'mse', value: meanSquaredError(prediction, target) ?? NaN };
  return { kind: 'value', value: prediction[0] };
}
