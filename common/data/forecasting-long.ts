// A long-format file (one row per time and series: `date, store, sales`) is pivoted into the wide layout a
// forecaster reads: one row per time, one channel per series and value column, named `<series>/<column>`
// (just `<series>` with one value column). Times are the union of every series' times, in order; a time
// one series lacks is left missing, so the forecasting path fills it as it fills any missing value (the
// last value before it; a leading gap: the first value), and the data line counts those gaps.
//
// Refused, with what to do, where a pivot would make things up: a (time, series) pair that repeats (which
// row is the value?), and series whose time ranges barely overlap. The overlap rule: the times every
// series covers (from its first to its last row) must be at least half of all times (MIN_SHARED_TIMES);
// outside its own range a series is filled flat (its first value carried back, its last carried forward),
// so below that most of some channel would be invented. And, once the split is cut, a series with no row in
// one of its parts (checkSeriesParts): that part would hold only filled values for it. Too many channels for memory is the lab's
// activation-memory check (main/lab/runs/size-guard.ts), fed the pivot's channel count.
//
// Pure and shared: the trainer (workers/data/run-data.ts), the lab's checks before queueing
// (main/lab/runs/data-guard.ts) and everything that re-derives a run's data pivot the same way, so the
// channels come in one order everywhere.
import type { CachedColumn, DatasetCacheMeta } from '../dataset-cache';
import type { ColumnSource, DataColumn } from './columns';
import type { PartName } from './split-spec';
import { longLayout, wallTime, type LongLayout, type RoleOf } from './forecasting-rows';
import { pyString } from '../text/python-string';

/** The share of all times every series must cover (first to last row) for the pivot to go ahead. */
export const MIN_SHARED_TIMES = 0.5;
/** Cells (times × channels) past which the pivot is refused before allocating: 2^28 float64 values are 2 GiB. */
export const MAX_PIVOT_CELLS = 2 ** 28;

