// Datetime columns: Float64 epoch seconds (UTC), with the checks a time index needs: order, repeated
// times, steps and gaps, offsets converted to UTC, and how often each time repeats (k rows per time in
// a long-format file of k series, see TableWriter).
import type { CachedColumn, ColumnType, IssueExample } from '../../common/dataset-cache';
import { repeatExample, timeOrder, unsortedAdvice } from '../../common/data/forecasting-rows';
import { excelDaysToEpoch, excelNote } from './excel-dates';
import { DayFirstDates, EARLY_EPOCH, TWO_DIGIT_YEARS, lastDate, parseDatetime, parseIsoBytes, writesAmPm, type DateFormat } from './datetime';
import { NumberColumn } from './number-column';
import { repeatsPerTime, type RepeatsPerTime } from './repeats-per-time';
import { TimeSteps } from './time-steps';
import { timeReadingOf } from './pandas-time-index';
import { isMissingToken } from './values';

/** A UTC offset after a clock time: '00:00:00+02:00', '10:30-0500'. */
const OFFSET = /\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*([+-]\d{2}(?::?\d{2})?)\s*$/;
/** A time written in UTC: '2024-03-31T02:00:00Z', '2024-03-31 02:00Z', '2024-03-31Z'. */
const ZULU = /\dZ\s*$/;

export class DatetimeColumn extends NumberColumn {
  private prev = NaN;
  /** The line of the row before and how its cell wrote its time (written/isoShape as they were then): messages quote the file. */
  private prevLine = 0;
  private prevWritten: string | null = null;
  private prevShape = 0;
  private sorted = true;
  private sawRepeat = false;
  /** Rows whose time is earlier than the row before's (the unsorted_time count), and the first of them. */
  private stepsBack = 0;
  private firstBack = { line: 0, time: '', after: '', afterLine: 0 };
  /** Rows without a time since the last with one: a step across them is a gap only beyond them (TimeSteps.add). */
  private missingSincePrev = 0;
  /** Rows observed (missing ones too): the index of the next in the column's values. */
  private rowsObserved = 0;
  /** The latest time so far: only a row at or below it can repeat an earlier time. */
  private latest = -Infinity;
  /**
   * The first rows at or below the latest time (`row`: index in the column's values) with their line and
   * time as written: the first repeat of an out-of-order column is among them (countRepeats names it).
   */
  private readonly mayRepeat: Array<{ row: number; line: number; written: string }> = [];
  /** The first rows repeating an earlier time in a column out of order, as issue examples (countRepeats). */
  private earlierRepeats: IssueExample[] = [];
  /** Rows whose time is the row before's (the duplicate_time count while the column is in order). */
  private repeats = 0;
  /** The time steps, with how the cells were read: epoch numbers need their unit in the gap advice's pandas call. */
  private readonly steps = new TimeSteps(timeReadingOf(this.plan.dateFormat));
  /** Times written with a UTC offset: the offsets seen (a few), how many, and the first one. */
  private readonly offsets = { values: 0, seen: new Set<string>(), example: '', utc: NaN };
  /** Times written in UTC with a trailing 'Z' ('2024-03-31T02:00:00Z'): how many, and the first one. */
  private readonly zulu = { values: 0, example: '' };
  /** Dates written with two-digit years ('31/12/20'): how many, the first, and the years they were read as. */
  private readonly shortYears = { values: 0, example: '', first: Infinity, last: -Infinity };
  /** Times written on the 12-hour clock ('9/1/2023 1:05 PM'): how many, and the first. */
  private readonly twelveHour = { values: 0, example: '' };
  /** The staged cell as written, when it was read as text (null on the ISO fast path: isoShape says how it was written). */
  private written: string | null = null;
  /** On the ISO fast path: the cell's length without its 'Z' (10, 16 or 19), +100 when 'T' separates the time, +1000 when it ends in 'Z'. */
  private isoShape = 0;
  /** About k rows per time (k ≥ 2, the trainer's long-format rule), else null; set by finish(). */
  repeatsPerTime: RepeatsPerTime | null = null;

