// Arrow IPC (file or stream) through apache-arrow's streaming reader, and Parquet through hyparquet,
// one row group at a time. Both become column-major batches for the record importer.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { open } from 'node:fs/promises';
import { RecordBatchReader, type Vector } from 'apache-arrow';
// apache-arrow's own dependency (not ours to version): used only to bound-check its metadata reads
import { ByteBuffer } from 'flatbuffers';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { ImportError } from '../../common/dataset-cache';
import type { ImportJob } from './job';
import type { RecordBatch } from './records';

/**
 * Arrow metadata is flatbuffers, which trusts vector lengths; one flipped byte in a damaged file made
 * apache-arrow build millions of schema fields (30 s, gigabytes). A vector cannot hold more entries
 * than its buffer has bytes, so longer ones are rejected as corrupt.
 */
function guardFlatbufferVectors(): void {
  const proto = ByteBuffer.prototype as ByteBuffer & { __guarded?: boolean };
  if (proto.__guarded) return;
  const vectorLength = proto.__vector_len;
  proto.__vector_len = function (this: ByteBuffer, offset: number) {
    const n = vectorLength.call(this, offset);
    if (n < 0 || n > this.capacity()) throw new Error(`corrupt metadata (a list of ${n} entries in ${this.capacity()} bytes)`);
    return n;
  };
  proto.__guarded = true;
}

const ARROW_TIMESTAMP = 10, ARROW_DATE = 8, ARROW_LIST = 12, ARROW_FIXED_LIST = 16;

function arrowColumn(v: Vector, typeId: number): ArrayLike<unknown> {
  const n = v.length;
  if (typeId === ARROW_TIMESTAMP || typeId === ARROW_DATE) {
    return Array.from({ length: n }, (_, i) => { const ms = v.get(i) as number | null; return ms === null ? null : new Date(ms); });
  }
  if (typeId === ARROW_LIST || typeId === ARROW_FIXED_LIST) {
    return Array.from({ length: n }, (_, i) => (v.get(i) as Vector | null)?.toArray() ?? null);
  }
  // toArray ignores the validity bitmap: only use it when nothing is null
  if (v.nullCount === 0) return v.toArray() as ArrayLike<unknown>;
  return Array.from({ length: n }, (_, i) => v.get(i));
}

export async function* arrowBatches(job: ImportJob): AsyncGenerator<RecordBatch> {
  guardFlatbufferVectors();
  const fh = await open(job.path, 'r');
  try {
    let reader: Awaited<ReturnType<typeof RecordBatchReader.from>>;
    try {
      reader = await RecordBatchReader.from(fh);
    } catch (e) {
      throw new ImportError('bad_format', `${job.fileName}: not a readable Arrow IPC file (${(e as Error).message})`, { file: job.fileName });
    }
    let row = 1, bytes = 0;
    for await (const batch of reader as AsyncIterable<import('apache-arrow').RecordBatch>) {
      const fields = batch.schema.fields;
      const columns = fields.map((f, i) => arrowColumn(batch.getChildAt(i)!, f.type.typeId));
      bytes += batch.data.byteLength;
      yield { names: fields.map((f) => f.name), columns, rows: batch.numRows, firstLine: row, bytes: Math.min(bytes, job.totalBytes) };
      row += batch.numRows;
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('bad_format', `${job.fileName}: the Arrow IPC data is damaged or truncated (${(e as Error).message})`, { file: job.fileName });
  } finally {
    await fh.close();
  }
}

const compressors = {
  GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input: Uint8Array) => new Uint8Array(brotliDecompressSync(input)),
};

export async function* parquetBatches(job: ImportJob): AsyncGenerator<RecordBatch> {
  const file = job.fileName;
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  const buffer = await asyncBufferFromFile(job.path);
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw new ImportError('bad_format', `${file}: not a readable Parquet file (${(e as Error).message})`, { file });
  }
  const names = metadata.schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
  let rowStart = 0, bytes = 0;
  for (const rg of metadata.row_groups) {
    const n = Number(rg.num_rows);
    let objects: Record<string, unknown>[];
    try {
      objects = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd: rowStart + n, compressors });
    } catch (e) {
      throw new ImportError('bad_format', `${file}: cannot decode Parquet rows ${rowStart + 1}-${rowStart + n} (${(e as Error).message}); supported compressions: none, snappy, gzip, brotli`, { file, line: rowStart + 1 });
    }
    const keys = objects.length ? Object.keys(objects[0]) : names;
    bytes += Number(rg.total_byte_size ?? 0);
    yield { names: keys, columns: keys.map((k) => objects.map((o) => o[k])), rows: objects.length, firstLine: rowStart + 1, bytes: Math.min(bytes, job.totalBytes) };
    rowStart += n;
  }
}
