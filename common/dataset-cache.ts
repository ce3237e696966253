// The columnar dataset cache: what an import leaves on disk and what both the lab and the trainer read.
// Pure TypeScript (no node:*): types, the on-disk layout, and decoding helpers over raw bytes.
//
// Layout of a cache directory:
//   meta.json            DatasetCacheMeta (schema, stats, validation report, source description)
//   c0000.bin ...        one raw little-endian array per column (dtype in meta): Float32/Float64 values,
//                        Int32 codes (-1 = missing) for categorical/text/boolean, Float32 [rows*dim] for vectors
//   c0000.dict.json ...  the dictionary (JSON array of strings) of a coded column: code i -> dictionary[i]

import type { LongFormatReading } from './data/long-format-reading';

export type ColumnType = 'int' | 'float' | 'categorical' | 'boolean' | 'datetime' | 'text' | 'vector';
export type ColumnDtype = 'float32' | 'float64' | 'int32';
/** 'json': a JSON array of records ([{...}, ...]); 'jsonl': JSON Lines, one object per line. */
export type ImportFormat = 'csv' | 'tsv' | 'jsonl' | 'json' | 'parquet' | 'arrow' | 'npy';
/**
 * How a text file's bytes are read. 'latin1' is strict ISO-8859-1 (0x80-0x9F are C1 controls), as datasets
 * recorded before windows-1252 existed read; 'windows-1252' is what Excel on Windows saves in Western Europe
 * (0x80 is the euro sign, 0x84/0x93/0x94 curly quotes). gb18030 (GBK), shift_jis (cp932), euc-kr and big5
 * are the Chinese, Japanese and Korean legacy encodings.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'windows-1252' | 'gb18030' | 'shift_jis' | 'euc-kr' | 'big5';
export type InvalidPolicy = 'reject' | 'drop' | 'impute';

export const CACHE_FORMAT = 'gatelab-columns';
export const CACHE_VERSION = 1;
/** Code of a missing value in an Int32 coded column. */
export const MISSING_CODE = -1;

export interface Histogram {
  /** Bin edges (length counts+1) for numbers and datetimes (epoch seconds). */
  edges?: number[];
  /** Category labels (the top values) for coded columns; counts[i] belongs to labels[i]. */
  labels?: string[];
  counts: number[];
}

export interface ColumnStats {
  /** Rows with a usable value (not missing, not NaN/Inf). */
  count: number;
  /** Rows with no value (empty, NA, null, NaN); infinities are not missing: the `nan_inf` issue reports them. */
  missing: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  /** Distinct values of a coded column (categorical/text/boolean); null for numbers. */
  cardinality: number | null;
  /** The most frequent values of a coded column, most frequent first. */
  topValues: { value: string; count: number }[] | null;
  histogram: Histogram | null;
  /** A coded column whose values hold '|'-separated lists: its tokens as the multi-hot role reads them (absent otherwise). */
  listTokens?: ListTokenStats;
  /**
   * A number column's values as the trainer reads them (the stored values, finite ones only): absent in
   * datasets imported before the importer counted them, and for every other kind of column.
   */
  numbers?: NumberValueStats;
  /**
   * A boolean column: the words the file wrote for false (code 0) and true (code 1), each its most frequent
   * spelling ('no'/'yes', 'N'/'Y', '0'/'1', 'False'/'True'). The dictionary stays ['false', 'true'] (code
   * readers rely on it); a label's messages name these instead (common/models/label-words.ts). Absent for
   * a value no row holds, and in datasets imported before the importer kept them.
   */
  booleanWords?: { false?: string; true?: string };
}

/** Distinct values of a number column are counted exactly up to this many; above it, only "more". */
export const NUMBER_DISTINCT_CAP = 1000;

/** A number column's distinct count as the lab shows it: '3', '1,000', or '1,000+' above the cap. */
export function numberDistinctText(distinct: number): string {
  return distinct > NUMBER_DISTINCT_CAP ? `${NUMBER_DISTINCT_CAP.toLocaleString('en-US')}+` : distinct.toLocaleString('en-US');
}

/**
 * The facts of a number column that decide whether a fusion target is classified or regressed
 * (common/models/regression-reading.ts autoRegresses), counted by the importer over the stored values.
 */
