// Runs on an imported dataset: resolve `--dataset ID|NAME|FILE` (a file is imported first through the
// registry), fill the data section of the run config, and give the run manager what the trainer needs
// to read the dataset (its columnar cache, columns and roles, the split).
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { columnsOf, type Dataset, type DatasetRegistry } from '../datasets/index';
import { defaultRunName, openCliDatasets } from './cli-datasets';
import { openDatasetCache } from '../import/index';
import { cacheForRun } from '../datasets/trained-caches';
import { DataColumns, type DataBindingInput } from '../../../common/models/binding';
import { runBinding, type RunBindingConfig } from '../../../common/models/run-binding';
import { parseModelConfig, templateInfo } from '../../../common/models';
import type { LabStore, RunRecord } from '../store/index';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import type { RunConfigInput } from '../../../common/runs/config';
import { countsOfColumns, NEW_RUN_POSITIVE_BY_COUNT, withDatasetDefaults } from './dataset-defaults';
import { LabelRules } from '../lab/label-rules';
import { checkRunData, DataCheckMemo, targetCodingOf } from './data-guard';
import { refuseEttForTemplate } from './ett-split-check';
import { LONG_FORMAT_LINE } from '../../../common/data/forecasting-long';
import { shellWord } from '../../../common/text/shell-word';
import { didYouMean } from '../../../common/text/did-you-mean';
import { secondModalityExample } from './second-modality-example';
import { DatasetGone } from './dataset-gone';
import { fusionModalitiesByCounts } from '../../../common/models/usable-columns';
import { withStoredSplitHint } from './stored-split-hint';
import { currentIssues } from '../datasets/current-issues';
import { saidAtOnce, type SetupLines } from './setup-lines';

export interface DatasetRunSetup {
  store: LabStore;
  config: Record<string, unknown>;
  resolve: (run: RunRecord) => Record<string, unknown>;
  /**
   * What the checks below read of the data (the target's classes, a forecasting series' order and split):
   * hand it to RunManager.create (`dataChecks`) so the run is not checked on a second read of the same data.
   */
  dataChecks: DataCheckMemo;
  /**
   * Leaves the lab as it was before the setup, for a run refused after it (the run manager's create): deletes
   * the dataset it imported, or sets --target back. Given the refusal, rewrites its advice when the dataset it
   * names was deleted (adviceWithoutDataset). Call it before the store is closed; at most once.
   */
  undo: (refusal?: unknown) => void;
}

/**
 * What the trainer needs to read a run's dataset (workers/data LabDatasetPayload): cache folder, the
 * columns with the roles the run was created with, and the spec of the stored split the run names
 * (`data.splitId`), which must be a split of that dataset. A dataset or split deleted, or a split of another
 * dataset, throws DatasetGone (the run manager fails the run); anything else it throws may pass (a damaged row).
 */
