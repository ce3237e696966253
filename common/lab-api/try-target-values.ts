// Try it's answer (runs.try) with what the rows' target stands for under a label rule: the rule column's
// value of each row in the user's data (the rating 5 behind `rating ≥ 4`), as What if's answer
// (analytics.knockoutRows) and `gatelab knockout --rows` give it. Kept beside TryResult, not in it, so the
// predictor's own answer (workers/predict.ts) stays what the worker sends.
import { z } from 'zod';
import { TryResult } from './runs';
import { RuleTargetFields } from './analytics';

export const TryResultWithTargetValues = TryResult.extend({
  rows: z.array(TryResult.shape.rows.element.extend(RuleTargetFields)),
  /** Why the rows' rule values could not be read (their target is then their side of the rule alone). */
  targetValueProblem: z.string().optional(),
});
export type TryResultWithTargetValues = z.infer<typeof TryResultWithTargetValues>;
