// Rows in, columns out: owns one ColumnWriter per column, decides per row whether it is kept
// (policy drop/impute, missing target), and at the end writes meta.json with stats and the report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CACHE_FORMAT, CACHE_VERSION, ImportError, META_FILE, bytesPerElement, columnFileName,
  type CachedColumn, type DatasetCacheMeta, type SourceDescription,
} from '../../common/dataset-cache';
import { BooleanColumn, StringColumn } from './coded-column';
import type { ColumnContext, ColumnKind, ColumnPlan, ColumnWriter } from './column-writer';
import { isDecimalCommaNumber } from './decimal-comma';
import { FORMATTED_HINT } from './formatted-number';
import { DatetimeColumn } from './datetime-column';
import { DATETIME_FORMS } from './datetime';
import { NumberColumn } from './number-column';
import { warnMissingCodes } from './missing-codes-warning';
import { noteLongFormat, softenTimeWarnings } from './table-shape';
import { seriesPerTime } from './repeats-per-time';
import { noteTextColumns } from './text-column-hints';
import { noteHeaderlessUnixSeconds } from './headerless-unix-seconds';
import { VectorColumn } from './vector-column';
import { emptyColumnMessage } from './trailing-empty-columns';
import { didYouMean } from '../../common/text/did-you-mean';

/** Memory for column buffers in total; each column flushes to its file when its share fills. */
const BUFFER_BUDGET = 8 * 1024 * 1024;
export const MAX_COLUMNS = 20_000;

/** A column whose inferred kind met values it cannot hold; the importer re-reads it as `kind`. */
export interface Retype {
  name: string;
  kind: ColumnKind;
  reason: string;
}

export class TableWriter {
  readonly columns: ColumnWriter[];
  private readonly target: ColumnWriter | null;
  private readonly userTyped: ColumnWriter[];

  constructor(plans: ColumnPlan[], private readonly ctx: ColumnContext, target?: string) {
    if (plans.length > MAX_COLUMNS) {
      throw new ImportError('too_many_columns', `${ctx.file}: ${plans.length} columns; GateLab imports at most ${MAX_COLUMNS}. For a wide numeric matrix (embeddings), save it as a .npy file of shape [rows, 1, dim] (numpy: np.save(path, x[:, None, :])): it becomes one vector column`, { file: ctx.file });
    }
    const rowBytes = plans.reduce((s, p) => s + bytesPerElement(p.dtype) * (p.dim ?? 1), 0) || 1;
    const capacity = Math.max(16, Math.min(1 << 18, Math.floor(BUFFER_BUDGET / rowBytes)));
    this.columns = plans.map((p, i) => {
      const C = p.kind === 'number' ? NumberColumn : p.kind === 'datetime' ? DatetimeColumn : p.kind === 'boolean' ? BooleanColumn : p.kind === 'vector' ? VectorColumn : StringColumn;
      return new C(p, i, ctx, capacity);
    });
    this.target = target === undefined ? null : this.columns.find((c) => c.plan.name === target) ?? null;
    if (target !== undefined && !this.target) {
      throw new ImportError('target_missing', `${ctx.file}: the target column '${target}' is not in the file${didYouMean(target, plans.map((p) => p.name))} (columns: ${plans.slice(0, 20).map((p) => p.name).join(', ')}${plans.length > 20 ? ', ...' : ''})`, { file: ctx.file, column: target });
    }
    if (this.target instanceof NumberColumn) this.target.isTarget = true;
    // dates in an order the user forced are held to it like a type: refused, never re-typed
    this.userTyped = this.columns.filter((c) => c.plan.userType !== undefined || c.plan.orderGiven);
  }

