// The import of one file into a cache directory, whatever its format. The worker (workers/importer.ts)
// calls this; tests call it in-process. Re-reads the file when sniffing guessed wrong: sniffed UTF-8 that
// is not (-> latin-1), an inferred column type that later rows contradict (-> the wider type), or
// slashed dates guessed month first until a day above 12 shows up (-> day first, in every format).
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import {
  ImportError, type DatasetCacheMeta, type ImportFormat, type ImportOptions, type ImportResult,
} from '../../common/dataset-cache';
import type { ColumnKind } from './column-writer';
import { DayFirstDates } from './datetime';
import { importDelimited } from './delimited';
import { ImportJob, type ImportHooks } from './job';
import { NotUtf8, readHead, readTextHead } from './text-source';
import { importBinary } from './binary-formats';
import { recordSourceFields } from './source-fields';
import { gunzipHead, isGzip, isZip, zipError } from './compressed';
import { sniffJson } from './json-sniff';
import { firstJsonByte, objectFileIsJsonLines } from './json-array';
import { spreadsheetError } from './spreadsheet-files';
import { parseRulesOf } from './parse-rules';
import { withComposedTime } from './time-parts';
import { withDateHourTime } from './date-hour-time';

export type { ImportHooks };

const EXTENSIONS: Record<string, ImportFormat> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.parquet': 'parquet', '.pq': 'parquet', '.arrow': 'arrow', '.feather': 'arrow', '.ipc': 'arrow', '.arrows': 'arrow', '.npy': 'npy',
};

/**
 * Magic bytes first (a misnamed file still imports), then the extension, then a look at the text. A gzip
 * file is judged by its decompressed start and its name without '.gz'; a ZIP/Excel file is refused. A
 * '.json' file is a JSON array or JSON Lines by its content (json-sniff.ts).
 */
export function detectFormat(path: string, head: Buffer, totalBytes = Infinity): ImportFormat {
  const file = basename(path);
  if (isZip(head)) throw zipError(path, file);
  if (isGzip(head)) {
    const inner = path.replace(/\.gz$/i, '');
    const format = detectFormat(inner === path ? `${path}.gunzipped` : inner, gunzipHead(path, 4096, totalBytes, file).head);
    if (format !== 'csv' && format !== 'tsv' && format !== 'jsonl' && format !== 'json') {
      throw new ImportError('bad_format', `${file}: a gzip-compressed ${format} file; GateLab reads gzip only around text (CSV/TSV, JSON Lines, JSON arrays). Decompress it first (gunzip ${file})`, { file });
    }
    return format;
  }
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (head.subarray(0, 6).toString('latin1') === 'ARROW1') return 'arrow';
  if (head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) return 'arrow'; // IPC stream
  if (head[0] === 0x93 && head.subarray(1, 6).toString('latin1') === 'NUMPY') return 'npy';
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return sniffJson(head, true, head.length >= totalBytes) ?? 'json';
  const byExt = EXTENSIONS[ext];
  if (byExt) return byExt;
  return sniffJson(head, false, head.length >= totalBytes) ?? 'csv';
}

function resetDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** Imports `path` into `outDir` (created; emptied first). On error, the caller removes `outDir`. */
export async function runImport(path: string, outDir: string, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportResult> {
  const file = basename(path);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ImportError('not_found', `${path}: not a regular file`, { file });
    size = st.size;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // a relative path is resolved against the current folder, which the user may not have in mind: show it
    const where = isAbsolute(path) ? '' : `; looked for ${resolve(path)}`;
    throw new ImportError('not_found', `${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}${where})`, { file });
  }
  if (size === 0) throw new ImportError('empty_file', `${file}: the file is empty`, { file });
  const head = readHead(path, 4096);
  if (isZip(head)) throw zipError(path, file);
  const spreadsheet = spreadsheetError(path, head, file);
  if (spreadsheet) throw spreadsheet;
  const job = new ImportJob(path, outDir, options, size, hooks, file);
  const format = await settleJson(job, options.format ?? detectFormat(path, head, size));
  resetDir(outDir);
  job.progress(0, 0, true);

  let meta: DatasetCacheMeta;
  try {
    // each column's header cell and field, for exported models to name the user's cells (source-fields.ts)
    if (format === 'csv' || format === 'tsv') meta = recordSourceFields(job, await runDelimited(job, format));
    else meta = await runBinary(job, format);
  } catch (e) {
    throw e instanceof NotUtf8 ? notUtf8Error(job, e) : e;
  }
  // year, month, day, hour columns, or a date and an hour number: a time column composed of them, under the
  // rules the dataset records (time-parts.ts, date-hour-time.ts; a table has at most one: parts need no datetime column)
  const rules = parseRulesOf(options);
  if (rules.timeParts) meta = withComposedTime(meta, outDir, job.validation);
  if (rules.dateHourColumns) meta = withDateHourTime(meta, outDir, job.validation, rules.endOfDayTimes);
  job.progress(size, meta.rows, true);
  const { rows, columns, validation, source } = meta;
  return {
    rows,
    columns: columns.map(({ file: _f, dictionaryFile: _d, ...info }) => info),
    validation, format, encoding: source.encoding, delimiter: source.delimiter, hasHeader: source.hasHeader,
  };
}

