// A forecasting run reads rows in file order: its windows and its chronological split assume the rows are
// one series in time order. Three shapes of data break that without a sound: rows out of time order,
// several series stacked in one file (long format, a `series-id` column), and many rows sharing a time
// (stacked series without their id column, or a file appended twice). Until windows are built per series,
// such a run stops before training and says what to do, rather than mixing periods and series. A few
// repeated times (at most 1% of the rows: a clock change, a logger's double write) train as consecutive
// steps, and the run's data description says so.
import type { DatasetCacheMeta } from '../../common/dataset-cache';

export interface RoleOf { name: string; role: string }

/** Share of the rows that may repeat the time before them and still train (as consecutive steps). */
export const DUPLICATE_TIMES_ALLOWED = 0.01;

/** Throws when the rows cannot be one series in time order; returns notes for the run's data description. */
export function checkForecastingRows(meta: DatasetCacheMeta, columns: readonly RoleOf[]): string[] {
  // stacked series first: sorting such a file by time (what the order message says) would interleave them
  for (const c of columns.filter((x) => x.role === 'series-id')) {
    const info = meta.columns.find((x) => x.name === c.name);
    const s = info?.stats;
    const several = s && (s.cardinality !== null ? s.cardinality > 1 : s.min !== null && s.max !== null && s.min !== s.max);
    if (several) {
      throw new Error(`column '${c.name}' (role series-id) holds ${s.cardinality ?? 'several'} series stacked in one file: forecasting windows would run across them. Import one series per dataset (the rows of one '${c.name}'), or set '${c.name}' to ignore if the rows are one series`);
    }
  }
  const time = columns.find((c) => c.role === 'time')?.name;
  const issue = (kind: string) => (time ? meta.validation.issues.find((i) => i.kind === kind && i.column === time) : undefined);
  // long format (date, series, value) first: sorting it by time, what the order message says, would not help
  const long = time ? longFormat(meta, columns, time, issue('duplicate_time')?.count ?? 0) : null;
  if (long) throw new Error(long);
  const unsorted = issue('unsorted_time');
  if (unsorted) {
    const first = unsorted.examples[0];
    throw new Error(`the rows of '${time}' are not in time order${first ? ` (first at line ${first.line}: ${first.value})` : ''}: forecasting reads rows in file order, so its windows and split would mix periods. Sort the file by '${time}' and import it again`);
  }
  const repeated = issue('duplicate_time');
  if (!repeated || repeated.count === 0) return [];
  const first = repeated.examples[0];
  const where = first ? `first at line ${first.line}: ${first.value}` : '';
  const share = repeated.count / Math.max(1, meta.rows);
  const rows = `${repeated.count.toLocaleString('en-US')} row${repeated.count === 1 ? '' : 's'}`;
  const verb = repeated.count === 1 ? 'repeats' : 'repeat';
  if (share > DUPLICATE_TIMES_ALLOWED) {
    throw new Error(`${rows} of ${meta.rows.toLocaleString('en-US')} (${(share * 100).toFixed(1)}%) ${verb} the time of the row before in '${time}'${where ? ` (${where})` : ''}: ` +
      'several series stacked in one file? Set the column that tells them apart to role series-id (gatelab datasets roles ID <column>=series-id) and import one series per dataset, ' +
      `or de-duplicate the file (one row per time) and import it again. Forecasting reads rows in file order, and would take the repeats for consecutive steps`);
  }
  return [`${rows} ${verb} the time of the row before in '${time}'${where ? ` (${where})` : ''}; they train as consecutive steps`];
}

/**
 * The pivot advice for a long-format file: each time repeats k times and a categorical column has k values
 * (date, series, value: one row per time and series). Forecasting wants the wide layout, one column per
 * series, each a channel. Null when the repeats do not look like that.
 */
function longFormat(meta: DatasetCacheMeta, columns: readonly RoleOf[], time: string, repeats: number): string | null {
  if (repeats / Math.max(1, meta.rows) <= DUPLICATE_TIMES_ALLOWED) return null;
  const times = meta.rows - repeats;
  const perTime = Math.round(meta.rows / Math.max(1, times));
  const used = new Set(columns.filter((c) => c.role !== 'ignore').map((c) => c.name));
  const info = meta.columns.filter((c) => used.has(c.name) && c.name !== time);
  const series = info.find((c) => c.type === 'categorical' && c.stats.cardinality === perTime && perTime > 1);
  if (!series) return null;
  const values = info.filter((c) => c.type === 'int' || c.type === 'float').map((c) => `'${c.name}'`);
  const valuesArg = values.length === 1 ? `, values=${values[0]}` : values.length ? `, values=[${values.join(', ')}]` : '';
  return `each time in '${time}' appears ${perTime} times (${repeats.toLocaleString('en-US')} of ${meta.rows.toLocaleString('en-US')} rows repeat one), and '${series.name}' has ${perTime} values: ` +
    `the file looks like long format, one row per time and series. Forecasting wants one column per series (each becomes a channel): pivot it, ` +
    `e.g. with pandas \`df.pivot(index='${time}', columns='${series.name}'${valuesArg}).reset_index().to_csv('wide.csv', index=False)\`, and import that. ` +
    `Or forecast one series per dataset (the rows of one '${series.name}')`;
}