  /** All columns have staged this row's values: keep it (commit) or drop it. Returns whether kept. */
  endRow(line: number): boolean {
    const v = this.ctx.validation;
    v.rowsRead++;
    const policy = this.ctx.policy;
    if (policy === 'reject') {
      for (const c of this.userTyped) {
        if (c.unparsable > 0 && c.firstUnparsable) {
          const u = c.firstUnparsable;
          // a datetime refusal says which forms are read (with examples), so the user knows what to write instead
          const forms = c.plan.userType === 'datetime' ? `; ${DATETIME_FORMS}` : '';
          const what = c.plan.userType ? `a valid ${c.plan.userType} value (the column was set to ${c.plan.userType}${forms})` : `a date in the order set with --date-order (${c.plan.dateFormat === 'ymd-slash' ? 'ymd: YYYY/MM/DD' : c.plan.dateFormat === 'mdy' ? 'mdy: MM/DD/YYYY' : 'dmy: DD/MM/YYYY'})`;
          throw new ImportError('unparsable', `${this.ctx.file}, line ${u.line}, column '${c.plan.name}': '${u.value.slice(0, 80)}' is not ${what}${decimalCommaHint(c.plan, u.value)}. Fix the value, choose another ${c.plan.userType ? 'type' : 'date order'}, or import with onInvalid 'drop' or 'impute'`, { file: this.ctx.file, line: u.line, column: c.plan.name });
        }
      }
    }
    let drop = false;
    if (this.target?.missing) {
      // an infinite target is counted once, by the column's nan_inf issue, which says what became of its row
      if (!(this.target instanceof NumberColumn && this.target.stagedInfinite)) v.add('target_missing', this.target.plan.name, line, '', () => `target '${this.target!.plan.name}': rows without a target value${policy === 'reject' ? '' : ' (dropped)'}`);
      if (policy !== 'reject') drop = true;
    }
    if (policy === 'drop' && !drop) {
      for (const c of this.columns) if (c.bad) { drop = true; break; }
    }
    if (drop) {
      v.rowsDropped++;
      v.droppedLines(line, line); // a text reader widens it to the row's last line
      return false;
    }
    for (const c of this.columns) c.commit();
    v.rowsKept++;
    return true;
  }

  /**
   * A row that never reached the columns (ragged, under 'drop'), starting on `line` of the file when the
   * reader knows it (then the report can name every dropped line).
   */
  dropRow(line?: number): void {
    this.ctx.validation.rowsRead++;
    this.ctx.validation.rowsDropped++;
    if (line !== undefined) this.ctx.validation.droppedLines(line, line);
  }

  get rows(): number {
    return this.ctx.validation.rowsKept;
  }

  /** Inferred columns that met values of another kind, and what to re-read them as. */
  retypes(): Retype[] {
    const out: Retype[] = [];
    for (const c of this.columns) {
      if (c.plan.userType !== undefined || c.plan.orderGiven || c.unparsable === 0 || c.plan.kind === 'string') continue;
      const kind: ColumnKind = c.plan.kind === 'boolean' && c.unparsableAllNumeric ? 'number' : 'string';
      const u = c.firstUnparsable!;
      const zero = c instanceof NumberColumn ? c.leadingZeroAt : null;
      if (zero) {
        out.push({ name: c.plan.name, kind: 'string', reason: `column '${c.plan.name}' looked like whole numbers in the first rows, but line ${zero.line} has '${zero.value.slice(0, 40)}': a leading zero means a code (zip, FIPS, product code), so it is read as categorical, keeping the zeros (set its type to int to override)` });
        continue;
      }
      out.push({ name: c.plan.name, kind, reason: `column '${c.plan.name}' looked like ${c.plan.kind} in the first rows, but line ${u.line} has '${u.value.slice(0, 80)}': read as ${kind === 'number' ? 'numbers' : 'text/categories'} (set its type to override)` });
    }
    return out;
  }

