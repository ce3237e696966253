// The record handling JSON Lines and JSON arrays share: each record's text parsed (64-bit integers kept
// exact), anything but an object refused or dropped by the policy, records gathered into column-major
// batches for importRecords, and a note for fields that hold objects (kept whole, as their JSON text).
import { ImportError } from '../../common/dataset-cache';
import { quoteUnsafeIntegers } from './exact-integers';
import type { ImportJob } from './job';
import type { RecordBatch } from './records';

export const BATCH_ROWS = 4096;

/** How the format names one record in messages, and how pandas reads the file (for the nested-object note). */
export interface RecordUnit {
  /** 'line' (JSON Lines) or 'array item' (JSON array). */
  noun: string;
  /** 'pd.read_json(f, lines=True)' */
  pandasRead: string;
}

/** Keys listed in the nested-object note; a field with more says "…". */
const NOTE_KEYS = 6;

export class JsonRecords {
  private rows: Record<string, unknown>[] = [];
  private lines: number[] = [];
  /** Fields whose values are objects: how many rows, and the first keys seen. */
  private readonly nested = new Map<string, { rows: number; keys: Set<string> }>();

  constructor(private readonly job: ImportJob, private readonly unit: RecordUnit) {}

  get full(): boolean {
    return this.rows.length >= BATCH_ROWS;
  }

  get pending(): number {
    return this.rows.length;
  }

  /** One record's JSON text, which starts on line `at`. */
  take(text: string, at: number): void {
    const t = text.trim();
    if (t === '') return;
    const { job, unit } = this;
    let v: unknown, why = '';
    try { v = JSON.parse(quoteUnsafeIntegers(t)); } catch (e) { why = `not valid JSON (${(e as Error).message})`; }
    if (!why && (typeof v !== 'object' || v === null || Array.isArray(v))) why = 'expected a JSON object ({"column": value, ...})';
    if (why) {
      job.validation.add('unparsable', null, at, t, () => `${unit.noun}s that are not JSON objects`);
      if (job.policy === 'reject') {
        // "Fix the line" for both: the app rewrites these words into its own button's (renderer/lib/ui-hints.ts)
        const where = unit.noun === 'line' ? `line ${at}` : `line ${at} (an ${unit.noun})`;
        throw new ImportError('unparsable', `${job.fileName}, ${where}: ${why}. Fix the line, or import with onInvalid 'drop'`, { file: job.fileName, line: at });
      }
      job.validation.rowsRead++;
      job.validation.rowsDropped++;
      return;
    }
    const record = v as Record<string, unknown>;
    for (const k in record) {
      const x = record[k];
      if (typeof x !== 'object' || x === null || Array.isArray(x)) continue;
      const seen = this.nested.get(k) ?? { rows: 0, keys: new Set<string>() };
      seen.rows++;
      for (const key in x) { if (seen.keys.size > NOTE_KEYS) break; seen.keys.add(key); }
      this.nested.set(k, seen);
    }
    this.rows.push(record);
    this.lines.push(at);
  }

  /** The records taken since the last flush as a batch; `bytes`: source bytes read so far. */
  flush(bytes: number, line: number): RecordBatch {
    const { rows, lines } = this;
    const names: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) for (const k in r) if (!seen.has(k)) { seen.add(k); names.push(k); }
    const columns = names.map((n) => rows.map((r) => r[n]));
    this.rows = []; this.lines = [];
    return { names, columns, rows: rows.length, firstLine: lines[0] ?? line, lines, bytes };
  }

  /**
   * Says which fields hold objects: they are kept whole, one column of their JSON text, which a model can
   * only use as opaque categories. Flattening them is the user's call (a different set of columns), so the
   * note says how. Added once the file is read, before the table is finished.
   */
  noteNested(): void {
    for (const [field, { rows, keys }] of this.nested) {
      const list = [...keys].slice(0, NOTE_KEYS);
      const more = keys.size > NOTE_KEYS ? ', …' : '';
      const example = list.slice(0, 2).map((k) => `${field}.${k}`).join(', ');
      this.job.validation.addCounted('note', field, rows,
        `column '${field}': its values are JSON objects (keys ${list.join(', ')}${more}), kept whole as one column of their JSON text. `
        + `For a column per key (${example}), flatten the file and import that, e.g. in pandas: `
        + `pd.json_normalize(${this.unit.pandasRead}.to_dict('records')).to_csv('flat.csv', index=False)`, 'nested');
    }
  }
}
