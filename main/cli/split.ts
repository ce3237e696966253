// `gatelab split RUN [--out FILE] [--json]`: the part (train, validation, test, unused) of every dataset row
// run RUN used, as CSV `row,split`, so the same parts can be rebuilt outside GateLab (scikit-learn on the
// same test rows). Whatever split the run used: its family's default, a named one (data.split), a stored one
// (data.splitId, 'given' files included). `gatelab split --stored SPLIT` writes a stored split's rows.
// Without --out the CSV goes to stdout and the summary to stderr, so `gatelab split 3 > rows.csv` is clean.
import type { CliCommand } from '../cli';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { stringOption, type CliArgs } from './args';
import { withCliReading } from './with-runs';
import { Refusal, refusing } from '../lab/runs/refusal';
import { wallTime } from '../../common/data/forecasting-rows';
import { pandasPivot } from '../../common/data/forecasting-long';
import { ROW_PARTS, runSplitRows, specWords, splitRowsCsv, storedSplitRows, type PartWindows, type RunSplitRows, type SplitRows } from '../lab/runs/run-split-rows';
import { pyString } from '../../common/text/python-string';
import { sayRefusal } from './json-refusal';

const USAGE = 'give a run id (gatelab runs lists them), or --stored SPLIT for a stored split (gatelab datasets show ID lists them)';

export const command: CliCommand = {
  summary: 'the part (train, validation, test, unused) of every dataset row a run used, as CSV (RUN [--out FILE] [--json])',
  usage: 'RUN | --stored SPLIT',
  options: [
    ['--out FILE', 'write the CSV (row,split) to FILE; without it the CSV goes to stdout and the summary to stderr'],
    ['--stored SPLIT', "a stored split's rows (its id, as datasets show prints it) instead of a run's"],
    ['--json', 'one JSON object on stdout: the summary, and the parts as `assignment` when there is no --out'],
  ],
  run: async (args) => {
    const stored = stringOption(args, 'stored');
    const [ref, ...extra] = args.positionals;
    const id = Number(stored ?? ref);
    const wrong = stored !== undefined && ref !== undefined ? `give a run id or --stored SPLIT, not both (got run '${ref}' and --stored ${stored})`
      : extra.length ? `takes one run id (got ${args.positionals.join(' ')}); list several runs' rows one command each`
        : !Number.isInteger(id) ? (stored !== undefined ? `--stored takes a split's id, a number (got '${stored}'; gatelab datasets show ID lists them)` : USAGE) : null;
    if (wrong) {
      sayRefusal('split', command, args, wrong);
      return 2;
    }
    return withCliReading('split', args, (s) => {
      // no such run or split, a run on synthetic data or on a deleted dataset: refused (2)
      const rows = refusing(() => (stored !== undefined ? storedSplitRows(s.store, id, s.paths.home) : runSplitRows(s.store, s.paths, id)));
      return write(rows, args);
    });
  },
};

function write(rows: SplitRows | RunSplitRows, args: CliArgs): number {
  const json = args.options.json === true;
  const outArg = stringOption(args, 'out');
  const csv = splitRowsCsv(rows.assignment);
  const out = outArg === undefined ? undefined : writeAtomically(resolve(outArg), csv);
  if (json) {
    const assignment = out ? {} : { assignment: Array.from(rows.assignment, (a) => ROW_PARTS[Math.min(a, 3)]) };
    console.log(JSON.stringify({ ...summaryJson(rows), ...(out ? { out } : {}), ...assignment }));
    return 0;
  }
  if (!out) process.stdout.write(csv);
  // with the CSV on stdout the summary must not mix into it
  (out ? console.log : console.error)(summaryText(rows, out));
  return 0;
}