export function datasetResolver(registry: DatasetRegistry) {
  return (run: RunRecord): Record<string, unknown> => {
    const d = registry.get(run.datasetId!);
    if (!d) throw new DatasetGone(`dataset ${run.datasetId} of run ${run.id} no longer exists; start a new run on an existing dataset`);
    const { splitId, columns } = (run.config as { data?: { splitId?: number; columns?: unknown[] } }).data ?? {};
    let split: Record<string, unknown> = {};
    if (splitId !== undefined) {
      const s = registry.store.splits.get(splitId);
      if (!s) throw new DatasetGone(`split ${splitId} does not exist (gatelab datasets show ${d.id} lists the splits of dataset ${d.id})`);
      if (s.datasetId !== d.id) throw new DatasetGone(`split ${splitId} is a split of dataset ${s.datasetId}, not of dataset ${d.id} that run ${run.id} trains on`);
      // A 'given' split matched rows to the user's split files, which the trainer does not have: send its rows.
      const given = (s.spec as { kind?: string }).kind === 'given';
      split = { split: s.spec, splitName: s.name, ...(given ? { splitAssignment: Buffer.from(s.assignment).toString('base64') } : {}) };
    }
    // The columns its trainer log-scaled when it first started, so a resume, Try it, an analytics job and an
    // export read the same inputs; a run that trained before the rule existed (steps, no summary) logged none;
    // a new run decides (it may already be 'running': the manager claims a run before launching its trainer).
    const logScaled = run.dataSummary?.logScaled ?? (run.step > 0 ? [] : undefined);
    // Whether its trainer pivoted a long-format file (forecasting-long.ts), so a resume, an export or an
    // analysis reads the rows the model was trained on: as its trainer said with 'ready'; a run stored before
    // that was kept, by its data line's "long format: …" note; unknown (never started): decide.
    const pivoted = pivotedWhenTrained(run.dataSummary);
    return {
      // a finished run reads the data as it trained on it, even after the dataset was retyped (trained-caches.ts)
      cacheDir: cacheForRun(d, run), family: d.family,
      // its name: a gate report's title says which data the run trained on ("Run 2: tsmixer-gated on loads")
      name: d.name,
      // the run's own snapshot (the binding it was trained with); runs from before it: the current roles
      columns: columns ?? d.columns.map((c) => ({ name: c.name, type: c.typeOverride ?? c.type, role: c.role, modality: c.modality })),
      ...split,
      ...(logScaled ? { logScaled } : {}),
      ...(pivoted !== undefined ? { pivoted } : {}),
    };
  };
}

/** Whether a started run's trainer pivoted a long-format file; undefined for a run never started. */
export function pivotedWhenTrained(summary: RunRecord['dataSummary']): boolean | undefined {
  if (!summary) return undefined;
  return summary.pivoted ?? LONG_FORMAT_LINE.test(summary.line);
}

/**
 * `lines`: where the setup's facts go (setup-lines.ts: "imported … as dataset N", the import warnings, what a
 * refusal undid), or a function that says each in its words at once.
 * `sets`: the command's `--set` options, said in the run's name when the config gives none (defaultRunName).
 * `target`: the column to predict (`gatelab train --target COLUMN`); it becomes the dataset's only target,
 * as `gatelab datasets roles ID COLUMN=target` would make it, and stays so for later runs.
 * A refused run leaves the lab as it was (README "Exit codes": nothing queued, imported or changed): what
 * needs no data (the template, the --set fields and their ranges, a split the family cannot use) is checked
 * before a file is read; when a check of the data refuses, a file this call imported is deleted again and
 * --target is set back. A refusal after it returns (the run manager's create) calls `undo` for the same.
 */
