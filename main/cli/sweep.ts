// `gatelab sweep FILE [--parallel N] [--follow] [--json]`: FILE is an experiment (JSON):
//   { "name": "lr sweep", "config": { ...run config... }, "seeds": 3,
//     "sweep": { "kind": "grid" | "random", "params": { "optimizer.lr": [1e-3, 3e-3], "model.gate.kind": ["sigmoid", "glu"] }, "samples": 8 },
//     "priority": 0 }
// config.data.datasetId may be a dataset's id or its name. Keys of config and sweep.params are read as --set
// reads them (common/runs/config-keys.ts): "lr", "batch_size", "weight-decay", "lookback" (a model field).
// It expands into a group of queued runs (one per sweep point and seed) and trains them, N at a time.
// Exit codes as train's (exit-codes.ts): 2 when the file or a point's config is refused (no run is queued).
import { readFileSync } from 'node:fs';
import type { CliCommand } from '../cli';
import { stringOption } from './args';
import { openCliRuns, followRuns, runResult, exitCodeOfAll, runList, EXIT_PAUSED } from '../lab/runs/cli-session';
import { lastMetrics, runsTable } from '../lab/runs/run-report';
import { sweepSummary, sweepSummaryText } from './sweep-summary';
import { ExperimentSpec } from '../../common/runs/expand';
import { configLeaves, namingTypedKeys, spelledConfig, type TypedKey } from '../../common/runs/config-keys';
import { splitIdAdviceInFile } from '../../common/runs/new-run-config';
import { DatasetRegistry } from '../lab/datasets/index';
import { installDemosOnFirstUse, withDatasetIdByName, withDefaultRunName } from '../lab/runs/cli-datasets';
import type { CliRuns } from '../lab/runs/cli-session';
import type { RunRecord } from '../lab/store/index';
import { Refusal, refusing } from '../lab/runs/refusal';
import { exitCodeOfError, EXIT_REFUSED } from './exit-codes';
import { sayRefusal } from './json-refusal';
import { storedSplitHintFor } from '../lab/runs/stored-split-hint';

/** The experiment file's JSON, with errors that name the file (a missing file, or where its JSON breaks). */
function readExperimentFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Refusal(`cannot read the experiment file '${file}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Refusal(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * A sweep file may name its dataset (`"datasetId": "movielens-100k"`) as `--dataset` does: the id its runs
 * store. A file without a name has its runs named as `train` names one ("dlinear on Demo: grid load"), each
 * then with what sets its point apart (expand.ts), not "run lr=0.01".
 */
function withDatasetIdOf(raw: unknown, s: CliRuns): unknown {
  const spec = raw as { config?: unknown; name?: unknown } | null;
  if (typeof spec?.config !== 'object' || spec.config === null) return raw;
  const registry = new DatasetRegistry(s.store, s.paths);
  const config = withDatasetIdByName(spec.config as Record<string, unknown>, registry);
  if (spec.name !== undefined || (typeof config.name === 'string' && config.name)) return { ...spec, config };
  // the file's own spelling ("template": "dlinear" is model.template) read as the runs will read it
  const named = withDefaultRunName(spelledConfig(config), registry);
  return { ...spec, config: typeof named.name === 'string' ? { ...config, name: named.name } : config };
}

/** storedSplitHint for a refused sweep: the dataset its file names, the split's id as the file would give it. */
function sweepSplitHint(s: CliRuns, message: string, file: string): string {
  let data: { datasetId?: unknown } | undefined;
  try {
    data = (JSON.parse(readFileSync(file, 'utf8')) as { config?: { data?: { datasetId?: unknown } } } | null)?.config?.data;
  } catch {
    return '';
  }
  const ref = data?.datasetId;
  if (typeof ref !== 'string' && typeof ref !== 'number') return '';
  return storedSplitHintFor(new DatasetRegistry(s.store, s.paths), message, data, ref, (id) => `use it with "splitId": ${id} in ${file}'s config.data`);
}

/**
 * The keys the file spells its own way, to name in a refusal of the field they set ("run config: batchSize
 * ('batch_size' in lr.json): 0 is out of range"), as train names `--set batch-size=0`.
 */
function typedKeysOf(raw: unknown, file: string): TypedKey[] {
  const spec = raw as { config?: unknown; sweep?: { params?: unknown } } | null;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const config = isObject(spec?.config) ? configLeaves(spec.config) : [];
  const params = isObject(spec?.sweep?.params) ? Object.entries(spec.sweep.params).map(([k, v]): [string, unknown] => [k, Array.isArray(v) ? v[0] : v]) : [];
  return [...config, ...params].map(([key, value]) => ({ key, value, said: `'${key}' in ${file}` }));
}

