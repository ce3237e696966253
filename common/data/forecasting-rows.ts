// A forecasting run reads rows in file order: its windows and its chronological split assume the rows are
// one series in time order. Several series stacked in one file (long format: a `series-id` column, or the
// importer's long-format reading, recorded in the import's report: ./long-format-reading.ts) are pivoted into
// one channel per series first (./forecasting-long.ts); longLayout says when. Two other shapes break that
// order without a sound: rows out of time order, and many rows sharing a time (stacked series without their
// id column, or a file appended twice). Such a run is refused with what to do, rather than mixing periods and
// series. A few repeated times (at most 1% of the rows: a logger's double write) train as consecutive steps,
// and the run's data line says so.
//
// Local time is not an error: where clocks go back an hour in autumn, a meter's export repeats 02:00-02:59
// (15-minute rows: 02:45 then 02:00 again). Sorting would interleave the two hours; file order is the true
// order, so such a step back trains as consecutive steps and the data line names it. The spring change
// (01:45 then 03:00) skips an hour that never existed: it is no gap when the shared rule of
// ./spring-clock-change.ts (a region's change date and hour) says so, as the importer counts it; its autumn
// counterpart (./autumn-clock-change.ts) accepts a repeated hour with rows missing, as a gap.
//
// Pure, so the lab runs the same checks before it queues a run (main/lab/runs/data-guard.ts) and the
// trainer before it builds windows (workers/data/run-data.ts): a refusal reads the same and leaves no failed run.
import type { DatasetCacheMeta, IssueExample } from '../dataset-cache';
import { recordedLongFormat, type LongFormatReading } from './long-format-reading';
import { CLOCK_CHANGE_MIN_DAYS, SpringChanges, timesWrittenInUtc } from './spring-clock-change';
import { RepeatedHourRuns, autumnStep, clockWentBack } from './autumn-clock-change';
import { dateHourAdvice, hourColumnBesideDate } from './date-hour-columns';
// whether the split has room for its windows (its own file); callers import it from here, as before the split
export { checkForecastingWindows, fewWindowsWarning, MIN_STEPS_PER_EPOCH, MIN_VALIDATION_WINDOWS, NOT_CHRONOLOGICAL, windowMisfit, type StepUnit } from './forecasting-window-fit';

export interface RoleOf { name: string; role: string }

/** Share of the rows that may repeat the time before them and still train (as consecutive steps). */
export const DUPLICATE_TIMES_ALLOWED = 0.01;

const HOUR = 3600;
const DAY = 86400;
/** Months (1-12) in which some country's clocks go back (Feb: Brazil until 2019; Sep: Iran until 2022). */
const BACK_MONTHS = new Set([2, 3, 4, 9, 10, 11]);

/** How a time column runs in file order, clock changes recognised. */
export interface TimeOrder {
  /** The most common step between increasing times (among the first 10,000), in seconds; NaN when none. */
  step: number;
  /** Rows where the clock went back one hour (daylight saving time ended): the repeated hour starts here, in file order. */
  back: number[];
  /**
   * For each of `back`, the time that really passed over the step back: the usual step, or more where rows
   * of the repeated hour are missing (02:30 then 02:00 in 15-minute rows: 30 minutes, one row missing).
   */
  backStep: number[];
  /** Rows after a step one hour longer than usual at a spring clock change (daylight saving time began): no row is missing. */
  forward: number[];
  /** For each of `forward`, the change it is in words ("the EU change, last Sunday of March at 01:00 UTC"). */
  forwardRule: string[];
  /** The first row whose time is earlier than the row before without being a clock change, or -1. */
  outOfOrder: number;
  /** Rows repeating the time of the row before (a clock change's repeat aside), and the first of them (-1: none). */
  repeats: number;
  firstRepeat: number;
}

/** The most common positive step between consecutive times (missing times skipped), among the first 10,000; NaN when none. */
export function usualStep(t: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  let prev = NaN, seen = 0;
  for (let i = 0; i < t.length && seen < 10_000; i++) {
    const v = t[i];
    if (Number.isNaN(v)) continue;
    if (v > prev) { counts.set(v - prev, (counts.get(v - prev) ?? 0) + 1); seen++; }
    prev = v;
  }
  let step = NaN, best = 0;
  for (const [s, n] of counts) if (n > best || (n === best && s < step)) { best = n; step = s; }
  return step;
}