  finish(source: SourceDescription): DatasetCacheMeta {
    const v = this.ctx.validation;
    if (v.rowsDropped > 0) v.addCounted('dropped_rows', null, v.rowsDropped, v.droppedRowsMessage());
    // Text files leave the number format to the importer's choice, recorded per column; other sources store
    // numbers as numbers, unless they wrote them as text ({"x": "3.5"}): then the choice is recorded too.
    const delimited = source.format === 'csv' || source.format === 'tsv';
    const columns: CachedColumn[] = this.columns.map((c, i) => {
      const col = c.finish();
      col.file = columnFileName(i);
      if (c instanceof NumberColumn && (delimited || c.readNumbersFromText) && (col.type === 'int' || col.type === 'float')) col.numberFormat = c.numberFormat();
      const s = col.stats;
      if (this.rows > 1 && s.count > 1 && (s.cardinality === 1 || (s.cardinality === null && s.min === s.max && col.dim === 1))) {
        v.addCounted('constant_column', col.name, s.count, constantColumnMessage(col.name, s.missing));
      }
      if (c.plan.note && c.plan.userType === undefined) v.addCounted('note', col.name, s.count, c.plan.note, 'inferred');
      if (s.missing > 0 && col.type !== 'vector') v.addCounted('missing', col.name, s.missing, missingMessage(col.name, s.missing));
      return col;
    });
    // one warning for every column's codes for a missing reading (Air Quality's -200 in nine columns)
    warnMissingCodes(v, this.columns.flatMap((c) => (c instanceof NumberColumn ? c.missingCodes() ?? [] : [])), this.ctx.file, this.ctx.reading);
    // after every column is finished: whether the columns after an empty one are empty too (a trailing delimiter)
    const names = columns.map((c) => c.name), isEmpty = (i: number) => columns[i].stats.count === 0;
    columns.forEach((col, i) => { if (isEmpty(i) && this.rows > 0) v.addCounted('empty_column', col.name, this.rows, emptyColumnMessage(names, i, isEmpty, this.ctx.reading)); });
    softenTimeWarnings(columns, this.columns.map((c) => c.plan), v, this.columns.map((c) => (c instanceof NumberColumn ? c.distinctValues : null)));
    this.columns.forEach((c) => { if (c instanceof DatetimeColumn && c.repeatsPerTime) noteLongFormat(columns, c.plan.name, seriesPerTime(c.repeatsPerTime, columns, c.plan.name), v); });
    noteTextColumns(this.ctx.dir, columns, this.columns.map((c) => c.plan), v);
    noteHeaderlessUnixSeconds(columns, source.hasHeader, v);
    const meta: DatasetCacheMeta = {
      format: CACHE_FORMAT, version: CACHE_VERSION, rows: this.rows, columns, source,
      validation: v.report(), createdAt: new Date().toISOString(),
    };
    writeFileSync(join(this.ctx.dir, META_FILE), JSON.stringify(meta));
    return meta;
  }
}

/**
 * A column with one value: with empty rows too, that value is not in "every row", and whether a row is
 * empty may itself tell something (a note written only for some rows), so the message says how many are.
 */
export function constantColumnMessage(name: string, missing: number): string {
  if (missing === 0) return `column '${name}' has the same value in every row; it carries no information`;
  return `column '${name}' has the same value in every non-empty row (${missing.toLocaleString('en-US')} empty); only whether a row is empty can carry information`;
}

/** "column 'x': 1 missing value", "column 'x': 20,000 missing values" (as the schema table counts them). */
export function missingMessage(name: string, missing: number): string {
  return `column '${name}': ${missing.toLocaleString('en-US')} missing value${missing === 1 ? '' : 's'}`;
}

/** Why a number was refused and what is read: a decimal comma only where it cannot be a thousands separator; formatted numbers. */
function decimalCommaHint(plan: ColumnPlan, value: string): string {
  if (plan.kind !== 'number') return '';
  if (plan.decimalComma || !isDecimalCommaNumber(value)) return FORMATTED_HINT;
  return `; it looks like a number with a decimal comma, which GateLab reads only in files separated by ';' or tabs (in a comma-separated file '1,234' may mean a thousand): save the file with ';' as the separator, or with '.' as the decimal point`;
}
