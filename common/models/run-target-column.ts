// "The run's target column" as the user's file names it, read one way by every reader: Try it's "Binary
// classification of clicked" (renderer/lib/try-target.ts), `gatelab knockout --rows`' heading
// (main/cli/knockout-rows-reading.ts), the label terms of an older run (renderer/lib/label-terms.ts).

/** What a run says about its data (RunDataSummary): its data line, and the trainer's label coding. */
export interface TargetSource {
  line?: string | null;
  label?: { column: string };
}

/** The data line's words for a regressed target (regression-target.ts describeRegression). */
const REGRESSING = /(?:^|; )regressing '(.+?)'(?: \(task=regression\))?: a number/;

/** The run's target column by its column snapshot (config.data.columns, role 'target'), or null. */
export function targetColumn(config: unknown): string | null {
  const columns = (config as { data?: { columns?: unknown } } | null | undefined)?.data?.columns;
  if (!Array.isArray(columns)) return null;
  const target = (columns as Array<{ name?: unknown; role?: unknown } | null>).find((c) => c?.role === 'target');
  return typeof target?.name === 'string' ? target.name : null;
}

/**
 * The run's target column: its column snapshot's target, else the trainer's label column, else (a
 * regression stored before the snapshot) its data line's; null when none says (a run on synthetic data).
 */
export function runTargetColumn(config: unknown, data?: TargetSource | null): string | null {
  return targetColumn(config) ?? data?.label?.column ?? REGRESSING.exec(data?.line ?? '')?.[1] ?? null;
}