  putBytes(buf: Buffer, s: number, e: number, esc: number, line: number): void {
    if (this.plan.dateFormat === 'iso') {
      const t = parseIsoBytes(buf, s, e);
      if (!Number.isNaN(t)) {
        this.line = line;
        this.bad = this.missing = false;
        this.arr[this.pos] = t;
        // numbers, not a string per cell: the text is rebuilt only for a message (writtenTime)
        this.written = null;
        const z = buf[e - 1] === 90 ? 1 : 0;
        this.isoShape = (e - s - z) + (buf[s + 10] === 84 ? 100 : 0) + z * 1000;
        // the fast path strips the 'Z': the times are UTC, so no step in them is a local clock change
        if (buf[e - 1] === 90) this.noteZulu(buf, s, e);
        return;
      }
    }
    let str = this.ctx.text(buf, s, e);
    if (esc) str = str.replaceAll('""', '"');
    this.putValue(str, line);
  }

  putValue(v: unknown, line: number): void {
    this.line = line;
    this.bad = this.missing = false;
    this.written = typeof v === 'string' ? v.trim() : null;
    let t = NaN;
    if (v === null || v === undefined || (typeof v === 'string' && isMissingToken(v))) {
      this.bad = this.missing = true;
    } else if (v instanceof Date) t = v.getTime() / 1000;
    else if ((typeof v === 'number' || typeof v === 'bigint') && (this.plan.dateFormat === 'yyyymmdd' || this.plan.dateFormat === 'yymmddhh')) t = parseDatetime(String(v), this.plan.dateFormat);
    else if ((typeof v === 'number' || typeof v === 'bigint') && this.plan.dateFormat === 'excel-days') t = excelDaysToEpoch(Number(v));
    else if (typeof v === 'number' || typeof v === 'bigint') t = Number(v) / (this.plan.dateFormat === 'epoch-ms' ? 1000 : 1);
    else if (typeof v === 'string') {
      t = parseDatetime(v, this.plan.dateFormat as DateFormat);
      if (!Number.isNaN(t) && lastDate.twoDigitYear) {
        if (this.plan.fourDigitYears) t = NaN; // as the importer of the dataset's day read it
        else this.noteShortYear(v, t);
      }
      if (!Number.isNaN(t) && lastDate.twelveHour) {
        if (this.plan.noTwelveHourTimes) t = NaN; // as the importer of the dataset's day read it
        else if (this.twelveHour.values++ === 0) this.twelveHour.example = v.trim();
      }
      if (!Number.isNaN(t)) this.noteOffset(v, t);
    }
    if (!this.bad && Number.isNaN(t)) {
      // month first was only a guess from ambiguous first rows: let the importer re-read day first
      if (this.plan.dateFormat === 'mdy' && !this.plan.orderGiven && typeof v === 'string' && !Number.isNaN(parseDatetime(v, 'dmy'))) throw new DayFirstDates(this.plan.name, line, v.trim());
      this.missing = true;
      const amPm = typeof v === 'string' && writesAmPm(v) && !this.plan.noTwelveHourTimes;
      // the message is the column's first unreadable cell's: with AM/PM, say what the clock allows
      const expected = amPm ? `dates (format ${this.plan.dateFormat}; with AM/PM the hour is 1–12, 12 AM being midnight: '12:30 AM', '1:05 PM', not '13:05 PM' or '0:30 AM')` : `dates (format ${this.plan.dateFormat})`;
      this.noteUnparsable(line, typeof v === 'string' ? v : String(v), expected);
    }
    this.arr[this.pos] = t;
  }

  /**
   * The staged time as its cell wrote it ('15.10.2023 14:00', '2016-07-05 04:00:00'), for messages that quote
   * the file; `written`/`shape`: another row's, kept when it was staged.
   */
  private writtenTime(t: number, written = this.written, shape = this.isoShape): string {
    if (written !== null) return written;
    const n = shape % 100;
    if (n !== 10 && n !== 16 && n !== 19) return shortTime(t);
    const iso = isoTime(t).slice(0, n);
    return (shape % 1000 >= 100 ? iso : iso.replace('T', ' ')) + (shape >= 1000 ? 'Z' : '');
  }

