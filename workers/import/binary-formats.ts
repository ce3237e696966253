// JSON Lines, JSON arrays, Parquet, Arrow IPC and .npy: the formats that arrive as values rather than bytes to tokenize.
// Loaded lazily: apache-arrow and hyparquet are big, and a CSV import should not pay for them.
import type { DatasetCacheMeta, ImportFormat } from '../../common/dataset-cache';
import type { ImportJob } from './job';
import { importRecords } from './records';

export async function importBinary(job: ImportJob, format: ImportFormat): Promise<DatasetCacheMeta> {
  switch (format) {
    case 'npy': return (await import('./npy')).importNpy(job);
    case 'jsonl': return importRecords(job, format, (await import('./jsonl')).jsonLinesBatches(job));
    case 'json': return importRecords(job, format, (await import('./json-array')).jsonArrayBatches(job));
    case 'arrow': return importRecords(job, format, (await import('./arrow-parquet')).arrowBatches(job));
    case 'parquet': return importRecords(job, format, (await import('./arrow-parquet')).parquetBatches(job));
    default: throw new Error(`importBinary: ${format} is a text format`);
  }
}
