// Collects validation issues while a file streams by: counts per (kind, column) and the first examples.
import type { InvalidPolicy, IssueKind, ValidationIssue, ValidationReport } from '../../common/dataset-cache';
import type { LongFormatReading } from '../../common/data/long-format-reading';

const MAX_EXAMPLES = 5;
/**
 * Line ranges of dropped rows kept in the report: every one (neighbouring lines merged), so `gatelab split`
 * can say which file lines are missing from the dataset's rows. A bound only for pathological files (a
 * range costs ~16 bytes of JSON): past it the list is left out rather than stored incomplete.
 */
const MAX_STORED_RANGES = 100_000;

/** The report with the file lines of the dropped rows (see ValidationReport.droppedLineRanges in the lead's note). */
export interface ValidationReportWithDrops extends ValidationReport {
  /**
   * Every line of the file a dropped row covered, as [first, last] ranges in file order (neighbours merged):
   * present when the import dropped rows and knows the lines of all of them.
   */
  droppedLineRanges?: Array<[number, number]>;
}
/** Counts in messages as the rest of the app writes them: 20,000 (line numbers stay plain: they are addresses, not amounts). */
const count = (n: number) => n.toLocaleString('en-US');
const SEVERITY: Record<IssueKind, ValidationIssue['severity']> = {
  ragged_row: 'error', unparsable: 'error', nan_inf: 'warning', missing: 'info', empty_column: 'warning',
  constant_column: 'warning', duplicate_time: 'warning', unsorted_time: 'warning', target_missing: 'warning',
  retyped: 'warning', encoding_fallback: 'info', dropped_rows: 'warning', imputed: 'info',
  time_gaps: 'warning', note: 'info',
};

export class Validation {
  private readonly issues = new Map<string, ValidationIssue>();
  rowsRead = 0;
  rowsKept = 0;
  rowsDropped = 0;
  valuesImputed = 0;
  /**
   * Dropped rows that ran over several lines of the file (a quoted field with line breaks), as
   * [first, last] line. A row is one record, but the user counts lines: "1 row dropped" for lines 3–6 would
   * hide three of them, so the drop count names these.
   */
  private readonly droppedSpans: [number, number][] = [];
  private spanRowsDropped = 0;
  private spanLinesDropped = 0;
  /** The lines of every dropped row whose lines the reader reported, merged into ranges (MAX_STORED_RANGES). */
  private readonly droppedRanges: [number, number][] = [];
  /** Dropped rows whose lines are in droppedRanges; equal to rowsDropped when the list is complete. */
  private rowsWithLines = 0;
  /** The first line of the last dropped row recorded: a second call for it only widens it to its last line. */
  private lastDroppedRow = -1;
  private rangesOverflowed = false;
  /**
   * The long-format layouts recognised (table-shape.ts noteLongFormat), one per time column. Reported as data,
   * always (an empty list says "none"), so a run never reads a layout from the note's words, and a report
   * without the list is known to predate it.
   */
  private readonly longFormat = new Map<string, LongFormatReading>();

  constructor(readonly policy: InvalidPolicy) {}

  /**
   * A bad row or value stops an import under 'reject' (an error); under 'drop' or 'impute' the import goes
   * on and the policy dealt with it, so it is a warning to look at, not an error in a dataset that exists.
   */
  private severityOf(kind: IssueKind): ValidationIssue['severity'] {
    return this.policy !== 'reject' && (kind === 'ragged_row' || kind === 'unparsable') ? 'warning' : SEVERITY[kind];
  }

  /**
   * Counts one occurrence; `describe` builds the message only the first time (it is on the hot path).
   * `topic` keeps apart issues of one kind on one column that say different things (as in addCounted).
   */
  add(kind: IssueKind, column: string | null, line: number, value: string | null, describe: () => string, topic = ''): void {
    const key = `${kind}\u0000${column ?? ''}${topic ? `\u0000${topic}` : ''}`;
    let issue = this.issues.get(key);
    if (!issue) {
      issue = { kind, severity: this.severityOf(kind), column, count: 0, message: describe(), examples: [] };
      this.issues.set(key, issue);
    }
    issue.count++;
    if (issue.examples.length < MAX_EXAMPLES && value !== null) {
      issue.examples.push({ line, column, value: value.length > 200 ? `${value.slice(0, 200)}…` : value });
    }
  }

  /**
   * Adds an issue with a known count (column-level findings such as an empty column). `topic` keeps apart
   * several issues of one kind on one column (two notes about different things).
   */
  addCounted(kind: IssueKind, column: string | null, count: number, message: string, topic = ''): void {
    const key = `${kind}\u0000${column ?? ''}${topic ? `\u0000${topic}` : ''}`;
    const examples = this.issues.get(key)?.examples ?? []; // keep examples found while streaming
    this.issues.set(key, { kind, severity: this.severityOf(kind), column, count, message, examples });
  }

  /**
   * A finding no other kind names that the user should act on (one value written several ways): kind
   * 'note' with severity 'warning', so it is listed with the warnings.
   */
  warn(column: string | null, count: number, message: string, topic: string): void {
    this.addCounted('note', column, count, message, topic);
    this.issues.get(`note\u0000${column ?? ''}\u0000${topic}`)!.severity = 'warning';
  }

  /** The issue of `kind` on `column` (null: the file) under `topic`, as add/addCounted keyed it. */
  issue(kind: IssueKind, column: string | null, topic = ''): ValidationIssue | undefined {
    return this.issues.get(`${kind}\u0000${column ?? ''}${topic ? `\u0000${topic}` : ''}`);
  }