  /** Adds a time of day (seconds) to the staged date: a date column followed by a time column (date-time-pair.ts). */
  addTimeOfDay(seconds: number): void {
    this.arr[this.pos] += seconds;
    // the date cell alone no longer says the time: messages show the combined time
    this.written = null;
    this.isoShape = 0;
  }

  private noteShortYear(v: string, t: number): void {
    const y = this.shortYears;
    if (y.values++ === 0) y.example = v.trim();
    const year = new Date(t * 1000).getUTCFullYear();
    if (year < y.first) y.first = year;
    if (year > y.last) y.last = year;
  }

  /**
   * How two-digit years were read, so that a user can check the century: "column 'Datum': dates with
   * two-digit years (such as '25.12.20 00:00') read day first (DD.MM.YY), two-digit years read as …: here 2020–2021".
   */
  private shortYearNote(): string | null {
    const y = this.shortYears, f = this.plan.dateFormat;
    if (y.values === 0) return null;
    const sep = /^\d{1,2}([/.])/.exec(y.example)?.[1] ?? '/';
    const order = f === 'mdy' ? `month first (MM${sep}DD${sep}YY)` : `day first (DD${sep}MM${sep}YY)`;
    const span = y.first === y.last ? `${y.first}` : `${y.first}–${y.last}`;
    return `column '${this.plan.name}': dates with two-digit years (such as '${y.example.slice(0, 30)}') read ${order}, ${TWO_DIGIT_YEARS}: here ${span}. If some belong to another century, save the file with four-digit years and import it again`;
  }

  private noteZulu(buf: Buffer, s: number, e: number): void {
    if (this.zulu.values++ === 0) this.zulu.example = this.ctx.text(buf, s, e).trim();
    this.steps.inUtc();
  }

  private noteOffset(v: string, t: number): void {
    if (this.plan.dateFormat === 'epoch' || this.plan.dateFormat === 'epoch-ms' || this.plan.dateFormat === 'excel-days') return;
    if (ZULU.test(v)) {
      if (this.zulu.values++ === 0) this.zulu.example = v.trim();
      this.steps.inUtc();
      return;
    }
    const m = OFFSET.exec(v);
    if (!m) return;
    this.steps.inUtc();
    const o = this.offsets;
    o.values++;
    if (o.seen.size < 4) o.seen.add(m[1]);
    if (!o.example) { o.example = v.trim(); o.utc = t; }
  }

  protected observe(slot: number): void {
    super.observe(slot);
    const row = this.rowsObserved++;
    const t = this.arr[slot];
    if (Number.isNaN(t)) { if (!Number.isNaN(this.prev)) this.missingSincePrev++; return; }
    const name = this.plan.name;
    if (t <= this.latest) {
      if (this.mayRepeat.length < MAY_REPEAT) this.mayRepeat.push({ row, line: this.line, written: this.writtenTime(t) });
    } else this.latest = t;
    // while times increase, a duplicate can only be the previous time; otherwise finish() sorts a copy.
    // Steps are counted on past a step back: where the clock went back in autumn, the times run on from there
    if (t > this.prev) this.steps.add(this.prev, t - this.prev, this.line, this.missingSincePrev);
    else if (t <= this.prev) this.steps.back(this.prev, t, this.line);
    if (t === this.prev) {
      this.sawRepeat = true;
      this.repeats++;
      // the line and the time as written: the run's data line quotes this example (repeatExample)
      this.ctx.validation.add('duplicate_time', name, this.line, this.writtenTime(t), () => `column '${name}': the same time appears more than once`);
    } else if (t < this.prev) {
      this.sorted = false;
      const line = this.line, written = this.writtenTime(t);
      const back = { line, time: written, after: this.writtenTime(this.prev, this.prevWritten, this.prevShape), afterLine: this.prevLine };
      if (this.stepsBack++ === 0) this.firstBack = back;
      // the advice is settled in finish(), once the whole column says whether the disorder is a clock change
      this.ctx.validation.add('unsorted_time', name, line, written, () => `${unsortedHead(name, back)}: to forecast this series, sort the file by '${name}' and import it again`);
    }
    this.prev = t; this.missingSincePrev = 0;
    this.prevLine = this.line;
    this.prevWritten = this.written;
    this.prevShape = this.isoShape;
  }

