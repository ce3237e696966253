// `gatelab train [--dataset ID|FILE] [--target COLUMN] [--template NAME] [--set key=value ...] [--seed S] [--epochs N]
//                [--config FILE] [--priority P] [--cuda] [--follow] [--json]`
// Queues one run, trains it in a trainer process (early stopping on validation), evaluates on test,
// stores everything and prints the metrics. --json: the last line is one JSON object {run, status, test, ...}.
// Without --dataset it trains the demo gated model on synthetic data. Ctrl-C pauses the run.
// Exit codes (exit-codes.ts): 0 completed, 1 failed/cancelled/interrupted or the lab failed, 2 the options,
// config or data were refused (no run was queued), 3 paused (resumable).
import { readFileSync } from 'node:fs';
import type { CliCommand } from '../cli';
import { stringOption, type CliArgs } from './args';
import { applyOverrides, withTypedKeys } from '../lab/runs/run-overrides';
import { openCliRuns, followRuns, runResult, describeResult, exitCodeOf } from '../lab/runs/cli-session';
import { datasetRunSetup } from '../lab/runs/dataset-runs';
import { installDemosOnFirstUse, withDatasetIdByName, withDefaultRunName } from '../lab/runs/cli-datasets';
import { DatasetRegistry } from '../lab/datasets/index';
import { canonicalTemplateId, templateInfo } from '../../common/models';
import { defaultAppDataDir } from '../lab/home';
import { join, resolve } from 'node:path';
import { Refusal, refusing, refusingAsync } from '../lab/runs/refusal';
import { exitCodeOfError } from './exit-codes';
import { refuseTemperatureUnderSchedule } from './router-schedule-request';
import { holdTargetLine } from './held-target-line';
import { holdImportWarnings } from './held-import-warnings';
import { withDatasetInAdvice } from './advice-dataset';
import { sayRefusal } from './json-refusal';

