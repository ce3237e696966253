// JSON Lines, JSON arrays, Parquet, Arrow IPC and .npy: the formats that arrive as values rather than bytes to tokenize.
// Loaded lazily: apache-arrow and hyparquet are big, and a CSV import should not pay for them.
import type { DatasetCacheMeta, ImportFormat, SourceDescription } from '../../common/dataset-cache';
import type { ImportJob } from './job';
import { importRecords } from './records';
import { guessJobEncoding } from './text-source';

export async function importBinary(job: ImportJob, format: ImportFormat): Promise<DatasetCacheMeta> {
  switch (format) {
    case 'npy': return (await import('./npy')).importNpy(job);
    case 'jsonl': return importRecords(job, format, (await import('./jsonl')).jsonLinesBatches(job), jsonTextSource(job));
    case 'json': return importRecords(job, format, (await import('./json-array')).jsonArrayBatches(job), jsonTextSource(job));
    case 'arrow': return importRecords(job, format, (await import('./arrow-parquet')).arrowBatches(job));
    case 'parquet': return importRecords(job, format, (await import('./arrow-parquet')).parquetBatches(job));
    default: throw new Error(`importBinary: ${format} is a text format`);
  }
}

/**
 * How a JSON file's text was read, for the dataset's `source` as a CSV's says it: the encoding (a UTF-16
 * file is not 'utf-8') and `bom` when a byte order mark starts it (skipped: a consumer reading the file
 * itself must skip it too, Python encoding='utf-8-sig').
 */
function jsonTextSource(job: ImportJob): Partial<SourceDescription> {
  const guess = guessJobEncoding(job);
  return { encoding: guess.encoding, ...(guess.bomBytes > 0 ? { bom: true } : {}) };
}