export async function datasetRunSetup(home: string | undefined, ref: string, config: Record<string, unknown>, lines: SetupLines | ((line: string) => void),
  options: { target?: string; sets?: ReadonlyArray<readonly [string, string]> } = {}): Promise<DatasetRunSetup> {
  const { event } = typeof lines === 'function' ? saidAtOnce(lines) : lines;
  const template = (config.model as { template?: string } | undefined)?.template;
  if (!template || template === 'demo-gated') throw new Error('a dataset run needs --template NAME (gatelab templates lists them; e.g. dlinear, finalmlp, gmu)');
  // the run config as its create will parse it (parseNewRunConfig: unknown fields, ranges), on a dataset to come
  try {
    checkConfigBeforeData(config, ref);
  } catch (e) {
    await withStoredSplitHint(e, home, ref, config); // `--set split=stratified` when the dataset has one stored: its id
    throw e;
  }
  const lab = await openCliDatasets(home); // a new lab's demos first (said on stderr): --dataset may name one
  // what a refusal undoes: the dataset this call imported, as a whole, or --target on an existing one
  let undo = (_refusal?: unknown): void => {};
  try {
    let datasetId: number;
    let importedNow = false;
    if (!/^\d+$/.test(ref) && existsSync(ref)) {
      const outcome = await lab.registry.importDataset(resolvePath(ref));
      datasetId = outcome.dataset.id;
      importedNow = outcome.created;
      event({ kind: 'imported', file: ref, datasetId, created: outcome.created, name: outcome.dataset.name });
      // what `gatelab import` would have listed (a -200 code for a missing reading…): counted, and where to read it
      const warnings = outcome.created ? importWarningCount(outcome.dataset) : 0;
      if (warnings) event({ kind: 'import-warnings', datasetId, count: warnings });
      if (importedNow) undo = importUndo(lab.registry, datasetId, outcome.dataset.name, ref, event);
    } else datasetId = resolveDataset(lab.registry, ref).id;
    // --target changes the dataset's roles for later runs too; a run refused below must not leave it changed
    if (options.target !== undefined) {
      const rolesBefore = lab.registry.get(datasetId)!.columns.map((c) => ({ column: c.name, role: c.role }));
      const id = datasetId;
      const rules = new LabelRules(lab.store.settings);
      const ruleBefore = rules.get(String(id));
      if (!importedNow) undo = once(() => {
        lab.registry.setColumns(id, rolesBefore);
        if (ruleBefore) rules.set(String(id), ruleBefore);
        event({ kind: 'target-restored', datasetId: id });
      });
      const wasTarget = rolesBefore.find((c) => c.role === 'target')?.column;
      setTarget(lab.registry, datasetId, options.target, event);
      // a label rule is about its column's values ('rating' ≥ 4, 'Charged Off'): a new target drops it, as
      // `datasets roles` and the app do, instead of reading the new column by the old one's rule
      if (ruleBefore && (ruleBefore.positiveAtLeast != null || ruleBefore.positive != null) && wasTarget !== options.target) {
        rules.set(String(id), { positiveAtLeast: null, positive: null });
        event({ kind: 'label-rule-removed', column: String(wasTarget) });
      }
    }
    const data = { ...((config.data as object) ?? {}), kind: 'dataset', datasetId };
    const dataset = lab.registry.get(datasetId)!;
    const dataChecks = new DataCheckMemo();
    // checked as the run will be created: with the label rule set on the dataset's target in the app
    // (MovieLens rating ≥ 4), which the run manager adds to a config that sets none (dataset-defaults.ts);
    // read raw, a 1–5 rating was refused here as "5 values" although the run trains
    const model = new LabelRules(lab.store.settings).applyTo(String(datasetId), config.model as Record<string, unknown>);
    // and as a new run reads two values no word decides: the rarer one positive (dataset-defaults.ts), so the
    // target check the run manager repeats finds this one in the memo instead of reading the column again
    checkBinding(dataset, { ...config, model, data: { positiveByCount: NEW_RUN_POSITIVE_BY_COUNT, ...data } }, dataChecks);
    checkData(lab.store, dataset, { ...config, data }, dataChecks);
    // named as the app names its runs, so a CLI run reads the same in the app's run list (not "run 3")
    const name = typeof config.name === 'string' && config.name ? config.name : defaultRunName(template, dataset.name, options.sets);
    return { store: lab.store, config: { ...config, data, name }, resolve: datasetResolver(lab.registry), dataChecks, undo };
  } catch (e) {
    undo(e);
    lab.close();
    throw e;
  }
}

/**
 * How many warnings `gatelab datasets show` lists for a dataset just imported (infos are not counted). The
 * import's own findings only: a feature that leaks the target is said by the run's checks.
 */
export function importWarningCount(dataset: Pick<Dataset, 'id' | 'rows' | 'validation' | 'columns'>): number {
  const { id, rows, validation, columns } = dataset; // without its cache: no leak check here
  return currentIssues({ id, rows, validation, columns }).filter((i) => i.severity !== 'info').length;
}

/** `f` on the first call only (an undo may be reached from the setup's refusal and from its caller's). */
function once<A extends unknown[]>(f: (...args: A) => void): (...args: A) => void {
  let done = false;
  return (...args: A) => {
    if (done) return;
    done = true;
    f(...args);
  };
}

