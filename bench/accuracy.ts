// `npm run bench:accuracy`: trains the issue's accuracy table on the real shared datasets (3 seeds each by
// default) with the trainer's own loop, and writes bench/results/accuracy.md (mean ± std, wall time, machine).
// The table always shows every case that has saved results; each row says how many seeds it has.
// Every finished seed is saved at once in bench/results/accuracy/<case>.json (with the commit, date and
// load average it ran at), and the table is rendered from those files: an interrupted run keeps what it
// finished, `--resume` continues it, and a table can be assembled from runs made at different times.
//   --quick        1 seed, only the cases marked quick (DLinear H=96, FinalMLP, GMU): a protocol check
//   --only TEXT    only the cases whose group or name contains TEXT (case-insensitive); several: A|B, or
//                  repeat --only (row names contain commas, so a comma does not separate)
//   --seeds N      seeds per case (default 3)
//   --resume       skip the seeds a case's file already has (same commit or not: the file says which)
//   --fresh        drop a case's earlier seeds before saving new ones (default: a seed replaces only itself)
//   --render       train nothing; render accuracy.md from the saved results
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { CASES } from './accuracy/cases';
import { runCase } from './accuracy/run-case';
import { readCaseResults, renderTable, saveSeed, writeTable, type SeedRecord } from './accuracy/results';
import { rerunWithMallocTuning } from './with-malloc-tuning';

// Wall times as in the lab: its trainers run with these malloc settings (main/lab/runs/trainer-env.ts).
rerunWithMallocTuning();

const argv = process.argv.slice(2);
const flag = (k: string) => argv.includes(`--${k}`);
const value = (k: string) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : undefined; };
const QUICK = ['DLinear L=336 H=96', 'finalmlp', 'GMU'];
const onlyValues = argv.flatMap((a, i) => (a === '--only' && argv[i + 1] !== undefined ? [argv[i + 1]] : []));
const only = onlyValues.length ? onlyValues.flatMap((v) => v.split('|')).map((s) => s.trim().toLowerCase()).filter(Boolean) : undefined;
const seeds = Number(value('seeds') ?? (flag('quick') ? 1 : 3));
const selected = CASES.filter((c) => (flag('quick') ? QUICK.includes(c.name) : true) && (!only || only.some((o) => `${c.group} ${c.name}`.toLowerCase().includes(o))));

const commit = (() => {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    // saved results (bench/results) are not code: a tree whose only changes are results is clean
    const dirty = execSync("git status --porcelain -- engine workers common bench ':!bench/results'", { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+changes` : head;
  } catch { return 'unknown'; }
})();

const started = Date.now();
if (!flag('render')) {
  for (const c of selected) {
    const done = new Set(flag('resume') ? readCaseResults(c).map((r) => r.seed) : []);
    const todo = Array.from({ length: seeds }, (_, i) => i + 1).filter((s) => !done.has(s));
    if (!todo.length) continue;
    const data = await c.data();
    for (const seed of todo) {
      console.log(`${c.group} / ${c.name} / seed ${seed}: ${data.data.describe}`);
      const model = { ...c.model, ...data.shape } as { template: string };
      const loadBefore = loadavg()[0];
      const r = await runCase({ ...c.run, seed, model, data: { kind: 'synthetic' } }, data.data, console.log, c.extraTests?.(data.data.test));
      console.log(`  test ${Object.entries(r.test).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')} (${r.epochs} epochs, ${r.seconds.toFixed(0)} s, ${r.reason})`);
      for (const [n, m] of Object.entries(r.extra)) console.log(`  ${n}: ${Object.entries(m).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')}`);
      const record: SeedRecord = { seed, ...r, commit, date: new Date().toISOString(), load: [loadBefore, loadavg()[0]] };
      saveSeed(c, record, { fresh: flag('fresh') && seed === todo[0] });
    }
  }
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`;
const table = renderTable(CASES, { machine, seeds, minutes: (Date.now() - started) / 60000 });
const file = writeTable(table);
console.log(table);
console.log(`written: ${file}`);
