// Gate analytics as LabApi sees them: a run's stored knockout table, "knock out all gates" background
// jobs with progress (kept in the lab's database, so they survive a restart), the gate report's files and
// data, and the per-run figures Compare sets side by side. The tables are the lab core's (common/analytics).
import { z } from 'zod';
import { GateValueKind, KnockoutMode, KnockoutTable } from '../analytics/knockout';
import { GateReport } from '../analytics/report';
import { FlopsSummary } from '../analytics/compute';
import { KnockoutRowsRequest, KnockoutRowsResult } from '../analytics/knockout-rows';

/** The stored knockout table of a run; `table` is null until a knockout was computed. */
export const RunKnockouts = z.object({ id: z.string(), table: KnockoutTable.nullable() });
export type RunKnockouts = z.infer<typeof RunKnockouts>;

/**
 * Every knockout a run's gates allow, by the ids `gatelab knockout --gate --mode --expert` takes (the rule
 * the CLI checks and the analytics job follows), whether or not a knockout table was computed: Try it's
 * What if lists them. `none`: why the run has none (a baseline without gates, every gate switched off), in
 * the words `gatelab knockout` refuses it with; null when it has some.
 */
export const KnockoutChoice = z.object({ gate: z.string(), kind: GateValueKind, mode: KnockoutMode, expert: z.number().int().nonnegative().optional() });
export type KnockoutChoice = z.infer<typeof KnockoutChoice>;
export const RunKnockoutChoices = z.object({ id: z.string(), choices: z.array(KnockoutChoice), none: z.string().nullable() });
export type RunKnockoutChoices = z.infer<typeof RunKnockoutChoices>;

/** interrupted: the lab stopped (quit or crash) while the job was queued or running; run it again. */
export const AnalyticsJobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted']);
export type AnalyticsJobState = z.infer<typeof AnalyticsJobState>;
/** A background analytics job (e.g. "knock out all gates") with its progress. */
export const AnalyticsJobInfo = z.object({
  id: z.number().int(),
  runId: z.string(),
  kind: z.enum(['knockout', 'report']),
  state: AnalyticsJobState,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  label: z.string(),
  error: z.string().nullable(),
  /** ISO times (absent for jobs not yet recorded). */
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type AnalyticsJobInfo = z.infer<typeof AnalyticsJobInfo>;
export const AnalyticsJobs = z.object({ id: z.string(), jobs: z.array(AnalyticsJobInfo) });
export type AnalyticsJobs = z.infer<typeof AnalyticsJobs>;

/** The gate report's files, written in the run's folder; `csv` (per-feature importance) only for models with feature gates. */
export const GateReportPaths = z.object({ id: z.string(), html: z.string(), json: z.string(), csv: z.string().nullable() });
export type GateReportPaths = z.infer<typeof GateReportPaths>;

/** generate: write the report now when the run has none (runs the model on its test split; seconds). */
export const ReportDataRequest = z.object({ id: z.string().min(1), generate: z.boolean().optional() }).strict();
/** The gate report as data for the run page; null when none was written yet (and generate was not asked). */
export const GateReportData = z.object({
  id: z.string(),
  report: GateReport.nullable(),
  paths: GateReportPaths.nullable(),
});
export type GateReportData = z.infer<typeof GateReportData>;

export const AnalyticsCompareRequest = z.object({ ids: z.array(z.string().min(1)).min(1).max(64) }).strict();
/**
 * FLOPs per sample at inference: `measured` from the gate report's conditional-compute accounting;
 * `dense` when the report found no conditional compute (every sample costs the dense count);
 * `dense-unmeasured` when no gate report was written yet (the dense count, an upper bound).
 */
export const RunFlops = FlopsSummary.extend({ source: z.enum(['measured', 'dense', 'dense-unmeasured']) });
export type RunFlops = z.infer<typeof RunFlops>;
export const AnalyticsComparison = z.object({
  runs: z.array(z.object({
    id: z.string(),
    /** null: no knockout computed for this run yet. */
    knockout: KnockoutTable.nullable(),
    /** null: the model's FLOPs could not be counted (e.g. its config no longer builds). */
    flops: RunFlops.nullable(),
  })),
});
export type AnalyticsComparison = z.infer<typeof AnalyticsComparison>;

/**
 * Try it's "What if": one knockout of a run (as its knockout table names it) on test rows numbered as Try it
 * numbers them; each row as trained, with the knockout, and the gate's value on it (nothing is stored).
 */
export const KnockoutRowsPayload = KnockoutRowsRequest.extend({ id: z.string().min(1).max(200) }).strict();
export type KnockoutRowsPayload = z.infer<typeof KnockoutRowsPayload>;
/**
 * Under a label rule (`rating ≥ 4`) the row's `target` is its side of the rule (1 for '≥ 4'); `targetValue`
 * is the rule column's own value in the user's data (the rating, 5), when it was read; else the answer's
 * `targetValueProblem` says why (`gatelab knockout --rows --json` answers the same).
 */
export const RuleTargetFields = { targetValue: z.union([z.string(), z.number()]).optional() };
export const RunKnockoutRows = KnockoutRowsResult.extend({
  id: z.string(),
  rows: z.array(KnockoutRowsResult.shape.rows.element.extend(RuleTargetFields)),
  targetValueProblem: z.string().optional(),
});
export type RunKnockoutRows = z.infer<typeof RunKnockoutRows>;