const hourOf = (t: number) => Math.floor((((t % DAY) + DAY) % DAY) / HOUR);
const monthOf = (t: number) => new Date(t * 1000).getUTCMonth() + 1;
/** Clocks change around midnight or in the small hours of local time (Chile and Egypt at 24:00, most at 01:00-03:00). */
const atNight = (t: number) => { const h = hourOf(t); return h >= 23 || h <= 3; };
/**
 * Whether a night (23:00-03:59 of wall-clock time `t`) is one some country's clocks go back in: the night
 * into a Sunday (most: Chile and Brazil at Saturday 24:00, Cuba, Paraguay, Australia and New Zealand before
 * 2008), into a Friday or a Saturday (Egypt, Jordan, Syria, Palestine, Israel before 2013), or Iran's fixed
 * date (21-22 September until 2022, any weekday). A repeated hour on any other night (a Tuesday in
 * October) is a duplicate, not a clock change: hourly rows show no more than the repeated time itself.
 */
const changeNight = (t: number) => {
  // the night belongs to the day it runs into: 23:00 counts with the next day
  const day = new Date((t + HOUR) * 1000);
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 5 || weekday === 6) return true;
  return day.getUTCMonth() === 8 && day.getUTCFullYear() <= 2022 && (day.getUTCDate() === 22 || day.getUTCDate() === 23);
};

/**
 * The order of a time column (epoch seconds of its wall-clock times, as the importer stores them): the usual
 * step, the clock changes, the first row truly out of order, and repeated times. A step back is a clock
 * change when it is a region's autumn change by ./autumn-clock-change.ts (its date and repeated hour, rows
 * of that hour missing or not, as long as the rows around it show the hour repeating: clockWentBack; never for `writtenInUtc` times), or when the clock goes back exactly one
 * hour on a night clocks go back in (a month and weekday some country changes on: changeNight) and the hour
 * before it (with the step into it) and the hour after it run at the usual step (a whole hour repeated);
 * either way the row before came forward (not a time written three times) and the last change was most of a
 * year before. A repeated hourly time on any other night is a repeat. Anything else going
 * back in time is out of order. A step forward one hour longer than usual is a spring change when
 * ./spring-clock-change.ts says so (a region's date and hour; never for `writtenInUtc` times, read with 'Z'
 * or an offset); any other is a gap.
 */
export function timeOrder(t: ArrayLike<number>, options: { writtenInUtc?: boolean } = {}): TimeOrder {
  const step = usualStep(t);
  const rows: number[] = [];
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(t[i])) rows.push(i);
  const out: TimeOrder = { step, back: [], backStep: [], forward: [], forwardRule: [], outOfOrder: -1, repeats: 0, firstRepeat: -1 };
  const springs = new SpringChanges(options.writtenInUtc);
  // only sub-hourly or hourly steps that divide the hour repeat a whole hour of rows
  const hourly = step > 0 && step <= HOUR && HOUR % step === 0;
  const perHour = hourly ? HOUR / step : 0;
  const regular = (from: number, to: number) => {
    for (let k = Math.max(1, from); k <= Math.min(rows.length - 1, to); k++) if (t[rows[k]] - t[rows[k - 1]] !== step) return false;
    return true;
  };
  // the steps back a region's change explains, the rows around them saying the hour really repeats (the rule the importer's step count uses too)
  const changes = new Set<number>();
  if (hourly && !options.writtenInUtc) {
    const runs = new RepeatedHourRuns();
    const take = (b: ReturnType<RepeatedHourRuns['end']>) => { if (b && clockWentBack(b, step)) changes.add(b.id); };
    for (const i of rows) take(runs.push(t[i], i));
    take(runs.end());
  }
  let lastBack = -Infinity;
  for (let k = 1; k < rows.length; k++) {
    const a = t[rows[k - 1]], b = t[rows[k]];
    const d = b - a;
    if (d > 0) {
      const spring = d === step + HOUR ? springs.take(a, b, step) : null;
      if (spring) {
        out.forward.push(rows[k]);
        out.forwardRule.push(spring);
      }
      continue;
    }
    // a region's change date and hour (./autumn-clock-change.ts), rows of the repeated hour missing or not;
    // elsewhere, the whole hour repeated at the usual step, with the usual step into it, on a night clocks
    // go back in. Either way the row before the step back was reached going forward: a time written three
    // times (an event log) repeats the row, the clock went back once at most
    const spaced = b - lastBack >= CLOCK_CHANGE_MIN_DAYS * DAY;
    const cameForward = k < 2 || a > t[rows[k - 2]];
    const clockBack = spaced && cameForward && (changes.has(rows[k])
      || (hourly && a + step - b === HOUR && atNight(b) && BACK_MONTHS.has(monthOf(b)) && changeNight(b) && regular(k - perHour, k - 1) && regular(k + 1, k + perHour)));
    if (clockBack) {
      out.back.push(rows[k]);
      out.backStep.push(autumnStep(a, b));
      lastBack = b;
    } else if (d === 0) {
      if (out.repeats++ === 0) out.firstRepeat = rows[k];
    } else if (out.outOfOrder < 0) out.outOfOrder = rows[k];
  }
  return out;
}