  finish(): CachedColumn {
    const col = super.finish();
    // out of order, the steps say nothing, unless every step back is the clock going back in autumn
    let inOrder = this.sorted;
    if (!this.sorted || this.sawRepeat) {
      const values = this.readAll() as Float64Array;
      const repeats = this.countRepeats(values);
      inOrder = this.noteClockChanges(values, repeats) || this.sorted;
    }
    const steps = inOrder ? this.steps.summary(this.plan.name) : null;
    if (steps) this.ctx.validation.addCounted(steps.kind === 'gaps' ? 'time_gaps' : 'note', this.plan.name, steps.count, steps.message, 'steps');
    const f = this.plan.dateFormat;
    if ((f === 'epoch' || f === 'epoch-ms') && this.count > 0 && this.min < EARLY_EPOCH) {
      // 14102100 read as epoch seconds is 1970-06-13: numbers that are not times at all look like this
      this.ctx.validation.addCounted('note', this.plan.name, this.count, `column '${this.plan.name}': read as ${f === 'epoch' ? 'seconds' : 'milliseconds'} since 1970, its times start at ${isoTime(this.min)} (before 1975). If these numbers are not Unix times, set another type (int, categorical); dates written as 20240131 or 14102100 are read as such when every value is one`, 'epoch');
    }
    if (f === 'excel-days' && this.count > 0) {
      // inferred or typed datetime alike: say how the numbers were read, and how to keep them numbers
      this.ctx.validation.addCounted('note', this.plan.name, this.count, excelNote(this.plan.name, this.min), 'excel-dates');
    }
    if (this.twelveHour.values > 0) {
      const h = this.twelveHour;
      this.ctx.validation.addCounted('note', this.plan.name, h.values, `column '${this.plan.name}': times on the 12-hour clock (such as '${h.example.slice(0, 30)}') read with their AM/PM: 12 AM is 00:00 (midnight), 12 PM is 12:00 (noon)`, 'twelve-hour');
    }
    const years = this.shortYearNote();
    if (years) this.ctx.validation.addCounted('note', this.plan.name, this.shortYears.values, years, 'two-digit-years');
    const note = this.utcNote();
    if (note) this.ctx.validation.addCounted('note', this.plan.name, this.offsets.values + this.zulu.values, note, 'offsets');
    return col;
  }

  /**
   * How times written with an offset or 'Z' were read, or null. Its words "times written with UTC offsets"
   * / "times written in UTC" are what the trainer looks for (timesWrittenInUtc): such times have no local
   * clock changes, so it counts a longer step as a gap, as the import did.
   */
  private utcNote(): string | null {
    const o = this.offsets, z = this.zulu, name = this.plan.name;
    const zWords = `times written in UTC (ending in 'Z', as '${z.example}')`;
    if (o.values > 0) {
      const list = [...o.seen].join(', ') + (o.seen.size >= 4 ? ', ...' : '');
      const zulu = z.values > 0 ? `; ${zWords} are kept as written` : '';
      return `column '${name}': times written with UTC offsets (${list}) are converted to UTC, and stored and shown in UTC: '${o.example}' is ${shortTime(o.utc)} UTC${zulu}`;
    }
    if (z.values > 0) return `column '${name}': ${zWords} are stored and shown in UTC, so no step in them is a local clock change`;
    return null;
  }