/**
 * JSON Lines and JSON arrays told apart by content where the name or the user's choice says one of them: a
 * JSON Lines file cannot start with '[' (so --format jsonl on an array reads the array), and a '.json' file
 * starting with '{' is JSON Lines when a second object follows the first on its own line.
 */
async function settleJson(job: ImportJob, format: ImportFormat): Promise<ImportFormat> {
  if (format !== 'json' && format !== 'jsonl') return format;
  const first = firstJsonByte(readTextHead(job.path, 4096, job.totalBytes, job.fileName).head);
  if (format === 'jsonl') return first === 0x5b ? 'json' : 'jsonl';
  try {
    return first === 0x7b && (await objectFileIsJsonLines(job)) ? 'jsonl' : 'json';
  } catch (e) {
    throw e instanceof NotUtf8 ? notUtf8Error(job, e) : e;
  }
}

function notUtf8Error(job: ImportJob, e: NotUtf8): ImportError {
  return new ImportError('bad_encoding', `${job.fileName}, near line ${e.line}: the bytes are not valid UTF-8. Choose the file's encoding (--encoding windows-1252, latin1, utf-16le, gb18030, shift_jis, euc-kr, big5) or re-save it as UTF-8`, { file: job.fileName, line: e.line });
}

async function runDelimited(job: ImportJob, format: ImportFormat): Promise<DatasetCacheMeta> {
  const forced = new Map<string, ColumnKind>();
  const notes: Array<(j: ImportJob) => void> = [];
  let windows1252 = false;
  for (let pass = 0; ; pass++) {
    try {
      const out = await importDelimited(job, format, forced, windows1252 ? { encoding: 'windows-1252', bomBytes: 0, sniffed: false } : undefined);
      if ((out.retypes.length === 0 && out.dotRereads.length === 0) || pass >= 3) return out.meta;
      // '1.444' read as 1.444 before a later cell showed the column's dots group thousands (or the reverse):
      // read again, the whole column one way (the column's own warning says which)
      for (const d of out.dotRereads) job.dotThousands.set(d.name, d.thousands);
      for (const r of out.retypes) {
        forced.set(r.name, r.kind);
        notes.push((j) => j.validation.addCounted('retyped', r.name, 1, r.reason));
      }
    } catch (e) {
      if (e instanceof DayFirstDates && !job.dayFirst.has(e.column)) {
        job.dayFirst.add(e.column);
        notes.push(dayFirstNote(e));
        resetDir(job.outDir);
        job.restart();
        for (const n of notes) n(job);
        continue;
      }
      if (!(e instanceof NotUtf8)) throw e;
      if (windows1252 || job.options.encoding) throw notUtf8Error(job, e);
      windows1252 = true;
      notes.push((j) => j.validation.addCounted('encoding_fallback', null, 1, `${job.fileName} is not valid UTF-8 (near line ${e.line}); read as Windows-1252 (Western European, what Excel on Windows saves). If its text looks wrong, import it again with --encoding naming the file's encoding (latin1, gb18030, shift_jis, euc-kr, big5)`));
    }
    resetDir(job.outDir);
    job.restart();
    for (const n of notes) n(job);
  }
}

/** JSON Lines, Parquet, Arrow: read again when a month-first date column turns out to be day first. */
async function runBinary(job: ImportJob, format: ImportFormat): Promise<DatasetCacheMeta> {
  const notes: Array<(j: ImportJob) => void> = [];
  for (;;) {
    try {
      return await importBinary(job, format);
    } catch (e) {
      if (!(e instanceof DayFirstDates) || job.dayFirst.has(e.column)) throw e;
      job.dayFirst.add(e.column);
      notes.push(dayFirstNote(e));
    }
    resetDir(job.outDir);
    job.restart();
    for (const n of notes) n(job);
  }
}

const dayFirstNote = (e: DayFirstDates) => (j: ImportJob) => j.validation.addCounted('retyped', e.column, 1,
  `column '${e.column}': the first rows allowed month-first dates, but line ${e.line} has '${e.value.slice(0, 40)}': read as day-first dates (DD/MM/YYYY)`);