/** Whether the first step back out of order goes back one hour (a clock change timeOrder could not confirm). */
function hourBack(t: ArrayLike<number>, o: TimeOrder): boolean {
  let prev = o.outOfOrder - 1;
  while (prev >= 0 && Number.isNaN(t[prev])) prev--;
  return prev >= 0 && t[prev] + (o.step > 0 ? o.step : 0) - t[o.outOfOrder] === HOUR;
}

/**
 * What to do about rows out of time order, for the trainer's refusal and the importer's unsorted_time warning
 * alike: sort them, unless the first step back goes back one hour, where a local-time file's autumn hour
 * repeats and sorting would interleave the two hours.
 */
export function unsortedAdvice(time: string, t: ArrayLike<number>, order: TimeOrder): string {
  return order.outOfOrder >= 0 && hourBack(t, order)
    ? `If the file is in local time and this is where clocks go back an hour, do not sort it (that would interleave the two hours): write the times in UTC or with their UTC offset and import it again. Otherwise sort the file by '${time}' and import it again`
    : `Sort the file by '${time}' and import it again`;
}

/**
 * The import's example (file line, time as written) of `row`, a row repeating the time of the row before:
 * the importer recorded the first few repeats in file order (duplicate_time examples), so the k-th repeat
 * of the values is its k-th example. Undefined past those few. One wording for importer and trainer.
 */
export function repeatExample(t: ArrayLike<number>, examples: readonly IssueExample[], row: number): IssueExample | undefined {
  let k = 0, prev = NaN;
  for (let i = 0; i <= row && i < t.length && k < examples.length; i++) {
    const v = t[i];
    if (Number.isNaN(v)) continue;
    if (v === prev) {
      if (i === row) return examples[k];
      k++;
    }
    prev = v;
  }
  return undefined;
}

/** '2023-10-29 02:00' (seconds only when not zero). */
export const wallTime = (t: number) => (Number.isFinite(t) && Math.abs(t) < 8.64e12 ? new Date(t * 1000).toISOString().replace('T', ' ').replace(/(:00)?\.000Z$/, '') : String(t));

/** The data line's note on clock changes, or null. */
function clockNote(time: string, t: ArrayLike<number>, o: TimeOrder): string | null {
  if (!o.back.length && !o.forward.length) return null;
  const list = (rows: number[]) => rows.slice(0, 3).map((r) => wallTime(t[r])).join(', ') + (rows.length > 3 ? `, … (${rows.length})` : '');
  const parts = [
    o.back.length ? `clock change${o.back.length === 1 ? '' : 's'} back at ${list(o.back)} kept in file order (the repeated hour trains as consecutive steps)` : '',
    o.forward.length ? `clock change${o.forward.length === 1 ? '' : 's'} forward before ${list(o.forward)} (${[...new Set(o.forwardRule)].join('; ')}: the skipped hour is no gap)` : '',
  ].filter(Boolean);
  return `'${time}' is in local time: ${parts.join('; ')}`;
}

/**
 * Throws when the rows cannot be one series in time order; returns notes for the run's data line. `times`:
 * the time column's values (epoch seconds), read only when the rows need them; without it a step back in
 * time is refused (the importer's issues alone cannot tell a clock change). `timeOrderOf`: their timeOrder when
 * the caller needs it too (a run's gap count), computed once there; default: computed here.
 */