  /**
   * Sorts a copy: repeated times when rows are out of order, and whether every time repeats equally often.
   * Returns the duplicate_time count (rows repeating an earlier time; in order: the row before's).
   */
  private countRepeats(values: Float64Array): number {
    const sorted = values.filter((t) => !Number.isNaN(t)).sort();
    let dups = 0, first = NaN;
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] !== sorted[i - 1]) continue;
      dups++;
      if (Number.isNaN(first)) first = sorted[i];
    }
    this.repeatsPerTime = repeatsPerTime(sorted);
    const name = this.plan.name;
    if (dups > 0 && !this.sorted) {
      const rows = repeatRows(values, sorted, 5);
      const r = rows[0] ?? -1;
      const seen = this.mayRepeat.find((m) => m.row === r);
      // the row as the file wrote it; past the rows kept for that, its time (rare: many rows out of order before it)
      const where = seen ? `first at line ${seen.line}: ${seen.written}` : `e.g. ${shortTime(r >= 0 ? values[r] : first)}`;
      this.ctx.validation.addCounted('duplicate_time', name, dups, `column '${name}': the same time appears more than once (${dups.toLocaleString('en-US')} ${dups === 1 ? 'row repeats' : 'rows repeat'} an earlier time; ${where})`);
      const kept = rows.map((row) => this.mayRepeat.find((m) => m.row === row)).filter((m) => m !== undefined);
      // only when the first is known: the first example must be the row the message names first
      this.earlierRepeats = seen ? kept.map((m) => ({ line: m.line, column: name, value: m.written })) : [];
    }
    return this.sorted ? this.repeats : dups;
  }

  /**
   * Local time across the autumn clock change: the clock goes back an hour, so the times step back (15-minute
   * rows: 02:45 then 02:00) or repeat (hourly rows: 02:00 twice). Sorting such a file would interleave the two
   * hours, and the trainer keeps them in file order (common/data/forecasting-rows.ts), so when its rule finds
   * that every step back and every repeat is a clock change, the sort advice is wrong: the issues say what it
   * is instead, as notes. Any other step back or repeat keeps the warnings as they are. Returns whether
   * every step back is a clock change (then the steps counted through them are the series' steps).
   */
  private noteClockChanges(values: Float64Array, repeats: number): boolean {
    const inUtc = this.offsets.values + this.zulu.values > 0;
    const order = timeOrder(values, { writtenInUtc: inUtc });
    const name = this.plan.name, v = this.ctx.validation;
    if (!inUtc && order.back.length && order.outOfOrder < 0 && order.repeats > 0) this.noteRepeatsBesideClockChange(values, order);
    if (inUtc || !order.back.length || order.outOfOrder >= 0 || order.repeats > 0) {
      // not (only) clock changes: the trainer's advice, which knows a step back of one hour may be one
      // it could not confirm, where sorting would interleave the repeated hour
      if (!this.sorted) {
        // out of order, not by clock changes: the repeats' examples are the rows the message names (those met
        // while reading repeat only the row before, a later line); clock changes keep those (repeatExample)
        const repeated = order.outOfOrder >= 0 && this.earlierRepeats.length ? v.issue('duplicate_time', name) : undefined;
        if (repeated) repeated.examples = this.earlierRepeats;
        const b = this.firstBack;
        const advice = inUtc ? `Sort the file by '${name}' and import it again` : unsortedAdvice(name, values, order);
        v.addCounted('unsorted_time', name, this.stepsBack, `${unsortedHead(name, b)}: to forecast this series, ${advice[0].toLowerCase()}${advice.slice(1)}`);
      }
      return !inUtc && order.outOfOrder < 0;
    }
    const at = order.back.slice(0, 3).map((r) => shortTime(values[r])).join(', ') + (order.back.length > 3 ? `, … (${order.back.length})` : '');
    const kept = `this looks like local time where the clock goes back an hour (at ${at}): forecasting keeps these rows in file order (the repeated hour trains as consecutive steps), so do not sort the file`;
    if (!this.sorted) {
      const b = this.firstBack;
      v.addCounted('unsorted_time', name, this.stepsBack, `column '${name}': times are not in increasing order (${firstBackText(b)}); ${kept}`);
      v.soften('unsorted_time', name, '');
    }
    if (repeats > 0) {
      const rows = `${repeats.toLocaleString('en-US')} ${repeats === 1 ? 'row repeats' : 'rows repeat'} an earlier time`;
      v.addCounted('duplicate_time', name, repeats, `column '${name}': the times of the repeated hour appear twice (${rows}); ${this.sorted ? kept : 'that is the clock change above, not repeated measurements'}`);
      v.soften('duplicate_time', name, '');
    }
    return true;
  }

  /**
   * A clock change back and times repeated besides it (a logger writing one reading twice): the repeat
   * warning counts only the latter, names the first by its line and time as written, and says the clock
   * change apart, as the run's data line does (checkForecastingRows).
   */
  private noteRepeatsBesideClockChange(values: Float64Array, order: ReturnType<typeof timeOrder>): void {
    const name = this.plan.name, v = this.ctx.validation;
    const issue = v.issue('duplicate_time', name);
    const first = issue ? repeatExample(values, issue.examples, order.firstRepeat) : undefined;
    const where = first ? `first at line ${first.line}: ${first.value}` : `first at ${shortTime(values[order.firstRepeat])}`;
    const rows = `${order.repeats.toLocaleString('en-US')} ${order.repeats === 1 ? 'row repeats' : 'rows repeat'}`;
    const at = order.back.slice(0, 3).map((r) => shortTime(values[r])).join(', ');
    v.addCounted('duplicate_time', name, order.repeats, `column '${name}': ${rows} the time of the row before (${where}), besides the clock going back an hour at ${at} (its repeated hour is local time, kept in file order): `
      + 'a logger writing one time twice? Forecasting trains such repeats as consecutive steps; de-duplicate the file (one row per time) if they are not');
    // its examples: the repeats themselves, not the clock change's
    const back = new Set(order.back);
    const kept = issue?.examples ?? [];
    const repeatRows: number[] = [];
    for (let i = 1, prev = NaN; i <= values.length; i++) {
      const x = values[i - 1];
      if (Number.isNaN(x)) continue;
      if (x === prev) repeatRows.push(i - 1);
      prev = x;
    }
    v.issue('duplicate_time', name)!.examples = kept.filter((_, k) => repeatRows[k] !== undefined && !back.has(repeatRows[k]));
  }

  protected finalType(): ColumnType {
    return 'datetime';
  }

  protected imputeValue(): number | null {
    return null; // a made-up time index would be worse than a reported gap
  }
}