/** Written next to FILE, then renamed: an interrupted write never leaves half a CSV under the user's name. */
function writeAtomically(path: string, text: string): string {
  if (!existsSync(dirname(path))) throw new Refusal(`--out: the folder '${dirname(path)}' does not exist; create it or choose another path`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new Refusal(`--out: '${path}' is a folder; give a file name, e.g. ${resolve(path, 'split.csv')}`);
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`--out: cannot write '${path}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return path;
}

const isRun = (r: SplitRows | RunSplitRows): r is RunSplitRows => 'run' in r;

function summaryJson(r: SplitRows | RunSplitRows) {
  return {
    ...(isRun(r) ? { run: r.run } : {}),
    dataset: r.dataset,
    split: { origin: r.origin, spec: r.spec },
    counts: r.counts,
    row: r.rowNote,
    ...(isRun(r) ? { windows: r.windows, dataLine: r.dataLine, unchecked: r.unchecked } : {}),
  };
}

const n = (x: number) => x.toLocaleString('en-US');
/**
 * A half-open range [a, b) as the rows it holds: "rows 480–599 (df.iloc, from 0)". 0-based, as the CSV this
 * command writes is read by pandas; labelled so nobody takes them for 1-based rows or file lines.
 */
const rowRange = ([a, b]: [number, number]) => `${b - a === 1 ? `row ${n(a)}` : `rows ${n(a)}–${n(b - 1)}`} (df.iloc, from 0)`;

function windowLine(word: string, w: PartWindows): string {
  const head = `  ${word.padEnd(11)} ${n(w.windows)} windows`;
  if (w.windows === 0) return `${head} in ${rowRange(w.rows)}: none fits (the trainer refuses this run)`;
  const stride = w.stride > 1 ? ` (one every ${n(w.stride)} rows)` : '';
  const context = w.reads[0] < w.rows[0] ? `looking back into ${rowRange([w.reads[0], w.rows[0]])}` : `${rowRange([w.rows[0], w.targets[0]])} lookback only`;
  return `${head}${stride}: targets in ${rowRange(w.targets)}, ${context}; reads df.iloc[${w.reads[0]}:${w.reads[1]}]`;
}

type Long = NonNullable<RunSplitRows['long']>;

/** Times [a, b) of a pivoted run as a user reads them: "2024-01-02 00:00–2024-01-09 19:00 (times 24–209)". */
function timeRange(long: Long, [a, b]: [number, number]): string {
  const at = (i: number) => wallTime(long.times[i]);
  return b - a === 1 ? `${at(a)} (time ${a})` : `${at(a)}–${at(b - 1)} (times ${n(a)}–${n(b - 1)})`;
}

/**
 * A pivoted long-format run's part: its windows are over the pivot's times (one wide row per time, every
 * series at each), not over the file's rows, so the rows they read are selected from the pivot (`wide`).
 */
function longWindowLine(word: string, w: PartWindows, long: Long): string {
  const head = `  ${word.padEnd(11)} ${n(w.windows)} windows`;
  if (w.windows === 0) return `${head} in ${timeRange(long, w.rows)}: none fits (the trainer refuses this run)`;
  const stride = w.stride > 1 ? ` (one every ${n(w.stride)} times)` : '';
  const context = w.reads[0] < w.rows[0] ? `looking back into ${timeRange(long, [w.reads[0], w.rows[0]])}` : `${timeRange(long, [w.rows[0], w.targets[0]])} lookback only`;
  return `${head}${stride}: targets at ${timeRange(long, w.targets)}, ${context}; reads wide.iloc[${w.reads[0]}:${w.reads[1]}]`;
}

/** The window lines of a pivoted run: over times, with the pandas pivot its `wide.iloc` ranges select from. */
function longWindowLines(windows: NonNullable<RunSplitRows['windows']>, long: Long): string[] {
  const { lookback, horizon, parts } = windows;
  return [
    `  windows (lookback ${n(lookback)}, horizon ${n(horizon)}) over the ${n(long.times.length)} distinct '${long.timeColumn}' times of the pivot (every series at each): ` +
      `a window at time t reads the ${n(lookback)} times before t and predicts times t..t+${horizon - 1}`,
    longWindowLine('train', parts.train, long), longWindowLine('validation', parts.validation, long), longWindowLine('test', parts.test, long),
    `  pandas, pivot first (as the run and its export do): ${pandasPivot({ time: long.timeColumn, series: long.seriesColumn }, long.values)}; ` +
      `then wide.iloc[a:b] are times a..b-1, and the file rows at those times df[df[${pyString(long.timeColumn)}].isin(wide.index[a:b])]`,
  ];
}

function summaryText(r: SplitRows | RunSplitRows, out: string | undefined): string {
  const c = r.counts;
  const long = isRun(r) ? r.long : undefined;
  // a pivoted run's chronological split is over the pivot's rows, which are its times in order (not the file's row order)
  const spec = long && r.spec.kind === 'chronological' && !r.spec.timeColumn ? { ...r.spec, timeColumn: long.timeColumn } : r.spec;
  const lines = [
    `${isRun(r) ? `run ${r.run}: ` : ''}${n(r.dataset.rows)} rows of dataset ${r.dataset.id} '${r.dataset.name}'${out ? ` written to ${out}` : ''}`,
    `  split: ${r.origin}: ${specWords(spec)}${long ? `, cut over the pivot's ${n(long.times.length)} times (${long.note})` : ''}`,
    `  ${n(c.train)} train / ${n(c.validation)} validation / ${n(c.test)} test / ${n(c.unused)} unused rows${long ? ` (file rows, each in the part of its time)` : ''}`,
  ];
  if (isRun(r) && r.windows && long) lines.push(...longWindowLines(r.windows, long));
  else if (isRun(r) && r.windows) {
    const { lookback, horizon, parts } = r.windows;
    lines.push(`  windows (lookback ${n(lookback)}, horizon ${n(horizon)}): a window at row t reads rows t-${lookback}..t-1 and predicts rows t..t+${horizon - 1}`);
    lines.push(windowLine('train', parts.train), windowLine('validation', parts.validation), windowLine('test', parts.test));
  }
  if (isRun(r)) lines.push(r.dataLine ? `  the counts run ${r.run} trained on, as its data line says: "${r.dataLine.line.split(';')[0]}"` : `  not checked: ${r.unchecked}`);
  lines.push(`  ${r.rowNote}`);
  return lines.join('\n');
}