export function checkForecastingRows(meta: DatasetCacheMeta, columns: readonly RoleOf[], times?: () => ArrayLike<number>, timeOrderOf?: () => TimeOrder): string[] {
  // long format (date, series, value): pivoted into one channel per series before windows are cut
  // (./forecasting-long.ts checks the pivot's own rows); its raw rows' order and repeats do not matter
  if (longLayout(meta, columns)) return [];
  const time = columns.find((c) => c.role === 'time')?.name;
  const issue = (kind: string) => (time ? meta.validation.issues.find((i) => i.kind === kind && i.column === time) : undefined);
  const unsorted = issue('unsorted_time');
  const repeated = issue('duplicate_time');
  // the values name the clock changes (a step back or a repeat in autumn, a skipped hour in spring); the run
  // reads them anyway for its split and gap count, so this costs no extra read
  const values = time && times ? times() : null;
  const order = !values ? null : timeOrderOf ? timeOrderOf() : timeOrder(values, { writtenInUtc: timesWrittenInUtc(meta.validation.issues, time!) });
  if (unsorted && (!order || order.outOfOrder >= 0)) {
    // the importer's line names the first step back; after an accepted clock change, the row does
    const first = !order || !order.back.length || order.back[0] > order.outOfOrder ? unsorted.examples[0] : undefined;
    const where = first ? `line ${first.line}: ${first.value}` : order ? `row ${(order.outOfOrder + 1).toLocaleString('en-US')}: ${wallTime(values![order.outOfOrder])}` : '';
    throw new Error(`the rows of '${time}' are not in time order${where ? ` (first at ${where})` : ''}: forecasting reads rows in file order, so its windows and split would mix periods. ` +
      (order ? unsortedAdvice(time!, values!, order) : `Sort the file by '${time}' and import it again`));
  }
  const notes: string[] = [];
  const clocks = order && time ? clockNote(time, values!, order) : null;
  if (clocks) notes.push(clocks);
  // with a clock change, the importer's repeat count includes the repeated hour: count from the values
  const fromValues = order && order.back.length > 0;
  const count = fromValues ? order.repeats : repeated?.count ?? 0;
  if (count === 0) return notes;
  // the file's line and the time as written, as the import said it; a row number only where it kept no example
  const first = fromValues ? repeatExample(values!, repeated?.examples ?? [], order.firstRepeat) : repeated?.examples[0];
  const where = first ? `first at line ${first.line}: ${first.value}` : fromValues ? `first at row ${(order.firstRepeat + 1).toLocaleString('en-US')}: ${wallTime(values![order.firstRepeat])}` : '';
  const share = count / Math.max(1, meta.rows);
  const rows = `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`;
  const verb = count === 1 ? 'repeats' : 'repeat';
  if (share > DUPLICATE_TIMES_ALLOWED) {
    // a date column beside an hour number (dteday + hr): no stacked series, one timestamp in two columns
    const hour = hourColumnBesideDate(meta, time!, first);
    if (hour) throw new Error(`${rows} of ${meta.rows.toLocaleString('en-US')} (${(share * 100).toFixed(1)}%) ${verb} the time of the row before in '${time}'${where ? ` (${where})` : ''}: ${dateHourAdvice(time!, hour, meta.source)}`);
    throw new Error(`${rows} of ${meta.rows.toLocaleString('en-US')} (${(share * 100).toFixed(1)}%) ${verb} the time of the row before in '${time}'${where ? ` (${where})` : ''}: ` +
      'several series stacked in one file? Set the column that tells them apart to role series-id (in the app: Datasets → Schema → that column\'s Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id): the run then pivots them into one channel per series; ' +
      `or de-duplicate the file (one row per time) and import it again. Forecasting reads rows in file order, and would take the repeats for consecutive steps`);
  }
  return [...notes, `${rows} ${verb} the time of the row before in '${time}'${where ? ` (${where})` : ''}; they train as consecutive steps`];
}

