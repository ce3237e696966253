// Collects validation issues while a file streams by: counts per (kind, column) and the first examples.
import type { InvalidPolicy, IssueKind, ValidationIssue, ValidationReport } from '../../common/dataset-cache';

const MAX_EXAMPLES = 5;
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

  /** Makes a column's issue of `kind` informational, with `why` appended (a warning that does not apply to this file). */
  soften(kind: IssueKind, column: string, why: string): void {
    for (const i of this.issues.values()) {
      if (i.kind !== kind || i.column !== column) continue;
      i.severity = 'info';
      i.message += why;
    }
  }

  /** A dropped row (already counted in rowsDropped) that covered lines `first`..`last` of the file. */
  droppedLines(first: number, last: number): void {
    if (last <= first) return;
    this.spanRowsDropped++;
    this.spanLinesDropped += last - first; // the lines beyond the one every row has
    if (this.droppedSpans.length < MAX_EXAMPLES) this.droppedSpans.push([first, last]);
  }

  /** Lines of the file the dropped rows covered: one each, plus the extra lines of rows that ran over several. */
  private linesDropped(): number {
    return this.rowsDropped + this.spanLinesDropped;
  }

  /**
   * The drop count as the user reads it: rows of the dataset, and when some of them ran over several
   * lines of the file, how many lines that is and which ("1 of 2 rows dropped (policy 'drop'), 4 lines of
   * the file: it spans lines 3–6 ...").
   */
  droppedRowsMessage(): string {
    const base = `${count(this.rowsDropped)} of ${count(this.rowsRead)} ${this.rowsRead === 1 ? 'row' : 'rows'} dropped (policy '${this.policy}')`;
    if (this.spanRowsDropped === 0) return base;
    const lines = this.linesDropped();
    const which = this.rowsDropped === 1 ? 'it spans' : this.spanRowsDropped === 1 ? 'one of them spans' : `${count(this.spanRowsDropped)} of them span`;
    const list = this.droppedSpans.map(([a, z]) => `${a}–${z}`).join(', ') + (this.spanRowsDropped > this.droppedSpans.length ? ', ...' : '');
    return `${base}, ${count(lines)} lines of the file: ${which} lines ${list} (a quoted value with line breaks in it makes them one row)`;
  }

  first(kind: IssueKind): ValidationIssue | undefined {
    for (const i of this.issues.values()) if (i.kind === kind) return i;
    return undefined;
  }

  report(): ValidationReport {
    // the drop count's wording is this class's: the lines a multi-line row covered belong in it
    const dropped = this.issues.get('dropped_rows\u0000');
    if (dropped && this.rowsDropped > 0) dropped.message = this.droppedRowsMessage();
    const order: ValidationIssue['severity'][] = ['error', 'warning', 'info'];
    const issues = [...this.issues.values()].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
    const linesDropped = this.spanRowsDropped > 0 ? { linesDropped: this.linesDropped() } : {};
    return { policy: this.policy, rowsRead: this.rowsRead, rowsKept: this.rowsKept, rowsDropped: this.rowsDropped, ...linesDropped, valuesImputed: this.valuesImputed, issues };
  }
}