export interface LongPivot {
  layout: LongLayout;
  /** The wide rows: the time column (sorted, distinct) and one float column per channel. */
  source: ColumnSource & { meta: DatasetCacheMeta };
  /** Channel names in channel order: series in pandas' pivot order (text by code point, numbers by value), value columns in binding order within each. */
  channels: string[];
  /** The series' values in their order. */
  series: string[];
  /** The value columns that were pivoted. */
  values: string[];
  /** (time, series) pairs without a row, left missing for the forecasting path to fill. */
  gaps: number;
  /** Rows left out because their time or series is missing. */
  dropped: number;
  /** The data line's words: "long format: 12 series by 'store' pivoted into 12 channels (3 gaps filled with the series' value before)"; gaps before a late series' first row are counted apart (gapWords). */
  note: string;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 || word.endsWith('series') ? '' : 's'}`;

/** Python's string order (by code point): JS `sort()` compares UTF-16 units, which puts an emoji before 'ｚ' (U+FF5A). */
export function byCodePoint(a: string, b: string): number {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/**
 * The series' labels per row (null: missing) and their distinct values in the order pandas' `df.pivot`
 * puts its columns, so a user's own pivot lines up with the channels: text by code point ('s10' before
 * 's2', as Python sorts strings), numbers by value. Only rows with a time name a series (`timed`).
 */
function seriesLabels(column: DataColumn, rows: number, timed: (row: number) => boolean): { label: (row: number) => string | null; names: string[] } {
  const coded = !!column.dictionary;
  const label = coded
    ? (r: number) => { const v = column.values[r]; return v < 0 ? null : column.dictionary![v]; }
    : (r: number) => { const v = column.values[r]; return Number.isNaN(v) ? null : String(v); };
  const seen = new Set<string>();
  // a series only of rows without a time has no place in the pivot: those rows are left out, not a channel
  for (let r = 0; r < rows; r++) { if (!timed(r)) continue; const l = label(r); if (l !== null) seen.add(l); }
  const names = [...seen];
  return { label, names: coded ? names.sort(byCodePoint) : names.sort((a, b) => Number(a) - Number(b)) };
}

/** The channel count a pivot of this layout gives, from the cache's statistics alone (the size check before queueing). */
export function pivotChannelCount(meta: DatasetCacheMeta, layout: LongLayout, values: readonly string[]): number | null {
  const s = meta.columns.find((c) => c.name === layout.series)?.stats;
  return s?.cardinality != null ? s.cardinality * values.length : null;
}

/**
 * Pivots `data` (long format, `layout`) on the numeric columns `values` (the run's channels before the
 * pivot). Throws, naming the first offending pair or series, when a (time, series) pair repeats or the
 * series share too few times.
 */
export function pivotLong(data: ColumnSource & { meta: DatasetCacheMeta }, layout: LongLayout, values: readonly string[]): LongPivot {
  const { time, series } = layout;
  if (!values.length) throw new Error(`long format by '${series}': no numeric column to pivot into channels; check the column types (gatelab datasets show ID)`);
  const t = data.column(time).values;
  const { label, names } = seriesLabels(data.column(series), data.rows, (r) => !Number.isNaN(t[r]));
  const index = new Map(names.map((n, i) => [n, i]));
  // the union of times, in order
  const distinct = new Set<number>();
  for (let r = 0; r < data.rows; r++) if (!Number.isNaN(t[r])) distinct.add(t[r]);
  const times = Float64Array.from(distinct).sort();
  const at = new Map<number, number>();
  times.forEach((v, i) => at.set(v, i));
  const T = times.length, S = names.length, V = values.length;
  const channels = names.flatMap((n) => (V === 1 ? [n] : values.map((v) => `${n}/${v}`)));
  if (channels.includes(time)) throw new Error(`long format by '${series}': the channel '${time}' would be named like the time column; rename that series in the file and import it again`);
  if (T * channels.length > MAX_PIVOT_CELLS) {
    throw new Error(`long format by '${series}': pivoting ${plural(S, 'series')} × ${plural(V, 'value column')} over ${plural(T, 'time')} would hold ${(T * channels.length).toLocaleString('en-US')} values, ` +
      `more than ${MAX_PIVOT_CELLS.toLocaleString('en-US')}: forecast fewer series per dataset (filter the file by '${series}') or a shorter period`);
  }
  // each (time, series) cell's row; a second row for a cell is a duplicate
  const rowOf = new Int32Array(T * S).fill(-1);
  let dropped = 0, repeats = 0;
  let firstRepeat: { time: number; series: string; rows: [number, number] } | null = null;
  for (let r = 0; r < data.rows; r++) {
    const l = label(r);
    if (Number.isNaN(t[r]) || l === null) { dropped++; continue; }
    const cell = at.get(t[r])! * S + index.get(l)!;
    if (rowOf[cell] >= 0) {
      if (repeats++ === 0) firstRepeat = { time: t[r], series: l, rows: [rowOf[cell], r] };
      continue;
    }
    rowOf[cell] = r;
  }
  if (firstRepeat) {
    const [a, b] = firstRepeat.rows;
    throw new Error(`long format by '${series}': ${plural(repeats, 'row')} ${repeats === 1 ? 'repeats' : 'repeat'} a (time, series) pair, the first '${time}' = ${wallTime(firstRepeat.time)} with '${series}' = ${firstRepeat.series} ` +
      `(rows ${(a + 1).toLocaleString('en-US')} and ${(b + 1).toLocaleString('en-US')}): a pivot needs one row per time and series. ` +
      `De-duplicate the file or aggregate the repeats (e.g. pandas \`df.groupby(['${time}', '${series}'], as_index=False).mean()\`) and import it again`);
  }
  checkOverlap(rowOf, times, names, layout);
  const cols = channels.map(() => new Float64Array(T).fill(NaN));
  const raw = values.map((v) => data.column(v).values);
  let gaps = 0, leading = 0;
  const firstTime = new Int32Array(S).fill(-1); // each series' first time with a row of its own
  for (let i = 0; i < T; i++) {
    for (let s = 0; s < S; s++) {
      const r = rowOf[i * S + s];
      if (r < 0) { gaps++; if (firstTime[s] < 0) leading++; continue; }
      if (firstTime[s] < 0) firstTime[s] = i;
      for (let v = 0; v < V; v++) cols[s * V + v][i] = raw[v][r];
    }
  }
  const note = `long format: ${plural(S, 'series')} by '${series}' pivoted into ${plural(channels.length, 'channel')}` +
    (V > 1 ? ` named ${values.map((v) => `<series>/${v}`).join(', ')}` : '') +
    ` (${gapWords(gaps, leading, names, firstTime, times)})` +
    (dropped ? `; ${plural(dropped, 'row')} without a time or a '${series}' left out` : '');
  return { layout, source: wideSource(data.meta, time, times, channels, cols), channels, series: names, values: [...values], gaps, dropped, note };
}

