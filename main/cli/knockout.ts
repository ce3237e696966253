// `gatelab knockout RUN [--gate G] [--mode open|closed|mean|uniform|single|top1] [--expert E] [--seed S]
//  [--resamples N] [--report] [--json]`: evaluate a trained run's test split with gates forced, print the
// table (metric, delta, bootstrap interval), keep it in the run's folder; --report also writes the gate
// report (HTML + per-feature CSV). With `--rows 0-9,42`: one knockout's effect on those test rows'
// predictions instead (knockout-rows.ts; nothing is stored).
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { KnockoutMode, rowScore, tableMetrics, targetChannelTables, type KnockoutTable } from '../../common/analytics';
import { gateLabel, gateNamesFromConfig, knockoutLabel, NO_NAMES, type GateNames } from '../../common/analytics/gate-names';
import { tableNotation, type TableFormat } from '../../common/analytics/table-notation';
import { intervalMethodWords } from '../../common/analytics/interval-method';
import { signedChange } from '../../common/analytics/signed-change';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { RunFiles } from '../lab/runs/run-files';
import { datasetResolver } from '../lab/runs/dataset-runs';
import { GateAnalytics } from '../lab/analytics/index';
import { runGates, runTarget } from '../lab/analytics/run-target';
import { assertKnockoutRequest, assertOneKnockout } from '../lab/analytics/knockout-request';
import { formatKnockoutRows, knockoutRowsJson, rowsOption } from './knockout-rows';
import { rowsReading } from './knockout-rows-reading';
import type { RunRecord } from '../lab/store/index';
import { ABLATED_NOTE, gatesOff } from '../../common/analytics/ablation';
import { noRun, Refusal, refusing } from '../lab/runs/refusal';
import { refused } from './refusal-line';
import type { CliArgs } from './args';

/**
 * The knockout table: each row by the ids `--gate`/`--mode`/`--expert` take, then what it means in the
 * run's words when that says more ("gmu open  (gmu open (text only))", "router single 2  (router only
 * expert 2 (camera))"). A table whose rows are scored on more than one metric (MMoE: each task gate on its
 * own task) says each metric as trained under the first line and has a `metric` column. A forecasting run's
 * target channel (`--target OT` among several channels) gets its own rows after the table's.
 */
export function formatKnockouts(t: KnockoutTable, names: GateNames = NO_NAMES): string {
  const metrics = tableMetrics(t);
  const scoreOf = (m: string) => rowScore(t, t.rows.find((r) => rowScore(t, r).metric === m)!);
  const targets = targetChannelTables(t);
  const num = tableNotation([t.baseline, ...metrics.slice(1).map((m) => scoreOf(m).baseline), ...[t, ...targets].flatMap((x) => [x.baseline, ...x.rows.flatMap((r) => [r.value, r.delta, r.ci.low, r.ci.high])])]);
  const lines = [`run ${t.runId}: test ${t.metric} ${num(t.baseline)} as trained (${t.higherIsBetter ? 'higher' : 'lower'} is better; ${t.samples.toLocaleString('en-US')} ${t.interval?.kind === 'block' ? 'windows' : 'samples'}, ${t.resamples} bootstrap resamples, seed ${t.seed})`];
  for (const m of metrics.slice(1)) lines.push(`  ${otherMetricLine(t, m, scoreOf(m), num, names)}`);
  lines.push(...rowLines(t, names, num));
  // a forecasting run's target among several channels: its own error under each knockout, as `gatelab show`
  // prints "test of target" beside the headline (which, like the rows above, is every channel's mean)
  for (const x of targets) {
    lines.push(`  target '${x.channel}' alone: test ${x.metric} ${num(x.baseline)} as trained (its own channel; the rows above score every channel's mean, as the run's headline test mse)`);
    lines.push(...rowLines(x, names, num));
  }
  // which bootstrap the intervals come from: overlapping forecast windows are resampled in runs (block bootstrap)
  lines.push(`  ${intervalMethodWords(t.interval, t.rows[0]?.ci.level ?? 0.95, t.samples)}`);
  lines.push(...unmovedNotes(t, names).map((n) => `  note: ${n}`));
  return lines.join('\n');
}