/**
 * Refuses, before any file is read or imported, what the config alone shows its create would refuse: a
 * field the run or its template does not have, a value out of range (parseNewRunConfig, with a stand-in
 * dataset id: the data's own checks come after the import), and the ETT split on a CTR or fusion template.
 */
function checkConfigBeforeData(config: Record<string, unknown>, ref: string): void {
  try {
    const parsed = parseNewRunConfig({ ...config, data: { ...((config.data as object) ?? {}), kind: 'dataset', datasetId: STAND_IN_ID } } as RunConfigInput);
    refuseEttForTemplate(parsed);
  } catch (e) {
    // advice to store a split (`--set split=stratified`) names the config's dataset: here the stand-in, which
    // is another dataset (or none) in the user's lab; the dataset they named with --dataset is the one meant
    const stored = `gatelab datasets split ${STAND_IN_ID} `;
    if (!(e instanceof Error) || !e.message.includes(stored)) throw e;
    const meant = /^\d+$/.test(ref) || !existsSync(ref) ? shellWord(ref) : 'ID';
    e.message = e.message.split(stored).join(`gatelab datasets split ${meant} `);
    throw e;
  }
}
const STAND_IN_ID = 1;

/**
 * Deletes the dataset this command just imported (registry.delete: its folder and its row, as `gatelab
 * datasets delete` does), once the run it was imported for is refused; says so, since "imported … as dataset
 * N" was said. The refusal's advice may name dataset N (`gatelab datasets roles N <column>=target`), which no
 * longer exists: given the refusal, it is rewritten to import the file first (adviceWithoutDataset). Runs at
 * most once.
 */
function importUndo(registry: DatasetRegistry, datasetId: number, name: string, file: string, event: SetupLines['event']): (refusal?: unknown) => void {
  return once((refusal?: unknown) => {
    try {
      registry.delete(datasetId);
    } catch (e) {
      event({ kind: 'import-kept', datasetId, file, reason: (e as Error).message });
      return;
    }
    const advised = refusal instanceof Error && namesDataset(refusal.message, datasetId, name);
    event({ kind: 'import-removed', datasetId, file, advised });
    // in place, not a new Error: the refusal's class says its exit code (exit-codes.ts); an error whose
    // message is a getter (zod's) keeps its words
    if (advised) {
      try {
        refusal.message = adviceWithoutDataset(refusal.message, datasetId, file, name);
      } catch { /* a read-only message */ }
    }
  });
}

/** Whether a message names dataset `id` in a command or as "dataset N", or by `name` in a command. */
function namesDataset(message: string, id: number, name: string): boolean {
  return new RegExp(`(gatelab datasets [\\w-]+ |--dataset |\\bdataset )${id}(?!\\w|\\.\\d)`).test(message) || byName(name).test(message);
}

/**
 * `gatelab datasets VERB NAME` and `--dataset NAME`: the binding checks write a dataset by its name when it is
 * one shell word (checkBinding: `gatelab datasets roles ratings.dat <column>=categorical`), which a removed
 * import no longer has either. Group 1 is the command before the name.
 */