/**
 * The data line's gap words. A gap inside a series takes the value before it, but the times before a late
 * series' first row have no value before: they take its first value, carried back flat, so they are counted
 * apart and the series that starts last is named (a meter installed in February is flat until then).
 */
function gapWords(gaps: number, leading: number, names: readonly string[], firstTime: Int32Array, times: Float64Array): string {
  if (!gaps) return 'no gaps';
  const inner = gaps - leading;
  if (!leading) return `${plural(gaps, 'gap')} filled with the series' value before`;
  let last = 0, late = 0;
  firstTime.forEach((f, s) => { if (f > 0) late++; if (f > firstTime[last]) last = s; });
  const when = wallTime(times[firstTime[last]]);
  const who = late === 1 ? `'${names[last]}' starts late, at ${when}` : `${late.toLocaleString('en-US')} series start late, the last '${names[last]}' at ${when}`;
  const before = `before a series' first row filled with its first value; ${who}`;
  return inner
    ? `${plural(gaps, 'gap')}: ${inner.toLocaleString('en-US')} filled with the series' value before, ${leading.toLocaleString('en-US')} ${before}`
    : `${plural(gaps, 'gap')}, all ${before}`;
}

/** Throws when the series share fewer than MIN_SHARED_TIMES of all times (module comment). */
function checkOverlap(rowOf: Int32Array, times: Float64Array, names: readonly string[], { time, series }: LongLayout): void {
  const T = times.length, S = names.length;
  const first = new Int32Array(S).fill(-1), last = new Int32Array(S).fill(-1);
  for (let i = 0; i < T; i++) for (let s = 0; s < S; s++) if (rowOf[i * S + s] >= 0) { if (first[s] < 0) first[s] = i; last[s] = i; }
  let late = 0, early = 0;
  for (let s = 1; s < S; s++) { if (first[s] > first[late]) late = s; if (last[s] < last[early]) early = s; }
  const shared = Math.max(0, last[early] - first[late] + 1);
  if (shared >= MIN_SHARED_TIMES * T) return;
  const pct = ((100 * shared) / Math.max(1, T)).toFixed(shared && shared < 0.01 * T ? 2 : 0);
  const how = shared === 0 ? `do not overlap at all: '${names[late]}' starts at ${wallTime(times[first[late]])}, after '${names[early]}' ends at ${wallTime(times[last[early]])}`
    : `share only ${shared.toLocaleString('en-US')} of ${T.toLocaleString('en-US')} times (${pct}%): '${names[late]}' starts at ${wallTime(times[first[late]])}, '${names[early]}' ends at ${wallTime(times[last[early]])}`;
  const keep = shared ? `keep the period they share (rows with '${time}' from ${wallTime(times[first[late]])} to ${wallTime(times[last[early]])}), or ` : '';
  throw new Error(`long format by '${series}': the ${plural(S, 'series')} ${how}. A pivot fills each series flat outside its own times, so most of some channels would be made up; ` +
    `a run pivots only when the times all series cover are at least ${MIN_SHARED_TIMES * 100}% of all times. To forecast them together, ${keep}leave out the series that start late or end early, and import the file again`);
}

