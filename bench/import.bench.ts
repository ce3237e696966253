// npm run bench:import — GateLab's CSV import against pandas.read_csv, measured in the same run.
// Generates a ~200 MB numeric CSV and a mixed-type CSV in a temp dir; runs each side in a fresh process
// (interleaved, several repeats), and compares throughput (median of the per-pair wall-clock ratios; CPU
// seconds are printed too, since this machine is shared) and peak memory.
// Last line: `import vs pandas: throughput=<ratio>x memory=<ratio>x` on the numeric file, where memory
// is our peak RSS over the float32 bytes of the columns (the definition).
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 1024 * 1024;
const TARGET_MB = Number(process.env.BENCH_IMPORT_MB ?? 200);
const REPEATS = Number(process.env.BENCH_IMPORT_REPEATS ?? 5);
const PYTHON = '/usr/bin/python3';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
}

async function writeCsv(path: string, header: string, row: (r: () => number, i: number) => string, targetBytes: number): Promise<void> {
  const out = createWriteStream(path);
  const rand = rng(42);
  let bytes = 0, i = 0;
  out.write(`${header}\n`);
  while (bytes < targetBytes) {
    let block = '';
    for (let k = 0; k < 2000; k++) block += `${row(rand, i++)}\n`;
    bytes += block.length;
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

const NUMERIC_COLS = 16;
const numericRow = (r: () => number) => Array.from({ length: NUMERIC_COLS }, (_, c) => ((r() - 0.5) * 10 ** (c % 5)).toFixed(6 - (c % 4))).join(',');
const WORDS = ['fits', 'well', 'too', 'small', 'lovely', 'fabric', 'return', 'color', 'great', 'price'];
const CATS = ['Tops', 'Dresses', 'Bottoms', 'Intimate', 'Jackets', 'Trend'];
const mixedRow = (r: () => number, i: number) => {
  const t = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  const text = Array.from({ length: 4 + Math.floor(r() * 8) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  return `${t},${Math.floor(r() * 100000)},${(r() * 100).toFixed(3)},${CATS[Math.floor(r() * CATS.length)]},${r() < 0.5 ? 'true' : 'false'},"${text}, really"`;
};

interface Measure { seconds: number; cpuSeconds: number; peakRss: number; rows: number; float32Bytes: number }

function ours(src: string, dir: string): Measure {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-child.ts'), src, join(dir, 'cache')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`our import failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const PANDAS = `
import sys, time, resource
import pandas as pd
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
t, c = time.perf_counter(), cpu()
df = pd.read_csv(sys.argv[1])
s, cs = time.perf_counter() - t, cpu() - c
print(s, cs, len(df), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
`;
function pandas(src: string): Measure {
  const r = spawnSync(PYTHON, ['-c', PANDAS, src], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pandas failed: ${r.stderr}`);
  const [seconds, cpuSeconds, rows, peakRss] = r.stdout.trim().split(/\s+/).map(Number);
  return { seconds, cpuSeconds, rows, peakRss, float32Bytes: 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number, d = 2) => x.toFixed(d);

async function benchFile(label: string, src: string, dir: string): Promise<{ throughput: number; memory: number }> {
  const mb = statSync(src).size / MB;
  const o: Measure[] = [], p: Measure[] = [];
  for (let i = 0; i < REPEATS; i++) { o.push(ours(src, dir)); p.push(pandas(src)); }
  if (o[0].rows !== p[0].rows) throw new Error(`${label}: row counts differ (ours ${o[0].rows}, pandas ${p[0].rows})`);
  const ot = median(o.map((m) => m.seconds)), pt = median(p.map((m) => m.seconds));
  const oc = median(o.map((m) => m.cpuSeconds)), pc = median(p.map((m) => m.cpuSeconds));
  const orss = median(o.map((m) => m.peakRss)), prss = median(p.map((m) => m.peakRss));
  const f32 = o[0].float32Bytes;
  const pairs = o.map((m, i) => p[i].seconds / m.seconds);
  const cpuPairs = o.map((m, i) => p[i].cpuSeconds / m.cpuSeconds);
  console.log(`${label}: ${fmt(mb, 0)} MB, ${o[0].rows} rows; float32 columns ${fmt(f32 / MB, 1)} MB`);
  console.log(`  pandas.read_csv  ${fmt(pt)} s (cpu ${fmt(pc)} s)  ${fmt(mb / pt, 1)} MB/s  peak RSS ${fmt(prss / MB, 0)} MB (${fmt(prss / f32)}x float32)`);
  console.log(`  gatelab import   ${fmt(ot)} s (cpu ${fmt(oc)} s)  ${fmt(mb / ot, 1)} MB/s  peak RSS ${fmt(orss / MB, 0)} MB (${fmt(orss / f32)}x float32)`);
  console.log(`  per-pair wall-clock ratios: ${pairs.map((x) => fmt(x)).join(', ')}; CPU-time ratios: ${cpuPairs.map((x) => fmt(x)).join(', ')}`);
  return { throughput: median(pairs), memory: orss / f32 };
}

const dir = mkdtempSync(join(tmpdir(), 'gatelab-bench-import-'));
try {
  const numeric = join(dir, 'numeric.csv');
  const mixed = join(dir, 'mixed.csv');
  await writeCsv(numeric, Array.from({ length: NUMERIC_COLS }, (_, c) => `x${c}`).join(','), numericRow, TARGET_MB * MB);
  await writeCsv(mixed, 'time,user_count,price,department,recommended,review', mixedRow, (TARGET_MB / 2) * MB);
  console.log(`bench:import — ${REPEATS} interleaved repeats per side, medians; each side in a fresh process`);
  const m = await benchFile('mixed', mixed, dir);
  console.log(`  mixed: throughput=${fmt(m.throughput)}x memory=${fmt(m.memory)}x`);
  const n = await benchFile('numeric', numeric, dir);
  console.log(`import vs pandas: throughput=${fmt(n.throughput)}x memory=${fmt(n.memory)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
