// Import of formats that deliver values rather than text to tokenize (JSON Lines, Parquet, Arrow):
// batches of columns of JS values. Types are inferred from the first rows' values, then every batch
// streams through the same column writers as CSV.
import { basename } from 'node:path';
import {
  ImportError, type ColumnType, type DatasetCacheMeta, type ImportFormat, type SourceDescription,
} from '../../common/dataset-cache';
import type { ColumnPlan } from './column-writer';
import { withFormattedNumbers } from './formatted-number';
import { withDateOrder } from './date-order';
import { inferKind, planFor, withDayFirst, type InferRules } from './infer';
import type { ImportJob } from './job';
import { TableWriter } from './table-writer';
import { parseRulesOf, retypedNow, withExcelDatesRule, withLaterRules } from './parse-rules';
import { missingCellsUnder } from './missing-cell-bytes';
import { didYouMean } from '../../common/text/did-you-mean';

export interface RecordBatch {
  /** Column names present in this batch. */
  names: string[];
  /** Column-major values; `undefined` means the field is absent in that row, `null` that it is missing. */
  columns: ArrayLike<unknown>[];
  rows: number;
  /** Line (JSON Lines) or row number (1-based) of the batch's first row, for messages. */
  firstLine: number;
  /** Lines of each row when they are not consecutive (JSON Lines with blank lines). */
  lines?: number[];
  /** Source bytes consumed after this batch, for progress. */
  bytes: number;
}

const SAMPLE_ROWS = 1000;

const asText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' ? String(v)
    : v instanceof Date ? v.toISOString() : JSON.stringify(v) ?? '';

const isNumberArray = (v: unknown): v is ArrayLike<number> =>
  ArrayBuffer.isView(v) ? !(v instanceof DataView) : Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null);

/** The plan for one column from sample JS values. */
export function inferValues(name: string, values: unknown[], userType?: ColumnType, rules?: InferRules): ColumnPlan {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (userType) {
    const plan = planFor(name, userType, present.map(asText));
    if (userType === 'vector' && present.length && isNumberArray(present[0])) plan.dim = present[0].length;
    return plan;
  }
  if (present.length === 0) return { name, kind: 'string', dtype: 'int32' };
  if (present.every((v) => v instanceof Date)) return { name, kind: 'datetime', dtype: 'float64', dateFormat: 'iso' };
  if (present.every((v) => typeof v === 'boolean')) return { name, kind: 'boolean', dtype: 'int32' };
  if (present.every(isNumberArray)) {
    const dims = new Set(present.map((v) => (v as ArrayLike<number>).length));
    if (dims.size === 1) return { name, kind: 'vector', dtype: 'float32', dim: [...dims][0] };
    return { name, kind: 'string', dtype: 'int32' };
  }
  if (present.some((v) => typeof v === 'object')) return { name, kind: 'string', dtype: 'int32' };
  return inferKind(name, present.map(asText), undefined, rules);
}

export async function importRecords(
  job: ImportJob, format: ImportFormat, batches: AsyncIterable<RecordBatch>, source: Partial<SourceDescription> = {},
): Promise<DatasetCacheMeta> {
  const file = basename(job.path);
  const iterator = batches[Symbol.asyncIterator]();
  const buffered: RecordBatch[] = [];
  let sampled = 0;
  while (sampled < SAMPLE_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
    sampled += next.value.rows;
  }
  const names: string[] = [];
  for (const b of buffered) for (const n of b.names) if (!names.includes(n)) names.push(n);
  if (sampled === 0 || names.length === 0) throw new ImportError('no_rows', `${file}: no rows`, { file });
  for (const t of Object.keys(job.options.columnTypes ?? {})) {
    if (!names.includes(t)) throw new ImportError('bad_format', `${file}: a type was given for column '${t}', which is not in the file${didYouMean(t, names)} (columns: ${names.slice(0, 20).join(', ')})`, { file, column: t });
  }
  const rules = parseRulesOf(job.options), retyped = retypedNow(job.options);
  const plans = names.map((name) => {
    const values: unknown[] = [];
    for (const b of buffered) {
      const i = b.names.indexOf(name);
      for (let r = 0; r < b.rows && values.length < SAMPLE_ROWS; r++) values.push(i < 0 ? undefined : b.columns[i][r]);
    }
    const plan = withDateOrder(withDayFirst(withLaterRules(withExcelDatesRule(inferValues(name, values, job.options.columnTypes?.[name], rules), rules, retyped), rules, retyped), job.dayFirst), job.options.dateOrder);
    // strings such as "$14.05" or "77%" (numbers stay numbers; a mix of both is not re-read)
    const present = values.filter((v) => v !== null && v !== undefined);
    return present.every((v) => typeof v === 'string') ? withFormattedNumbers(plan, present as string[], ',') : plan;
  });
  const table = new TableWriter(plans, { dir: job.outDir, file, policy: job.policy, validation: job.validation, text: (b, s, e) => b.toString('utf8', s, e), missingCells: missingCellsUnder(rules.pandasMissingCells) }, job.options.target);
  const cols = table.columns;

  const consume = (b: RecordBatch) => {
    const index = cols.map((c) => b.names.indexOf(c.plan.name));
    const extra = b.names.map((n, i) => (names.includes(n) ? -1 : i)).filter((i) => i >= 0);
    for (let r = 0; r < b.rows; r++) {
      const line = b.lines?.[r] ?? b.firstLine + r;
      const unknown = extra.find((i) => b.columns[i][r] !== undefined);
      if (unknown !== undefined) {
        const field = b.names[unknown];
        job.validation.add('ragged_row', null, line, field, () => `rows with fields that the first ${SAMPLE_ROWS} rows do not have (ignored under 'impute')`);
        if (job.policy === 'reject') {
          throw new ImportError('ragged_row', `${file}, line ${line}: field '${field}' does not appear in the first ${SAMPLE_ROWS} rows (columns: ${names.slice(0, 20).join(', ')}). Import with onInvalid 'drop' to drop such rows or 'impute' to ignore the field`, { file, line, column: field });
        }
        if (job.policy === 'drop') { table.dropRow(line); continue; }
      }
      for (let c = 0; c < cols.length; c++) cols[c].putValue(index[c] < 0 ? undefined : b.columns[index[c]][r], line);
      table.endRow(line);
    }
    job.progress(b.bytes, table.rows);
  };
  try {
    for (const b of buffered) consume(b);
    for (;;) {
      job.checkCancelled();
      const next = await iterator.next();
      if (next.done) break;
      consume(next.value);
    }
  } catch (e) {
    await iterator.return?.(); // closes the source file (the importer may read it again)
    throw e;
  }
  if (job.validation.rowsRead === 0) throw new ImportError('no_rows', `${file}: no rows`, { file });
  return table.finish({ fileName: file, bytes: job.totalBytes, format, encoding: 'utf-8', ...source });
}