/**
 * Throws when a series has no row of its own in a part of the split (`ranges`: the wide rows' chronological
 * parts). The forecasting path fills a series' missing times flat (the value before; a leading gap: the
 * first value), so such a part would hold only made-up values for that series: a validation or test part
 * scored on a constant carried forward, or a training part filled with a value from a later part (a leak).
 * Gaps inside a part stay filled as the pivot note counts them.
 */
export function checkSeriesParts(pivot: LongPivot, ranges: Record<PartName, [number, number]> | null): void {
  if (!ranges) return; // not chronological: the forecasting path refuses that with its own words
  const { time, series } = pivot.layout;
  const times = pivot.source.column(time).values;
  const V = pivot.values.length;
  for (const part of ['train', 'val', 'test'] as const) {
    const [s, e] = ranges[part];
    if (e <= s) continue; // an empty part: the window check names it
    for (let k = 0; k < pivot.series.length; k++) {
      const cols = pivot.channels.slice(k * V, (k + 1) * V).map((c) => pivot.source.column(c).values);
      let real = false;
      for (let i = s; i < e && !real; i++) real = cols.some((c) => Number.isFinite(c[i]));
      if (real) continue;
      const name = pivot.series[k];
      const span = `'${time}' ${wallTime(times[s])} to ${wallTime(times[e - 1])}`;
      const why = part === 'train'
        ? `its training times would be filled with a value from a later part (a leak into training)`
        : `the ${PART_WORDS[part]} scores would score its last value carried forward flat, a made-up constant`;
      throw new Error(`long format by '${series}': series '${name}' has no row in the ${PART_WORDS[part]} part (${span}): ${why}. ` +
        `Leave that series out (filter the file by '${series}'), or keep the period every series covers, and import the file again`);
    }
  }
}

const PART_WORDS: Record<PartName, string> = { train: 'training', val: 'validation', test: 'test' };

/** A ColumnSource (with meta) over the pivoted columns; the time column keeps its cache description. */
function wideSource(meta: DatasetCacheMeta, time: string, times: Float64Array, channels: string[], cols: Float64Array[]): ColumnSource & { meta: DatasetCacheMeta } {
  const timeInfo = meta.columns.find((c) => c.name === time)!;
  const columns = new Map<string, DataColumn>([[time, { values: times }], ...channels.map((c, i) => [c, { values: cols[i] }] as [string, DataColumn])]);
  const described: CachedColumn[] = [{ ...timeInfo, stats: { ...timeInfo.stats, count: times.length, missing: 0 } },
    ...channels.map((name, i) => ({ name, type: 'float' as const, dtype: 'float64' as const, dim: 1, file: '', stats: statsOf(cols[i]) }))];
  // the raw rows' order and repeats are the long file's, not the pivot's (sorted, one row per time); nor is
  // the importer's long-format reading: the pivot is no long file to pivot again
  const issues = meta.validation.issues.filter((i) => !(i.column === time && (i.kind === 'duplicate_time' || i.kind === 'unsorted_time')));
  return {
    meta: { ...meta, rows: times.length, columns: described, validation: { ...meta.validation, issues, longFormat: [] } },
    rows: times.length,
    column(name) {
      const c = columns.get(name);
      if (!c) throw new Error(`no column '${name}' in the pivoted data (columns: ${[...columns.keys()].slice(0, 12).join(', ')}${columns.size > 12 ? ', …' : ''})`);
      return c;
    },
  };
}

function statsOf(v: Float64Array): CachedColumn['stats'] {
  let count = 0, sum = 0, sq = 0, min = Infinity, max = -Infinity;
  for (const x of v) { if (!Number.isFinite(x)) continue; count++; sum += x; sq += x * x; if (x < min) min = x; if (x > max) max = x; }
  const mean = count ? sum / count : null;
  return { count, missing: v.length - count, min: count ? min : null, max: count ? max : null, mean, std: count ? Math.sqrt(Math.max(0, sq / count - mean! * mean!)) : null, cardinality: null, topValues: null, histogram: null };
}