/**
 * After Ctrl-C (or a kill) the runs that did not finish wait, paused or interrupted, for a resume that
 * nothing starts on its own: say which, and how to go on.
 */
export function howToContinue(runs: Pick<RunRecord, 'id' | 'status'>[], code: number): string | null {
  const waiting = runs.filter((r) => r.status === 'paused' || r.status === 'interrupted').map((r) => r.id);
  if (!waiting.length) return null;
  const why = code === EXIT_PAUSED ? ` (exit code ${EXIT_PAUSED} by design: the sweep did not finish, nothing is lost)` : '';
  return `${runList(waiting)} did not finish: continue each with gatelab resume RUN (e.g. gatelab resume ${waiting[0]}), or with Resume in the app's Runs${why}`;
}

export const command: CliCommand = {
  summary: 'expand a sweep/seeds experiment FILE (JSON) into a group of runs and train them (--parallel N, --json)',
  usage: "FILE",
  options: [
    ["--parallel N", "how many run slots train at once"],
    ["--follow", "print progress about once a second while it trains (with --json: every event, one JSON line each)"],
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  // a script reading the last stdout line finds the refusal as it finds the group: also for the mistakes
  // main/cli.ts finds before the sweep runs (an unknown option)
  jsonRefusal: (error) => ({ group: null, status: 'error', runs: [], error }),
  async run(args) {
    const file = args.positionals[0];
    const json = args.options.json === true;
    // a refusal (exit 2) or a failure of the lab (exit 1): its --json line too
    const sayError = (message: string) => sayRefusal('sweep', command, args, message);
    if (!file) {
      sayError('give an experiment file (JSON with config, seeds, sweep); see docs');
      return EXIT_REFUSED;
    }
    let s;
    let typed: TypedKey[] = [];
    try {
      const raw = readExperimentFile(file);
      typed = typedKeysOf(raw, file);
      const parallel = stringOption(args, 'parallel');
      if (parallel !== undefined && !(Number.isInteger(Number(parallel)) && Number(parallel) >= 1)) throw new Refusal(`--parallel must be a whole number of run slots, at least 1 (got '${parallel}')`);
      // a new lab gets its demos first, as import and train do: a sweep file may name one ("Demo: click log (CTR)")
      await installDemosOnFirstUse(stringOption(args, 'home'));
      s = openCliRuns(stringOption(args, 'home'), { poolSize: parallel ? Number(parallel) : undefined });
      const lab = s;
      // the file, its dataset and every point's config are checked before any run is queued: what they
      // throw refuses the sweep (exit 2, as train's), except a failure of the lab (its database, its disk)
      const { groupId, runIds, warnings } = refusing(() => {
        const parsed = ExperimentSpec.safeParse(withDatasetIdOf(raw, lab));
        if (!parsed.success) {
          const i = parsed.error.issues[0];
          throw new Refusal(`${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
        }
        return lab.manager.createExperiment(parsed.data);
      });
      if (!json) console.log(`group ${groupId}: ${runIds.length} runs queued (${runIds.join(', ')}), on ${s.manager.poolSize} ${s.manager.poolSize === 1 ? 'slot' : 'slots'}: a run takes one per thread`);
      // what the data checks found too thin to trust (few forecasting windows), said before it trains, as train says it
      for (const warning of warnings) console.error(warning);
      const runs = await followRuns(s.manager, runIds, { follow: args.options.follow === true, json });
      // per setting (config but seed), n and mean ± std of each test metric, the best one marked
      const summary = sweepSummary(runs.map((r) => ({ id: r.id, config: (r.config ?? {}) as Record<string, unknown>, test: lastMetrics(s!.store, r.id, 'test.'), regressionBaseline: r.dataSummary?.regressionBaseline ?? null })));
      if (json) console.log(JSON.stringify({ group: groupId, runs: runs.map((r) => runResult(s!.store, r)), summary }));
      else console.log(`${runsTable(s.store, runs, { settings: true })}\n\n${sweepSummaryText(summary)}`);
      const code = exitCodeOfAll(runs); // as train's: 3 when none failed and some are paused
      if (!json) { const next = howToContinue(runs, code); if (next) console.log(next); }
      return code;
    } catch (e) {
      // `"split": "stratified"` when the dataset has one stored: its id, as the file would name it
      if (s && e instanceof Error) e.message += sweepSplitHint(s, e.message, file);
      // the config check's advice names --set data.splitId, train's flag: in a sweep the id goes in the file
      sayError(namingTypedKeys(splitIdAdviceInFile((e as Error).message, file), typed));
      return exitCodeOfError(e);
    } finally {
      await s?.close();
    }
  },
};
