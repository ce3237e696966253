// One measured import in a fresh process (so peak RSS is ours alone): importFile through the worker
// thread, as the lab runs it. Prints one JSON line: seconds, rows, peak RSS (bytes), float32 bytes.
import { rmSync } from 'node:fs';
import { importFile } from '../main/lab/import/index';

const [src, cacheDir] = process.argv.slice(2);
const started = process.hrtime.bigint();
const result = await importFile(src, cacheDir, {});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cells = result.columns.reduce((s, c) => s + c.dim, 0) * result.rows;
console.log(JSON.stringify({ seconds, rows: result.rows, columns: result.columns.length, peakRss: process.resourceUsage().maxRSS * 1024, float32Bytes: cells * 4 }));
rmSync(cacheDir, { recursive: true, force: true });
