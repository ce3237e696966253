// Where each column of a CSV/TSV dataset is in its file: the header cell as written and its 0-based field,
// recorded in the cache meta. An exported model names its columns by the lab's names, which differ from the
// file's header where the importer changed one (trimmed, `column_N` for an empty cell, `category_2` for a
// repeated name: sniff.ts columnNames); with this, the export can also say which cell of the user's file
// each feature reads (main/lab/runs/export-source-fields.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { META_FILE, type DatasetCacheMeta, type SourceDescription, type SourceField } from '../../common/dataset-cache';
import type { ImportJob } from './job';
import { columnNames, sampleRows } from './sniff';
import { asciiCompatible, guessEncoding, readTextHead, textDecoderFor } from './text-source';

/** As much of the file as the sniff reads: a header row the import could read fits in it. */
const HEADER_BYTES = 1024 * 1024;

/**
 * Each column's field, when `names` are what columnNames makes of `header` (null: the file has no header
 * row): the importer keeps the file's order, so column i is field i. Null when they are not (then nothing is
 * recorded rather than a guess).
 */
export function sourceFields(header: readonly string[] | null, names: readonly string[]): SourceField[] | null {
  if (header && header.length !== names.length) return null;
  const expected = columnNames(header ? [...header] : null, names.length);
  if (expected.some((n, i) => n !== names[i])) return null;
  return names.map((_, index) => ({ header: header ? header[index] : null, index }));
}

/** The file's first row read as the import read it: the same encoding (a BOM skipped), delimiter and quoting. */
export function firstRow(path: string, totalBytes: number, file: string, source: SourceDescription): string[] | null {
  if (source.delimiter === undefined) return null;
  const { head, whole } = readTextHead(path, HEADER_BYTES, totalBytes, file);
  const guess = guessEncoding(head, file, source.encoding);
  // the import transcodes UTF-16, Windows-1252 and CJK text to UTF-8 before tokenizing (delimited.ts)
  const body = asciiCompatible(head.subarray(guess.bomBytes), guess.encoding);
  // read as the import read it: past the lines before the table, spaces after a delimiter dropped
  const reading = { ...(source.preambleLines ? { preambleLines: source.preambleLines } : {}), ...(source.skipInitialSpace ? { skipInitialSpace: true } : {}) };
  return sampleRows(body, whole, source.delimiter, textDecoderFor(guess.encoding), file, 1, reading)[0] ?? null;
}

/**
 * A CSV/TSV import's meta with each column's `sourceField`, written back to the cache's meta.json. Any other
 * source, or a header that does not give the stored names, leaves the meta as it is.
 */
export function recordSourceFields(job: ImportJob, meta: DatasetCacheMeta): DatasetCacheMeta {
  const { source } = meta;
  if (source.format !== 'csv' && source.format !== 'tsv') return meta;
  const header = source.hasHeader === false ? null : firstRow(job.path, job.totalBytes, job.fileName, source);
  if (source.hasHeader !== false && header === null) return meta;
  const fields = sourceFields(header, meta.columns.map((c) => c.name));
  if (!fields) return meta;
  const recorded: DatasetCacheMeta = { ...meta, columns: meta.columns.map((c, i) => ({ ...c, sourceField: fields[i] })) };
  writeFileSync(join(job.outDir, META_FILE), JSON.stringify(recorded));
  return recorded;
}