export interface NumberValueStats {
  /** Distinct finite values, exact up to NUMBER_DISTINCT_CAP; NUMBER_DISTINCT_CAP + 1 means "more than that". */
  distinct: number;
  /** Whether any stored value has a fraction (an imputed mean counts: the trainer reads it too). */
  fractions: boolean;
}

/** The tokens of a column of '|'-separated lists ('Action|Comedy'), trimmed, empty ones dropped, each counted once per row. */
export interface ListTokenStats {
  separator: '|';
  /** Distinct tokens: the multi-hot role's vocabulary before its minimum count. */
  distinct: number;
  /** Tokens per row with a value: mean and most. */
  meanPerRow: number;
  maxPerRow: number;
}

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  dtype: ColumnDtype;
  /** Elements per row: 1, or the vector length for 'vector'. */
  dim: number;
  stats: ColumnStats;
}

export type IssueKind =
  | 'ragged_row' | 'unparsable' | 'nan_inf' | 'missing' | 'empty_column' | 'constant_column'
  | 'duplicate_time' | 'unsorted_time' | 'target_missing' | 'retyped' | 'encoding_fallback'
  | 'dropped_rows' | 'imputed' | 'time_gaps' | 'note';

export interface IssueExample {
  /** 1-based line of the source file (row number for binary formats). */
  line: number;
  column: string | null;
  value: string;
}

export interface ValidationIssue {
  kind: IssueKind;
  severity: 'error' | 'warning' | 'info';
  column: string | null;
  count: number;
  message: string;
  /** The first few occurrences. */
  examples: IssueExample[];
}

export interface ValidationReport {
  policy: InvalidPolicy;
  rowsRead: number;
  rowsKept: number;
  rowsDropped: number;
  /**
   * Lines of the file the dropped rows covered, when some of them ran over several lines (a quoted value
   * with line breaks, or a stray quote that joined lines, makes them one row); absent when every dropped
   * row was one line (or the import predates it): then it equals rowsDropped.
   */
  linesDropped?: number;
  /** Values replaced by the column mean / most frequent value under the 'impute' policy. */
  valuesImputed: number;
  issues: ValidationIssue[];
  /**
   * The long-format layouts the import recognised, one per datetime column whose repeated times read as
   * stacked series ([]: none). Absent in datasets imported before the importer recorded them: the reader
   * (common/data/forecasting-rows.ts longLayout) then falls back on the import's note, as it did before.
   */
  longFormat?: LongFormatReading[];
}

export interface SourceDescription {
  fileName: string;
  bytes: number;
  format: ImportFormat;
  encoding: TextEncoding;
  /** 'whitespace': runs of spaces/tabs separate the fields (leading and trailing ones ignored). */
  delimiter?: string;
  hasHeader?: boolean;
  /** Lines before the header (or first row) that are not table: Excel's 'sep=;' and '#' comments. Absent: none. */
  preambleLines?: number;
  /** True: the spaces after each delimiter were not read as part of the value (', ' of UCI adult). Absent: they were. */
  skipInitialSpace?: boolean;
  /** True: the file starts with a byte order mark (skipped, not part of the first cell). Absent: none, or imported before it was recorded. */
  bom?: boolean;
}

/**
 * How the importer read a number column's text cells (CSV/TSV, and numbers a JSON Lines or Parquet file
 * wrote as text). decimal ',': a cell with a comma has the dots before it removed and the comma read as the
 * decimal point ('1.444,72' → 1444.72); a cell without one is a plain number ('1.870' → 1.87), unless
 * `dotsWithoutComma` is 'thousands'. decimal '.': '.' is the decimal point and commas group thousands.
 */
export interface NumberFormat {
  decimal: ',' | '.';
  thousands: '.' | ',';
  /**
   * 'thousands': a cell without a comma has its '.' read as a thousands separator ('1.444' → 1444), as the
   * column's other cells, or its file's decimal commas, say (workers/import/dot-reading.ts). Absent: such a
   * cell is a plain number.
   */
  dotsWithoutComma?: 'thousands';
  /**
   * True: the column's cells were written as percentages ('13.56%'), read with the '%' removed and the number
   * kept as written (13.56, not 0.1356; workers/import/formatted-number.ts). Absent: no '%' was read, or the
   * dataset was imported before it was recorded.
   */
  percent?: true;
}