/** The column heads and one line per row of a table, in the notation `num` of the whole output. */
function rowLines(t: KnockoutTable, names: GateNames, num: TableFormat): string[] {
  const metrics = tableMetrics(t), mixed = metrics.length > 1;
  const label = (r: KnockoutTable['rows'][number]) => `${r.gate} ${r.mode}${r.expert !== undefined ? ` ${r.expert}` : ''}`;
  const words = (r: KnockoutTable['rows'][number]) => { const w = knockoutLabel(r, names); return w === label(r) ? '' : `  (${w})`; };
  // Every column as wide as its widest cell (a long delta or interval end must not push later cells out of
  // line); the interval's two ends are padded apart so the commas line up too. A row's words follow the
  // interval column (padded only when words follow: no trailing blanks). The interval's ends are written
  // short ("-0.000000"): a tiny delta's "(< 1e-6)" is said once, in its delta cell.
  const wl = Math.max(...t.rows.map((r) => num.short(r.ci.low).length));
  const wh = Math.max(...t.rows.map((r) => num.short(r.ci.high).length));
  const interval = (r: KnockoutTable['rows'][number]) => `[${num.short(r.ci.low).padStart(wl)}, ${num.short(r.ci.high).padStart(wh)}]`;
  const w = Math.max(10, ...t.rows.map((r) => label(r).length));
  // one metric: the value column is headed by it; several: each row names its own in a column of its own
  const wm = Math.max(...metrics.map((m) => m.length));
  const metricCell = (r: KnockoutTable['rows'][number]) => (mixed ? `${rowScore(t, r).metric.padEnd(wm)}  ` : '');
  const value = numberColumn(mixed ? 'value' : t.metric, t.rows.map((r) => num(r.value)), 8);
  // signed as the app's panel and the gate report write it: "+0.0053" is a change, where an unsigned 0.0053
  // beside the value column read as a second value; an exact 0 stays unsigned (nothing moved)
  const delta = numberColumn('delta', t.rows.map((r) => signedChange(r.delta, num(r.delta))), 9);
  const wi = Math.max('95% interval'.length, ...t.rows.map((r) => interval(r).length));
  return [
    `  ${'knockout'.padEnd(w)}  ${mixed ? `${'metric'.padEnd(wm)}  ` : ''}${value.head}  ${delta.head}  95% interval`,
    ...t.rows.map((r, i) => `  ${label(r).padEnd(w)}  ${metricCell(r)}${value.cells[i]}  ${delta.cells[i]}  ${words(r) ? interval(r).padEnd(wi) : interval(r)}${words(r)}`),
  ];
}

/** "test rating_rmse 0.3948 as trained (lower is better): the metric of the gate.task1 (rating gate) rows, the task it serves". */
function otherMetricLine(t: KnockoutTable, metric: string, s: { higherIsBetter: boolean; baseline: number }, num: (v: number) => string, names: GateNames): string {
  const gates = [...new Set(t.rows.filter((r) => rowScore(t, r).metric === metric).map((r) => r.gate))];
  const named = gates.map((g) => { const label = gateLabel(g, names); return label === g ? g : `${g} (${label})`; });
  return `test ${metric} ${num(s.baseline)} as trained (${s.higherIsBetter ? 'higher' : 'lower'} is better): the metric of the ${named.join(', ')} rows, the task ${gates.length > 1 ? 'they serve' : 'it serves'}`;
}

/**
 * Why a gate's rows are all exactly 0 (delta and interval): its knockouts did not move the metric its rows
 * are scored on. Tables stored before each task gate was scored on its own task scored MMoE's rating gate
 * on the click, which does not read it, so "0.000000 [0.000000, 0.000000]" would read as "the gate does
 * nothing" when it was not measured: those say so, and how to measure it.
 */