  /** Takes back an issue that no longer holds once the whole file is read (see text-column-hints.ts). */
  remove(kind: IssueKind, column: string | null, topic = ''): void {
    this.issues.delete(`${kind}\u0000${column ?? ''}${topic ? `\u0000${topic}` : ''}`);
  }

  /** Makes a column's issue of `kind` informational, with `why` appended (a warning that does not apply to this file). */
  soften(kind: IssueKind, column: string, why: string): void {
    for (const i of this.issues.values()) {
      if (i.kind !== kind || i.column !== column) continue;
      i.severity = 'info';
      i.message += why;
    }
  }

  /**
   * A dropped row (already counted in rowsDropped) that covered lines `first`..`last` of the file (one line:
   * first === last). Called once per row, or twice for the same row (the table writer names its first line,
   * the text reader its last): the second call only widens it.
   */
  droppedLines(first: number, last: number): void {
    const sameRow = first === this.lastDroppedRow;
    if (!sameRow) this.rowsWithLines++;
    this.lastDroppedRow = first;
    this.recordRange(first, last);
    if (last <= first || sameRow && this.isCountedSpan(first)) return;
    this.spanRowsDropped++;
    this.spanLinesDropped += last - first; // the lines beyond the one every row has
    if (this.droppedSpans.length < MAX_EXAMPLES) this.droppedSpans.push([first, last]);
  }

  private isCountedSpan(first: number): boolean {
    const s = this.droppedSpans.at(-1);
    return s !== undefined && s[0] === first;
  }

  private recordRange(first: number, last: number): void {
    const r = this.droppedRanges.at(-1);
    if (r && first <= r[1] + 1 && first >= r[0]) { r[1] = Math.max(r[1], last); return; }
    if (this.droppedRanges.length >= MAX_STORED_RANGES) { this.rangesOverflowed = true; return; }
    this.droppedRanges.push([first, last]);
  }

  /** Every dropped row's lines, when the reader named them all (a ragged row dropped unnamed leaves a gap). */
  private allDroppedLines(): [number, number][] | null {
    return this.rowsDropped > 0 && this.rowsWithLines === this.rowsDropped && !this.rangesOverflowed ? this.droppedRanges : null;
  }

  /** Lines of the file the dropped rows covered: one each, plus the extra lines of rows that ran over several. */
  private linesDropped(): number {
    return this.rowsDropped + this.spanLinesDropped;
  }

  /**
   * The drop count as the user reads it: rows of the dataset and which lines of the file they were (the
   * first MAX_EXAMPLES ranges, and how many more: "4 of 2,001 rows dropped (policy 'drop'): lines 2,
   * 303–304, 1503"); when some ran over several lines, how many lines that is and which rows span them
   * ("1 of 2 rows dropped (policy 'drop'), 4 lines of the file: it spans lines 3–6 ...").
   */
  droppedRowsMessage(): string {
    const base = `${count(this.rowsDropped)} of ${count(this.rowsRead)} ${this.rowsRead === 1 ? 'row' : 'rows'} dropped (policy '${this.policy}')`;
    const all = this.allDroppedLines();
    const range = ([a, z]: [number, number]) => (a === z ? `${a}` : `${a}–${z}`);
    if (this.spanRowsDropped === 0 && all) {
      // one line a row: neighbouring rows merge into ranges ("lines 303–304" is rows 303 and 304)
      const more = all.length - MAX_EXAMPLES;
      const list = all.slice(0, MAX_EXAMPLES).map(range).join(', ') + (more > 0 ? `, … (${count(more)} more)` : '');
      return `${base}: ${this.rowsDropped === 1 ? 'line' : 'lines'} ${list}`;
    }
    if (this.spanRowsDropped === 0) return base;
    const lines = this.linesDropped();
    const which = this.rowsDropped === 1 ? 'it spans' : this.spanRowsDropped === 1 ? 'one of them spans' : `${count(this.spanRowsDropped)} of them span`;
    const list = this.droppedSpans.map(range).join(', ') + (this.spanRowsDropped > this.droppedSpans.length ? ', ...' : '');
    return `${base}, ${count(lines)} lines of the file: ${which} lines ${list} (a quoted value with line breaks in it makes them one row)`;
  }

  /** Records a time column's long-format reading (a later one for the same column replaces it). */
  recordLongFormat(reading: LongFormatReading): void {
    this.longFormat.set(reading.time, reading);
  }

  first(kind: IssueKind): ValidationIssue | undefined {
    for (const i of this.issues.values()) if (i.kind === kind) return i;
    return undefined;
  }

  report(): ValidationReportWithDrops {
    // the drop count's wording is this class's: the lines a multi-line row covered belong in it
    const dropped = this.issues.get('dropped_rows\u0000');
    if (dropped && this.rowsDropped > 0) dropped.message = this.droppedRowsMessage();
    const order: ValidationIssue['severity'][] = ['error', 'warning', 'info'];
    const issues = [...this.issues.values()].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
    const linesDropped = this.spanRowsDropped > 0 ? { linesDropped: this.linesDropped() } : {};
    const all = this.allDroppedLines();
    const ranges = all ? { droppedLineRanges: all.map(([a, z]): [number, number] => [a, z]) } : {};
    return { policy: this.policy, rowsRead: this.rowsRead, rowsKept: this.rowsKept, rowsDropped: this.rowsDropped, ...linesDropped, valuesImputed: this.valuesImputed, issues, longFormat: [...this.longFormat.values()], ...ranges };
  }
}