export interface CachedColumn extends ColumnInfo {
  file: string;
  /**
   * A datetime column the importer added, composed of the file's columns of these names: int year, month, day,
   * hour, minute (workers/import/time-parts.ts), or a date and an hour number (workers/import/date-hour-time.ts);
   * the lab starts them with the role ignore. Absent otherwise.
   */
  timeParts?: string[];
  dictionaryFile?: string;
  /**
   * An int/float column read from text: the number format the importer chose for it (workers/import/number-column.ts),
   * for every CSV/TSV number column and for JSON Lines/Parquet columns whose numbers came as text ("3.5").
   * Absent for numbers stored as numbers and in caches written before it was recorded.
   */
  numberFormat?: NumberFormat;
  /**
   * A CSV/TSV column: where its cells are in the file (workers/import/source-fields.ts). `name` can differ from
   * the header: the importer trims names, names an empty header cell `column_N` and renames a repeated one
   * `name_2`. Absent for other sources (read by key or field name) and in caches written before it was recorded.
   */
  sourceField?: SourceField;
}

/** A column's place in a CSV/TSV file: its header cell as written (null: the file has no header row) and 0-based field index. */
export interface SourceField {
  header: string | null;
  index: number;
}

export interface DatasetCacheMeta {
  format: typeof CACHE_FORMAT;
  version: number;
  rows: number;
  columns: CachedColumn[];
  source: SourceDescription;
  validation: ValidationReport;
  createdAt: string;
}

export const META_FILE = 'meta.json';
export const columnFileName = (index: number) => `c${String(index).padStart(4, '0')}.bin`;
export const dictionaryFileName = (index: number) => `c${String(index).padStart(4, '0')}.dict.json`;
export const isCodedType = (t: ColumnType) => t === 'categorical' || t === 'text' || t === 'boolean';
export const bytesPerElement = (d: ColumnDtype) => (d === 'float64' ? 8 : 4);

export type ColumnValues = Float32Array | Float64Array | Int32Array;

/** Parses and checks meta.json text; throws with the reason when it is not a cache this version reads. */
export function parseCacheMeta(text: string, where = META_FILE): DatasetCacheMeta {
  let meta: DatasetCacheMeta;
  try {
    meta = JSON.parse(text) as DatasetCacheMeta;
  } catch (e) {
    throw new Error(`${where}: not valid JSON (${(e as Error).message}); re-import the dataset`);
  }
  if (meta?.format !== CACHE_FORMAT) throw new Error(`${where}: not a GateLab column cache; re-import the dataset`);
  if (meta.version > CACHE_VERSION) {
    throw new Error(`${where}: cache version ${meta.version} was written by a newer GateLab (this one reads ${CACHE_VERSION})`);
  }
  return meta;
}

/**
 * Views raw little-endian bytes of one column as its typed array. Copies only when the bytes are not
 * aligned for the element size (small Node buffers come from a shared pool at arbitrary offsets).
 */
export function decodeColumn(column: CachedColumn, bytes: Uint8Array, rows: number): ColumnValues {
  const size = bytesPerElement(column.dtype);
  const expected = rows * column.dim * size;
  if (bytes.byteLength !== expected) {
    throw new Error(`${column.file} (column '${column.name}'): ${bytes.byteLength} bytes, expected ${expected} (${rows} rows x ${column.dim} x ${size}); the cache is damaged, re-import the dataset`);
  }
  let buf = bytes.buffer as ArrayBuffer;
  let offset = bytes.byteOffset;
  if (offset % size !== 0) {
    buf = bytes.slice().buffer as ArrayBuffer;
    offset = 0;
  }
  const n = rows * column.dim;
  if (column.dtype === 'float32') return new Float32Array(buf, offset, n);
  if (column.dtype === 'float64') return new Float64Array(buf, offset, n);
  return new Int32Array(buf, offset, n);
}