function numberOption(args: CliArgs, key: string): number | undefined {
  const v = stringOption(args, key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Refusal(`--${key} needs a number (got '${v}')`);
  return n;
}

/** The run config from --config FILE, --template, --set, --seed, --epochs. */
export function runConfigFromArgs(args: CliArgs): Record<string, unknown> {
  const file = stringOption(args, 'config');
  let config: Record<string, unknown> = file ? readConfigFile(file) : {};
  const template = stringOption(args, 'template');
  if (template) config = { ...config, model: { ...((config.model as object) ?? {}), template } };
  // `--template DLinear`, `dcn_v2`: the id it can only mean (an exact id but for case and separators)
  const asked = (config.model as { template?: unknown } | undefined)?.template;
  const canonical = typeof asked === 'string' ? canonicalTemplateId(asked) : undefined;
  if (canonical && canonical !== asked) config = { ...config, model: { ...(config.model as object), template: canonical } };
  const seed = numberOption(args, 'seed');
  const epochs = numberOption(args, 'epochs');
  if (seed !== undefined) config.seed = seed;
  if (epochs !== undefined) config.epochs = epochs;
  if (args.options.cuda === true) config.provider = 'auto';
  return applyOverrides(config, args.sets);
}

/** A run config file (--config FILE): a JSON object, or a refusal naming the file and what is wrong with it. */
function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Refusal(`--config: cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder; give a JSON file' : (e as Error).message}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new Refusal(`--config: ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new Refusal(`--config: ${file} must hold a JSON object (a run config: {"model": {...}, "epochs": ...})`);
  return config as Record<string, unknown>;
}

/** Whether a run config trains on a stored dataset (its data section names one), not on synthetic data. */
function namesDataset(config: Record<string, unknown>): boolean {
  const data = config.data as { kind?: unknown; datasetId?: unknown } | undefined;
  return data?.kind === 'dataset' || data?.datasetId !== undefined;
}

/** SQLite's "attempt to write a readonly database" names no file and no fix: say which, and what to check. */
export function explainStoreError(msg: string, home: string | undefined): string {
  if (!/readonly database|SQLITE_READONLY|unable to open database/i.test(msg)) return msg;
  const dir = resolve(home ?? process.env.GATELAB_HOME ?? defaultAppDataDir());
  return `the lab database ${join(dir, 'gatelab.sqlite')} cannot be written (${msg}): check the permissions of that file and of its folder ${dir}, or use another lab home (--home DIR)`;
}

export const command: CliCommand = {
  summary: 'train a model: --dataset ID|FILE [--target COLUMN] --template NAME [--set key=value] [--seed S] [--epochs N] [--follow] [--json]',
  usage: "--dataset ID|FILE --template NAME [options]",
  options: [
    ["--dataset ID|FILE", "a dataset id or name, or a data file to import (without it: the demo model on synthetic data)"],
    ["--target COL", "the column to predict (makes it the dataset's target)"],
    ["--template NAME", "the model template (gatelab templates lists them)"],
    ["--set key=value", "a run or template field, repeatable (e.g. --set lookback=336 --set lr=1e-3 --set gate.enabled=false)"],
    ["--seed S", "the run seed (initial weights, batch order)"],
    ["--epochs N", "at most N epochs (early stopping on validation may end it sooner)"],
    ["--config FILE", "a run config (JSON) to start from"],
    ["--priority P", "queue priority (higher runs first)"],
    ["--cuda", "use CUDA where its provider is installed (else the CPU)"],
    ["--follow", "print progress about once a second while it trains (with --json: every event, one JSON line each)"],
    ["--json", "the last stdout line is one JSON object {run, status, test, ...}"],
  ],
  jsonRefusal: (error) => ({ run: null, status: 'error', test: {}, error }),
  async run(args) {
    const json = args.options.json === true;
    let session;
    try {
      // Everything up to the queued run checks what was asked (options, config, template, dataset, the data's
      // fit): what it throws refuses the run (exit 2), except a failure of the lab (its database, its disk).
      const asked = refusing(() => {
        // `train … --json extra`: a word train does not read must not be dropped without a word
        if (args.positionals.length) throw new Refusal(`unexpected argument '${args.positionals[0]}': train takes only options (a data file goes after --dataset); 'gatelab train --help' lists them`);
        const config = runConfigFromArgs(args);
        // A misspelt template must not import the file or set --target first (the run would be refused later).
        const template = (config.model as { template?: unknown } | undefined)?.template;
        if (typeof template === 'string' && template !== 'demo-gated') templateInfo(template);
        const dataset = stringOption(args, 'dataset');
        const target = stringOption(args, 'target');
        if (target !== undefined && !dataset) throw new Refusal('--target needs --dataset ID|FILE');
        refuseTemperatureUnderSchedule(config);
        return { config, dataset, target, home: stringOption(args, 'home'), priority: numberOption(args, 'priority') };
      });
      const { dataset, target, home } = asked;
      // "imported … as dataset N", "target of dataset N: …": on stderr with --json (its stdout is JSON alone);
      // the target line only once the run is queued (a refused run sets the target back: held-target-line.ts)
      const say = (l: string) => (json ? console.error(l) : console.log(l));
      // the import-warnings count points at the dataset only once it stands (held-import-warnings.ts)
      const lines = holdImportWarnings(holdTargetLine(say));
      const setup = dataset ? await refusingAsync(() => datasetRunSetup(home, dataset, asked.config, lines, { target, sets: args.sets })) : null;
      // a config that names a dataset itself (--config FILE, --set data.datasetId=2): a new lab's demos first,
      // as --dataset, import and sweep install them, so README's "dataset 2" is the click log there too
      if (!setup && namesDataset(asked.config)) await installDemosOnFirstUse(home);
      session = openCliRuns(home, { store: setup?.store, resolveDataset: setup?.resolve });
      // and by name (`"datasetId": "Demo: click log (CTR)"`), as a sweep file and --dataset may name it
      const registry = new DatasetRegistry(session.store, session.paths);
      const config = setup ? setup.config : withDefaultRunName(refusing(() => withDatasetIdByName(asked.config, registry)), registry, args.sets);
      const manager = session.manager;
      // create refuses (a Refusal: exit 2, nothing queued) a config or data its run could not train on; then
      // the file the setup imported is removed again (the refusal's advice then imports it first, not the
      // removed dataset's id), or --target set back (nothing imported or changed)
      let id: number;
      try {
        id = manager.create(config, { priority: asked.priority, dataChecks: setup?.dataChecks });
      } catch (e) {
        setup?.undo(e);
        throw e;
      }
      lines.queued();
      if (!json) console.log(`run ${id} queued in ${session.paths.home}`);
      // what the data checks found too thin to trust (few forecasting windows: data-guard.ts), said before it trains
      for (const warning of setup?.dataChecks.warnings ?? []) console.error(warning);
      const [run] = await followRuns(session.manager, [id], { follow: args.options.follow === true, json, outcomeLine: true, printNote: (l) => console.error(l) });
      let line: string;
      try {
        line = json ? JSON.stringify(runResult(session.store, run)) : describeResult(session.store, run);
      } catch {
        // The store cannot be read (disk, permissions): the outcome is still the user's to see.
        line = json ? JSON.stringify({ run: id, status: run.status, step: run.step, test: {}, error: run.error }) : `run ${id} ${run.status} at step ${run.step}${run.error ? `: ${run.error}` : ''}`;
      }
      console.log(line);
      // 0 completed; 3 paused (Ctrl-C, gatelab pause: resumable, it did not finish); 1 failed, cancelled, interrupted
      return exitCodeOf(run);
    } catch (e) {
      // a refused field is named as the user typed it too (`--set batch-size=0`, not only `batchSize`), and a
      // dataset command in the advice names the dataset typed (`gatelab datasets split ettm`, not `… ID`)
      const msg = withDatasetInAdvice(withTypedKeys(explainStoreError((e as Error).message, args.options.home === true ? undefined : args.options.home), args.sets), stringOption(args, 'dataset'));
      sayRefusal('train', command, args, msg);
      return exitCodeOfError(e);
    } finally {
      await session?.close();
    }
  },
};

