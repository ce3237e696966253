// One measured import in a fresh process (so peak RSS is ours alone): importFile through the worker
// thread, as the lab runs it (worker start-up included). Prints one JSON line: wall and CPU seconds, rows,
// peak RSS (bytes), float32 bytes.
import { rmSync } from 'node:fs';
import { importFile } from '../main/lab/import/index';

const [src, cacheDir] = process.argv.slice(2);
const started = process.hrtime.bigint();
const cpu0 = process.cpuUsage(); // process-wide: the main thread and the importer worker
const result = await importFile(src, cacheDir, {});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const cells = result.columns.reduce((s, c) => s + c.dim, 0) * result.rows;
console.log(JSON.stringify({ seconds, cpuSeconds, rows: result.rows, columns: result.columns.length, peakRss: process.resourceUsage().maxRSS * 1024, float32Bytes: cells * 4 }));
rmSync(cacheDir, { recursive: true, force: true });