function byName(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(gatelab datasets [\\w-]+ |--dataset )${escaped}(?=\\s|$|[),;])`, 'g');
}

/**
 * A refusal's advice once the dataset it names (`id`, imported from `file` by the refused command) was removed
 * again: its first command starts with `gatelab import FILE, then`, and `id` becomes ID (the new import's id)
 * in every command (`gatelab datasets roles ID <column>=target`, "in dataset ID 'shop'"); `--dataset N`
 * becomes `--dataset FILE` (a file already imported is trained on). A message that names no dataset is kept.
 */
export function adviceWithoutDataset(message: string, id: number, file: string, name?: string): string {
  const path = shellWord(file);
  let first = true;
  // the dataset named by its name in a command reads as by its id (then rewritten as the id is)
  const named = name ? message.replace(byName(name), (_all, before: string) => `${before}${id}`) : message;
  return named
    .replace(new RegExp(`gatelab datasets ([\\w-]+) ${id}(?!\\w|\\.\\d)`, 'g'), (_all, verb: string) => {
      const command = `gatelab datasets ${verb} ID`;
      if (!first) return command;
      first = false;
      return `gatelab import ${path}, then ${command}`;
    })
    .replace(new RegExp(`--dataset ${id}(?!\\w|\\.\\d)`, 'g'), `--dataset ${path}`)
    .replace(new RegExp(`\\bdataset ${id}(?!\\w|\\.\\d)`, 'g'), 'dataset ID');
}

/**
 * `--dataset REF` that is no file: a dataset id or name. A REF that looks like a path (a / or \, or a file
 * extension) and is neither is said to be a missing file first, with where it was looked for; the datasets
 * are listed only when it could be a name (no folder in it).
 */
export function resolveDataset(registry: DatasetRegistry, ref: string): Dataset {
  const inFolder = /[\\/]/.test(ref);
  const withExtension = /\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(ref);
  // 'u.data' (or a name given with --name) is a dataset's name as well as a file's: that dataset is the one meant
  if ((!inFolder && !withExtension) || registry.list().some((d) => d.name === ref)) return registry.resolve(ref);
  const missing = `No file '${ref}' (${resolvePath(ref)} does not exist)`;
  if (inFolder) throw new Error(`${missing}: check the path, or give a dataset's id or name (gatelab datasets lists them)`);
  const known = registry.list().map((d) => `${d.id} (${d.name})`).join(', ') || 'none yet';
  throw new Error(`${missing}, and no dataset is named '${ref}'. Known datasets: ${known}`);
}

/**
 * A run the dataset cannot feed (no target for a CTR model, no numbers to forecast) is refused before it
 * is queued, naming the dataset and the --target option, instead of failing in its trainer a moment later.
 */
function checkBinding(dataset: Dataset, config: Record<string, unknown>, memo: DataCheckMemo): void {
  let bound: ReturnType<typeof runBinding>;
  try {
    bound = runBinding(dataset.columns, config as unknown as RunBindingConfig);
  } catch (e) {
    const message = (e as Error).message;
    if (!/gatelab datasets roles ID /.test(message)) return; // other problems (a split name...) keep their own place and wording
    const name = /^[\w.-]+$/.test(dataset.name) ? dataset.name : String(dataset.id);
    // a demo (or a dataset imported for a family) made for another family: say which templates fit it
    const family = templateInfo(String((config.model as { template?: unknown }).template)).family;
    const meant = dataset.family && dataset.family !== family
      ? ` ('${dataset.name}' is a ${dataset.family} dataset: \`gatelab templates\` lists the ${dataset.family} templates)` : '';
    throw new Error(message.replace(/gatelab datasets roles ID <column>=target/, `pass --target COLUMN, or gatelab datasets roles ${name} <column>=target`)
      .replace(/gatelab datasets roles ID /g, `gatelab datasets roles ${name} `) + meant);
  }
  checkTarget(dataset, bound.binding.columns, memo);
  checkModalities(dataset, config, bound.binding.columns);
}

/**
 * A gated fusion (gmu, moe-fusion, gated-cross-attention) on a one-modality dataset: refused here with the
 * template's own message (it failed at step 0 in its trainer, leaving a failed run and --target changed).
 * The template's schema decides, from the modalities the dataset's roles make less the ones the trainer will
 * find without a usable column (fusionModalitiesByCounts: an id-like categorical, an empty column); other fields are the trainer's.
 */
