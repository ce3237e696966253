// A forecasting run reads rows in file order: its windows and its chronological split assume the rows are
// one series in time order. Two shapes of data break that without a sound: rows out of time order, and
// several series stacked in one file (long format, a `series-id` column). Until windows are built per
// series, such a run stops before training and says what to do, rather than mixing periods and series.
import type { DatasetCacheMeta } from '../../common/dataset-cache';

export interface RoleOf { name: string; role: string }

export function checkForecastingRows(meta: DatasetCacheMeta, columns: readonly RoleOf[]): void {
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
  const unsorted = time ? meta.validation.issues.find((i) => i.kind === 'unsorted_time' && i.column === time) : undefined;
  if (unsorted) {
    const first = unsorted.examples[0];
    throw new Error(`the rows of '${time}' are not in time order${first ? ` (first at line ${first.line}: ${first.value})` : ''}: forecasting reads rows in file order, so its windows and split would mix periods. Sort the file by '${time}' and import it again`);
  }
}
