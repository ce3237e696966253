// JSON Lines: one JSON object per line (UTF-8, a BOM is skipped and recorded in the dataset's source by
// binary-formats.ts), read in chunks and handed to the record importer in column-major batches
// (json-records.ts, shared with JSON arrays).
import type { RecordBatch } from './records';
import type { ImportJob } from './job';
import { JsonRecords } from './json-records';
import { guessJobEncoding, readTextChunks } from './text-source';

export async function* jsonLinesBatches(job: ImportJob): AsyncGenerator<RecordBatch> {
  const file = job.fileName;
  const guess = guessJobEncoding(job);
  const records = new JsonRecords(job, { noun: 'line', pandasRead: 'pd.read_json(f, lines=True)' });
  let line = 1, carry: Buffer | null = null, bytes = 0;
  for await (const { chunk, last } of readTextChunks(job.path, guess, (b) => { bytes = b; }, () => line, file)) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      records.take(buf.toString(guess.encoding === 'latin1' ? 'latin1' : 'utf8', start, nl), line++);
      start = nl + 1;
      if (records.full) yield records.flush(bytes, line);
    }
    if (last) { if (start < buf.length) records.take(buf.toString('utf8', start), line++); }
    else carry = Buffer.from(buf.subarray(start));
  }
  records.noteNested();
  if (records.pending > 0) yield records.flush(bytes, line);
}