export function unmovedNotes(t: KnockoutTable, names: GateNames = NO_NAMES): string[] {
  const gates = [...new Set(t.rows.map((r) => r.gate))];
  const unmoved = gates.filter((g) => t.rows.every((r) => r.gate !== g || (r.delta === 0 && r.ci.low === 0 && r.ci.high === 0)));
  return unmoved.map((g) => {
    const label = gateLabel(g, names);
    const first = t.rows.find((r) => r.gate === g)!, metric = rowScore(t, first).metric;
    const task = /\.task(\d+)$/.exec(g), scored = names.tasks?.[0];
    if (task && Number(task[1]) > 0 && scored && first.metric === undefined) {
      const other = names.tasks?.[Number(task[1])] ?? `task ${Number(task[1]) + 1}`;
      return `${g} (${label}) weighs the experts for the ${other} tower only; this table was stored before knockouts were scored per task, on the ${scored} ${t.metric}, which does not read it, so its knockouts leave it exactly unchanged (gatelab knockout ${t.runId} --gate ${g} scores it on the ${other} tower)`;
    }
    return `no knockout of ${g}${label !== g ? ` (${label})` : ''} changed the test ${metric} at all, in any resample: the predictions it scores do not depend on this gate here`;
  });
}

/**
 * A column of numbers under `head`, at least `min` wide: the numbers right-aligned, so their decimal points
 * line up, and a tiny number's "(< 1e-6)" after its number rather than pushing it out of line.
 */
function numberColumn(head: string, texts: string[], min: number): { head: string; cells: string[] } {
  const parts = texts.map((x) => { const at = x.indexOf(' ('); return at < 0 ? [x, ''] : [x.slice(0, at), x.slice(at)]; });
  const wn = Math.max(min, head.length, ...parts.map(([n]) => n.length));
  const wnote = Math.max(0, ...parts.map(([, note]) => note.length));
  return { head: head.padStart(wn).padEnd(wn + wnote), cells: parts.map(([n, note]) => (n.padStart(wn) + note).padEnd(wn + wnote)) };
}