/** Several series stacked in one file, one row per time and series: which column tells them apart, and why. */
export interface LongLayout {
  /** The time column (role time; with a series-id column and no time role, the first datetime column in use), and the column that tells the series apart. */
  time: string; series: string;
  /** 'role': the user set it to series-id; 'import': the importer's long-format reading (each time about k times, one k-valued categorical column). */
  by: 'role' | 'import';
}
/** Times of day ('00:00', '13:30:00'): such a column beside a date column completes its timestamps, it names no series (the legacy reading's check; the importer's reading leaves them out). */
const TIME_OF_DAY = /^\s*(([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?|24:00(:00)?)\s*$/; // '24:00': the day's end, as meter exports write it

/**
 * Whether a forecasting run's rows are long format, to be pivoted into one channel per series (and value
 * column): a column with role series-id holding several values, or, without one, what the importer's
 * long-format check recognised for the time column (its recorded reading: each time appears about k times and
 * a categorical column in use has k values; not times of day: a date and its time split in two columns are
 * one timestamp; a dataset imported before the reading was recorded: notedSeries). Null: one series (the row
 * checks apply). Throws when the columns cannot say which series a row is: two series-id columns, two k-valued
 * candidates in use, or no time column.
 */
export function longLayout(meta: DatasetCacheMeta, columns: readonly RoleOf[]): LongLayout | null {
  const info = (name: string) => meta.columns.find((c) => c.name === name);
  const used = columns.filter((c) => c.role !== 'ignore');
  const time = used.find((c) => c.role === 'time')?.name ?? used.find((c) => info(c.name)?.type === 'datetime')?.name;
  const ids = used.filter((c) => c.role === 'series-id').filter((c) => {
    const s = info(c.name)?.stats;
    return !!s && (s.cardinality !== null ? s.cardinality > 1 : s.min !== null && s.max !== null && s.min !== s.max);
  });
  if (ids.length > 1) {
    throw new Error(`columns ${ids.map((c) => `'${c.name}'`).join(' and ')} all have role series-id: a long-format pivot takes one column that tells the series apart. ` +
      'Combine them into one column (e.g. store_item) and import again, or set all but one to feature or ignore (in the app: Datasets → Schema → that column\'s Role → ignore; on the command line: gatelab datasets roles ID <column>=ignore)');
  }
  if (ids.length === 1) {
    if (!time) throw new Error(`column '${ids[0].name}' (role series-id) tells ${info(ids[0].name)!.stats.cardinality ?? 'several'} series apart, but no column has role time: a long-format pivot lines the series up by their times. Set the time column (in the app: Datasets → Schema → that column's Role → time; on the command line: gatelab datasets roles ID <column>=time)`);
    return { time, series: ids[0].name, by: 'role' };
  }
  // the importer's check reads a column the user (or the importer) made the time: a datetime column set to
  // feature is not one, and runs trained on such files before pivots existed must keep their rows
  if (!time || !used.some((c) => c.role === 'time' && c.name === time)) return null;
  const recorded = recordedLongFormat(meta.validation);
  const found = recorded ? recordedSeries(recorded, meta, time, used) : notedSeries(meta, time, used);
  if (!found) return null;
  const { candidates, perTime } = found;
  if (candidates.length > 1) {
    throw new Error(`each time in '${time}' appears ${perTime} times, and ${candidates.map((c) => `'${c}'`).join(' and ')} each have ${perTime} values: the file looks like long format, ` +
      'but which column tells the series apart? Set it to role series-id (in the app: Datasets → Schema → that column\'s Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id) and the run pivots the file into one channel per series');
  }
  return candidates.length ? { time, series: candidates[0], by: 'import' } : null;
}

/** The columns that may tell a long file's series apart (more than one: the run asks which), and the rows per time they say. */
interface SeriesCandidates { candidates: string[]; perTime: number }

/**
 * The importer's reading of `time` (meta.validation.longFormat): its series column and any other column with
 * as many values, those still in use and in this data (a pivot's own rows hold neither). Null: not long format.
 */
function recordedSeries(recorded: readonly LongFormatReading[], meta: DatasetCacheMeta, time: string, used: readonly RoleOf[]): SeriesCandidates | null {
  const reading = recorded.find((r) => r.time === time);
  if (!reading) return null;
  const candidates = [reading.series, ...(reading.alike ?? [])].filter((name) => used.some((c) => c.name === name) && meta.columns.some((c) => c.name === name));
  const perTime = meta.columns.find((c) => c.name === candidates[0])?.stats.cardinality ?? 0;
  return { candidates, perTime };
}

/**
 * Legacy reading, only for datasets imported before the importer recorded its reading (no longFormat in the
 * report): the rule the importer applied, worked out again from the row count and the repeated-times count:
 * more than 1% of the rows repeat an earlier time, each time appears about k times and a categorical column
 * in use has k values, or the importer's note names it with as many values as the most rows of one time (a
 * series covering few times pulls the average below the number of series: workers/import/repeats-per-time.ts
 * seriesPerTime). The note's words are those such imports stored, and are never written again.
 */
function notedSeries(meta: DatasetCacheMeta, time: string, used: readonly RoleOf[]): SeriesCandidates | null {
  const repeats = meta.validation.issues.find((i) => i.kind === 'duplicate_time' && i.column === time)?.count ?? 0;
  if (repeats / Math.max(1, meta.rows) <= DUPLICATE_TIMES_ALLOWED) return null;
  const perTime = Math.round(meta.rows / Math.max(1, meta.rows - repeats));
  if (perTime < 2) return null;
  const noted = (c: { name: string; stats: { cardinality: number | null } }) => meta.validation.issues.some((i) => i.kind === 'note' && i.column === time
    && i.message.includes(`and column '${c.name}' has ${c.stats.cardinality} values: this looks like long format`));
  const candidates = used.map((c) => meta.columns.find((x) => x.name === c.name)).filter((c): c is NonNullable<typeof c> => !!c && c.name !== time && c.type === 'categorical' && (c.stats.cardinality === perTime || noted(c))
    && !(c.stats.topValues?.length && c.stats.topValues.every((t) => TIME_OF_DAY.test(t.value))));
  return { candidates: candidates.map((c) => c.name), perTime };
}