/**
 * The pandas lines that pivot the long file as a run pivots it (`wide`: one row per time, in time order, one
 * column per series; `df` the file as read). The export's preprocessing recipe and `gatelab split` say the same.
 * The series are named as the lab names them (seriesLabels: JavaScript's String of a number). Not astype(str):
 * pandas reads a numeric series column with an empty cell as float, and str(1.0) is '1.0' where the lab's
 * channel is '1' (a KeyError on the channel names); whole numbers are written without '.0', text stays, and
 * a missing series stays missing (the lab leaves those rows out). No '; ' inside: callers split the lines on it.
 */
export function pandasPivot({ time, series }: { time: string; series: string }, values: readonly string[]): string {
  const v = values.length === 1 ? pyString(values[0]) : `[${values.map(pyString).join(', ')}]`;
  const label = `lambda s: s if isinstance(s, str) or s != s else str(int(s)) if float(s).is_integer() else str(s)`;
  return `df[${pyString(series)}] = df[${pyString(series)}].map(${label}); wide = df.pivot(index=${pyString(time)}, columns=${pyString(series)}, values=${v})`;
}

/**
 * The refusal of a split of file rows (a stored 'given' split, matched to the user's split files) for a
 * forecasting run on a long-format file: the run pivots the file into one row per time, so an assignment of
 * the file's rows has nothing to apply to. Says what works instead: a split by time over the pivot's times.
 */
export function rowSplitOnLongFormat(split: { id: number; name: string }, { time, series }: { time: string; series: string }, dataset: { id: number; name: string }): string {
  const arg = /^[\w.-]+$/.test(dataset.name) ? dataset.name : String(dataset.id);
  return `run config: data.splitId: split ${split.id} ('${split.name}') assigns the rows of the file (given split files), but dataset '${dataset.name}' is long format ` +
    `(one row per '${time}' and '${series}'), and a forecasting run pivots it into one row per '${time}' with every series at each time: ` +
    `a split of file rows cannot apply to the pivoted file, whose parts must be periods of time (so that no window crosses from train into test). ` +
    `Leave data.splitId out for the default (chronological 70/10/20 over its times), or make a split by time (gatelab datasets split ${arg} --kind chronological, or --kind ett) ` +
    `and name it with --set data.splitId=SPLIT`;
}

/**
 * A stored data line of a run whose trainer pivoted a long-format file (the note pivotLong writes). Only for
 * runs stored before their data summary kept `pivoted` (main/lab/runs/dataset-runs.ts pivotedWhenTrained):
 * the line is display text, and its words may change.
 */
export const LONG_FORMAT_LINE = /(^|; )long format: [\d,]+ series by '/;

/**
 * A forecasting run's data, pivoted when it is long format: the wide source and its channels (the binding's
 * numeric columns become `<series>/<column>` channels), or null for one series (use the data as it is).
 * The single entry point every path that re-derives a forecasting run's rows calls, so all see one order.
 *
 * `built`: the model config of a run that already has a model (resume, Try it, analytics, export, split).
 * Such a run is pivoted only if it was trained pivoted, which its model's channel count tells: runs trained
 * before long-format pivots, or on roles that have changed since (a role set to series-id later), were
 * trained on the file's rows, and pivoting them now would feed their model other inputs than it has weights
 * for. A model on the file's rows has at most the unpivoted channels (constant ones left out); a pivoted one
 * has more (several series per value column).
 */
export function forecastingPivot(data: ColumnSource & { meta: DatasetCacheMeta }, columns: readonly RoleOf[], channels: readonly string[],
  built?: { channels?: unknown; pivoted?: boolean }): LongPivot | null {
  const layout = longLayout(data.meta, columns);
  if (!layout) return null;
  // what its trainer did when it first started, where the lab knows it (the run's stored `pivoted`, or an older
  // run's data line): a pivoted model can have as few channels as the file's columns once constant series are
  // left out, so the count is a fallback for a run that never started
  if (built?.pivoted !== undefined) return built.pivoted ? pivotLong(data, layout, channels.filter((c) => c !== layout.series && c !== layout.time)) : null;
  if (built && typeof built.channels === 'number' && built.channels <= channels.length) return null;
  return pivotLong(data, layout, channels.filter((c) => c !== layout.series && c !== layout.time));
}