/** A whole-number option (--seed, --resamples, --expert) at least `min`, or undefined; else a refusal. */
function wholeOption(args: CliArgs, key: string, min: number): number | undefined {
  const v = stringOption(args, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Refusal(`--${key} must be a whole number${min > 0 ? ` of at least ${min}` : min === 0 ? ', 0 or more' : ''} (got '${v}')`);
  return n;
}

/**
 * The names a run's table rows are read in: from its config and its data summary, whose line names the
 * columns the trainer left out (a constant channel), so TFT's "only <variable>" rows name the variable
 * the model reads, not "variable 1".
 */
export function knockoutNames(run: Pick<RunRecord, 'config' | 'dataSummary'> | undefined): GateNames {
  return gateNamesFromConfig(run?.config as Record<string, unknown> | undefined, run?.dataSummary);
}

export const command: CliCommand = {
  summary: 'evaluate a trained run with gates forced open/closed/mean/uniform/top1 (RUN [--gate G] [--mode M] [--rows R] [--report] [--json])',
  usage: "RUN",
  options: [
    ["--gate G", "only this gate (default: every gate)"],
    ["--mode M", "only this mode: open, closed, mean, uniform, single or top1"],
    ["--expert E", "single mode: the expert to keep"],
    ["--seed S", "the bootstrap seed (default 0)"],
    ["--resamples N", "bootstrap resamples for the interval (default 1000)"],
    ["--rows R", "one knockout's effect on these test rows (from 0 within the test split, as Try it numbers them), e.g. 0-9,42"],
    ["--report", "also write the gate report (HTML + per-feature CSV)"],
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  // the table's keys (common/analytics/knockout.ts KnockoutTable) with nothing in them, so a script reading
  // `rows` or `runId` finds the refusal where it looks (its optional `interval` and `report` are left out)
  jsonRefusal: (error) => ({ runId: null, split: null, metric: null, higherIsBetter: null, baseline: null, samples: null, resamples: null, seed: null, rows: [], status: 'error', error }),
  async run(args) {
    const id = Number(args.positionals[0]);
    if (!Number.isInteger(id)) return refused('knockout', command, args, new Refusal('give a run id (gatelab runs lists them), e.g. gatelab knockout 3 --gate gate1 --mode closed'));
    let lab;
    try {
      const o = refusing(() => {
        const modeArg = stringOption(args, 'mode');
        const mode = modeArg === undefined ? undefined : KnockoutMode.safeParse(modeArg);
        if (mode && !mode.success) throw new Refusal(`--mode must be one of ${KnockoutMode.options.join(', ')} (got '${modeArg}')`);
        const rowsArg = stringOption(args, 'rows');
        // --rows shows predictions, not a table: the table's bootstrap and report options have nothing to do there
        const tableOnly = ['seed', 'resamples', 'report'].filter((k) => args.options[k] !== undefined);
        if (rowsArg !== undefined && tableOnly.length) throw new Refusal(`--rows prints each row's predictions, not a knockout table: leave out ${tableOnly.map((k) => `--${k}`).join(', ')}`);
        return { mode: mode?.data, gate: stringOption(args, 'gate'), expert: wholeOption(args, 'expert', 0), seed: wholeOption(args, 'seed', 0), resamples: wholeOption(args, 'resamples', 1), rows: rowsArg === undefined ? undefined : rowsOption(rowsArg) };
      });
      const paths = labPaths(stringOption(args, 'home'));
      lab = await openLabDatasets(paths, { demos: false });
      const files = new RunFiles(paths.checkpoints, paths.home);
      const resolve = datasetResolver(lab.registry);
      const store = lab.store;
      // a run the job cannot analyse (none, no checkpoint yet, its gates off) or a --gate/--mode/--expert it
      // has no knockout for is refused before the job starts (exit 2); what goes wrong in the job is the
      // lab's failure (1)
      refusing(() => {
        const run = store.runs.get(id);
        if (!run) throw noRun(id, paths.home);
        if (gatesOff(run.config as Record<string, unknown>)) throw new Error(`run ${id}: ${ABLATED_NOTE}`);
        runTarget(store, files, id, resolve);
        const gates = runGates(run.config);
        if (gates) (o.rows ? assertOneKnockout : assertKnockoutRequest)(id, gates, { gate: o.gate, mode: o.mode, expert: o.expert }, knockoutNames(run), run);
      });
      const analytics = new GateAnalytics(store, files, resolve);
      const json = args.options.json === true;
      if (o.rows) {
        // checked above when the run's gates could be read; the lab checks the same again (gate-analytics.ts)
        const result = await analytics.knockoutRows(id, { gate: o.gate, mode: o.mode, expert: o.expert, rows: o.rows });
        const run = lab.store.runs.get(id);
        const reading = { names: knockoutNames(run), ...(await rowsReading({ store, paths, resolveDataset: resolve }, run, result)) };
        console.log(json ? JSON.stringify(knockoutRowsJson(result, reading)) : formatKnockoutRows(result, reading));
        return 0;
      }
      const progress = (done: number, total: number, label: string) => { if (!json && total > 0 && label !== 'done') process.stderr.write(`  [${done + 1}/${total}] ${label}\n`); };
      const table = await analytics.knockout(id, {
        only: { gate: o.gate, mode: o.mode, expert: o.expert },
        seed: o.seed ?? 0,
        resamples: o.resamples ?? 1000,
        onProgress: progress,
      });
      let report: { html: string; csv: string | null } | undefined;
      // the per-feature CSV exists only for models with feature gates (FinalMLP, TFT-style selection)
      if (args.options.report === true) report = (await analytics.report(id)).paths;
      if (json) console.log(JSON.stringify({ ...table, ...(report ? { report } : {}) }));
      else {
        console.log(formatKnockouts(table, knockoutNames(lab.store.runs.get(id))));
        if (report) console.log(`gate report: ${report.html}\n${report.csv ? `per-feature importance: ${report.csv}` : 'per-feature importance: none (the model has no feature gates)'}`);
      }
      return 0;
    } catch (e) {
      return refused('knockout', command, args, e, { runId: id });
    } finally {
      lab?.close();
    }
  },
};
