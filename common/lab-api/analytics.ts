// Gate analytics as LabApi sees them: a run's stored knockout table, "knock out all gates" background
// jobs with progress, and the gate report's files. The tables are the lab core's (common/analytics).
import { z } from 'zod';
import { KnockoutTable } from '../analytics/knockout';

/** The stored knockout table of a run; `table` is null until a knockout was computed. */
export const RunKnockouts = z.object({ id: z.string(), table: KnockoutTable.nullable() });
export type RunKnockouts = z.infer<typeof RunKnockouts>;

export const AnalyticsJobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
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
});
export type AnalyticsJobInfo = z.infer<typeof AnalyticsJobInfo>;
export const AnalyticsJobs = z.object({ id: z.string(), jobs: z.array(AnalyticsJobInfo) });
export type AnalyticsJobs = z.infer<typeof AnalyticsJobs>;

/** The gate report's files, written in the run's folder. */
export const GateReportPaths = z.object({ id: z.string(), html: z.string(), json: z.string(), csv: z.string() });
export type GateReportPaths = z.infer<typeof GateReportPaths>;