/** Parses a dictionary file's text (a JSON array of strings). */
export function decodeDictionary(text: string, where: string): string[] {
  const d = JSON.parse(text) as unknown;
  if (!Array.isArray(d)) throw new Error(`${where}: dictionary is not a JSON array; re-import the dataset`);
  return d as string[];
}

/**
 * How a reader reaches a cache directory's files (node:fs in the lab and the trainer; this module stays
 * free of node:*). `where` names a file for messages.
 */
export interface CacheFiles {
  readText(file: string): string;
  readBytes(file: string): Uint8Array;
  where(file: string): string;
}

/** The cache's meta.json, with a message the user can act on when it cannot be read. */
export function readCacheMeta(files: CacheFiles): DatasetCacheMeta {
  let text: string;
  try {
    text = files.readText(META_FILE);
  } catch (e) {
    const reason = (e as { code?: string }).code ?? (e as Error).message;
    throw new Error(`${files.where(META_FILE)}: cannot read the dataset cache (${reason}); re-import the dataset`);
  }
  return parseCacheMeta(text, files.where(META_FILE));
}

/** One column's values and (for coded columns) its dictionary, read and decoded. */
export function readCachedColumn(files: CacheFiles, meta: DatasetCacheMeta, info: CachedColumn): { values: ColumnValues; dictionary: string[] | null } {
  const values = decodeColumn(info, files.readBytes(info.file), meta.rows);
  const dictionary = info.dictionaryFile ? decodeDictionary(files.readText(info.dictionaryFile), files.where(info.dictionaryFile)) : null;
  return { values, dictionary };
}

/** An import that failed for a reason the user can act on. `code` is stable for programs. */
export type ImportErrorCode =
  | 'not_found' | 'empty_file' | 'no_rows' | 'ragged_row' | 'unclosed_quote' | 'unparsable'
  | 'bad_encoding' | 'binary_file' | 'bad_format' | 'too_many_columns' | 'row_too_large'
  | 'target_missing' | 'cancelled' | 'internal';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  constructor(code: ImportErrorCode, message: string, where: { file: string; line?: number | null; column?: string | null }) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.file = where.file;
    this.line = where.line ?? null;
    this.column = where.column ?? null;
  }
}

export { parseRulesWith, PARSE_RULE_NAMES, type ParseRules } from './parse-rules';

/** What the user may say about a file; everything left out is sniffed. */
export interface ImportOptions {
  format?: ImportFormat;
  encoding?: TextEncoding;
  /**
   * One character: ',', ';', '\t', '|' (sniffed among these when absent) or any other single character, a few
   * printable ones ('::'), or 'whitespace': fields separated by runs of spaces/tabs (whitespace-columns.ts).
   */
  delimiter?: string;
  /** Whether the first row names the columns (sniffed when absent). */
  header?: boolean;
  /** How to read slashed dates such as 01/07/2016: day first, month first, or year first (inferred when absent). */
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** Force a column's type by name (or `column_<n>`, 1-based, when the file has no header). */
  columnTypes?: Record<string, ColumnType>;
  /** What to do with invalid rows/values; default 'reject' (see README, 'Importing data'). */
  onInvalid?: InvalidPolicy;
  /** A target column: rows where it is missing are reported ('target_missing'). */
  target?: string;
  name?: string;
  /**
   * Columns whose type this parse sets anew (the lab's type change, main/lab/datasets/retype.ts): read under
   * every reading rule, while the other columns keep the rules the dataset was imported under (parseRules).
   */
  retypedColumns?: string[];
}

export interface ImportResult {
  rows: number;
  columns: ColumnInfo[];
  validation: ValidationReport;
  format: ImportFormat;
  encoding: TextEncoding;
  delimiter?: string;
  hasHeader?: boolean;
}

export interface ImportProgressEvent {
  bytes: number;
  totalBytes: number;
  rows: number;
  etaSeconds: number | null;
}

/** The importer worker protocol (main <-> workers/importer.ts). */
export interface ImporterRequest {
  sourcePath: string;
  /** A fresh directory the worker fills; the caller renames it into place on success. */
  outDir: string;
  options: ImportOptions;
}
export type ImporterMessage =
  | { type: 'progress'; bytes: number; totalBytes: number; rows: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; code: ImportErrorCode; message: string; file: string; line: number | null; column: string | null };