/** Rows kept with their time as written while they may repeat an earlier time (DatetimeColumn.mayRepeat). */
const MAY_REPEAT = 256;

type StepBack = { line: number; time: string; after: string; afterLine: number };

/** 'first at line 54: 2024-01-01 12:00 after 2024-01-01 12:45 on line 53': the times as the file writes them. */
const firstBackText = (b: StepBack) => `first at line ${b.line}: ${b.time} after ${b.after} on line ${b.afterLine}`;

/** The unsorted_time warning up to its advice. */
const unsortedHead = (name: string, b: StepBack) => `column '${name}': times are not in increasing order (${firstBackText(b)}). `
  + 'This matters only for forecasting, which reads rows in file order (its windows and chronological split would mix periods)';

/**
 * The indexes of the first `max` rows (file order) whose time an earlier row has. `sorted`: the column's times
 * sorted (NaN left out); a byte per sorted slot marks a time as met, so no set of times is built.
 */
function repeatRows(values: Float64Array, sorted: Float64Array, max: number): number[] {
  const met = new Uint8Array(sorted.length);
  const rows: number[] = [];
  for (let i = 0; i < values.length && rows.length < max; i++) {
    const t = values[i];
    if (Number.isNaN(t)) continue;
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] < t) lo = mid + 1; else hi = mid; }
    if (met[lo]) rows.push(i);
    met[lo] = 1;
  }
  return rows;
}

const isoTime = (t: number) => (Number.isFinite(t) && Math.abs(t) < 8.64e12 ? new Date(t * 1000).toISOString() : String(t));
/** '2016-10-19 22:00' (seconds shown only when not zero). */
const shortTime = (t: number) => isoTime(t).replace('T', ' ').replace(/(:00)?\.000Z$/, '').replace(/Z$/, '');