function checkModalities(dataset: Dataset, config: Record<string, unknown>, columns: DataBindingInput['columns']): void {
  if (columns.family !== 'fusion') return;
  const { modalities: kept, left } = fusionModalitiesByCounts(columns, countsOfColumns(dataset.columns));
  try {
    parseModelConfig({ ...(config.model as object), modalities: kept.map((m) => ({ name: m.name, dim: 1 })) });
  } catch (e) {
    const message = (e as Error).message;
    if (!/field 'modalities'/.test(message)) return;
    const name = /^[\w.-]+$/.test(dataset.name) ? dataset.name : String(dataset.id);
    const count = (ms: ReadonlyArray<{ name: string }>) => (ms.length === 1 ? `one modality: ${ms[0].name}` : `${ms.length} modalities`);
    // modalities the roles make but the data empties: say which went and why (the run would say it only when it failed)
    const has = kept.length === columns.modalities.length ? count(kept)
      : `${count(columns.modalities)} by its roles, but the data leaves ${kept.length ? count(kept) : 'none'}: left out: ${left.join(', ')}`;
    // only the modalities lines: moe-fusion's "router.experts: one expert per modality" follows from them
    const lines = message.split('\n').filter((l) => /field 'modalities'/.test(l)).join('\n');
    const example = kept.length === 1 ? secondModalityExample(dataset.columns.map((c) => ({ ...c, type: c.typeOverride ?? c.type })), kept[0]) : null;
    const advice = lines.replace(/gatelab datasets roles ID /g, `gatelab datasets roles ${name} `)
      .replace(/<column>=feature:<modality>/g, (placeholder) => example ?? placeholder);
    throw new Error(`${advice} ('${dataset.name}' has ${has})`);
  }
}

/**
 * A forecasting series its windows cannot be cut from (out of time order, stacked series, a part too short),
 * class weights the run cannot use (on a forecast, or not one per class): refused here with the guard's
 * message (data-guard.ts), so --target is set back too. The run manager checks every face's new runs; given
 * `memo` (DatasetRunSetup.dataChecks) it reuses these reads.
 */
function checkData(store: LabStore, dataset: Dataset, config: Record<string, unknown>, memo: DataCheckMemo): void {
  // The run manager parses the same way (parseNewRunConfig refuses only what would fail: a template field out
  // of range, a typo): refused here, --target is set back as for the data checks.
  const parsed = withDatasetDefaults(parseNewRunConfig(config as RunConfigInput), store);
  checkRunData(parsed, store, () => dataset.cachePath, memo);
}

/**
 * The target's values, read as the trainer will read them (a measurement is not a set of classes, a CTR
 * label must be two-valued, ...): refused here with the trainer's own message, not after queuing. Its
 * classes stay in `memo` for the class-weights check (data-guard.ts).
 */
function checkTarget(dataset: Dataset, columns: DataBindingInput['columns'], memo: DataCheckMemo): void {
  const parsed = DataColumns.parse(columns);
  // the column's type lets the message name a time column as one (a click log's unix-seconds 'ts')
  const typeOf = (n: string) => dataset.columns.find((c) => c.name === n)?.type;
  if (parsed.family !== 'forecasting') targetCodingOf(parsed, dataset.cachePath, () => columnsOf(openDatasetCache(dataset.cachePath)), typeOf, memo, { id: dataset.id, name: dataset.name });
}

function setTarget(registry: DatasetRegistry, datasetId: number, column: string, event: SetupLines['event']): void {
  const d = registry.get(datasetId)!;
  if (!d.columns.some((c) => c.name === column)) {
    const names = d.columns.map((c) => c.name);
    throw new Error(`--target '${column}': dataset ${datasetId} has no such column${didYouMean(column, names)}; its columns: ${names.join(', ')}`);
  }
  const previous = d.columns.filter((c) => c.role === 'target' && c.name !== column);
  if (previous.length === 0 && d.columns.find((c) => c.name === column)!.role === 'target') return;
  registry.setColumns(datasetId, [{ column, role: 'target' }, ...previous.map((c) => ({ column: c.name, role: 'feature' as const }))]);
  event({ kind: 'target-set', datasetId, column, previous: previous.map((c) => c.name) });
}
