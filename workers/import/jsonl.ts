// JSON Lines: one JSON object per line (UTF-8, a BOM is skipped), read in chunks and handed to the
// record importer in column-major batches.
import type { RecordBatch } from './records';
import { ImportError } from '../../common/dataset-cache';
import { quoteUnsafeIntegers } from './exact-integers';
import type { ImportJob } from './job';
import { guessEncoding, readTextChunks, readTextHead } from './text-source';

const BATCH_ROWS = 4096;

export async function* jsonLinesBatches(job: ImportJob): AsyncGenerator<RecordBatch> {
  const file = job.fileName;
  const guess = guessEncoding(readTextHead(job.path, 65536, job.totalBytes, file).head, file, job.options.encoding);
  let line = 1, carry: Buffer | null = null, bytes = 0;
  let rows: Record<string, unknown>[] = [], lines: number[] = [];
  const flush = (): RecordBatch => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) for (const k in r) if (!seen.has(k)) { seen.add(k); names.push(k); }
    const columns = names.map((n) => rows.map((r) => r[n]));
    const batch = { names, columns, rows: rows.length, firstLine: lines[0] ?? line, lines, bytes };
    rows = []; lines = [];
    return batch;
  };
  const take = (text: string, at: number) => {
    const t = text.trim();
    if (t === '') return;
    let v: unknown, why = '';
    try { v = JSON.parse(quoteUnsafeIntegers(t)); } catch (e) { why = `not valid JSON (${(e as Error).message})`; }
    if (!why && (typeof v !== 'object' || v === null || Array.isArray(v))) why = 'expected a JSON object ({"column": value, ...})';
    if (why) {
      job.validation.add('unparsable', null, at, t, () => 'lines that are not JSON objects');
      if (job.policy === 'reject') {
        throw new ImportError('unparsable', `${file}, line ${at}: ${why}. Fix the line, or import with onInvalid 'drop'`, { file, line: at });
      }
      job.validation.rowsRead++;
      job.validation.rowsDropped++;
      return;
    }
    rows.push(v as Record<string, unknown>);
    lines.push(at);
  };
  for await (const { chunk, last } of readTextChunks(job.path, guess, (b) => { bytes = b; }, () => line, file)) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      take(buf.toString(guess.encoding === 'latin1' ? 'latin1' : 'utf8', start, nl), line++);
      start = nl + 1;
      if (rows.length >= BATCH_ROWS) yield flush();
    }
    if (last) { if (start < buf.length) take(buf.toString('utf8', start), line++); }
    else carry = Buffer.from(buf.subarray(start));
  }
  if (rows.length > 0) yield flush();
}
