// Export a run's trained model as ONNX: the inference graph with the best-on-validation parameters (or
// the newest checkpoint when the run has no validation yet) baked in, and metadata naming the run, its
// config and its metrics, and `gatelab.preprocessing`: how raw rows become its inputs and what its outputs
// mean (export-preprocessing.ts), so the file is usable on new raw rows without GateLab. The file is
// recorded in the exports table (not on a lab open read-only: the file is still written, and its note says so).
// An export never replaces a file that has the run's preprocessing with one that lacks it (its dataset was
// deleted since, say): the new file goes beside it, and the note says where (keptExport).
import { existsSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { onnx } from '../../../engine/onnx/proto';
import type { LabStore } from '../store/index';
import type { RunFiles } from './run-files';
import { decodeCheckpoint } from '../../../common/runs/checkpoint-format';
import { parseRunConfig } from '../../../common/runs/config';
import { compileTraining } from '../../../engine/train/compile';
import { exportInference } from '../../../engine/train/export';
import { gatedModel } from '../../../engine/train/gated-model';
import { buildModel } from '../../../engine/models/index';
import type { ModelDefinition } from '../../../engine/train/model';
import { lastMetrics, validationMetrics } from './run-report';
import { exportEarlyExitRun } from '../../../engine/analytics/early-exit-export';
import { parseModelConfig, type TemplateOf } from '../../../common/models';
import type { DatasetRegistry } from '../datasets/registry';
import { datasetResolver } from './dataset-runs';
import { runPipeline, type DatasetPayload } from './run-pipeline';
import { preprocessingDoc } from './export-preprocessing';
import type { NoPreprocessing, PreprocessingDoc } from './preprocessing-doc';
import { noRun } from './refusal';

const stringValues = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));

// The same choice as workers/run/model-for.ts (main/ may not import workers/).
export function modelOf(model: Record<string, unknown> & { template: string }): ModelDefinition {
  if (model.template !== 'demo-gated') return buildModel(model);
  const s = model as unknown as { inputs: number; hidden: number; experts: number; expertHidden: number };
  return gatedModel({ inputs: s.inputs, hidden: s.hidden, experts: s.experts, expertHidden: s.expertHidden });
}

type RunRecord = NonNullable<ReturnType<LabStore['runs']['get']>>;

/** Columns the user typed int or float (at import, or since): the importer reads decimal commas in them in any file not separated by ','. */
function typedNumbers(store: LabStore, datasetId: number): string[] {
  const atImport = (store.datasets.get(datasetId)?.importOptions as { columnTypes?: Record<string, string> } | undefined)?.columnTypes ?? {};
  const since = store.datasets.columns(datasetId).filter((c) => c.typeOverride === 'int' || c.typeOverride === 'float').map((c) => c.name);
  return [...new Set([...Object.keys(atImport).filter((n) => atImport[n] === 'int' || atImport[n] === 'float'), ...since])];
}

/**
 * The run's preprocessing, re-derived from its dataset as its trainer derived it; when that is impossible
 * (synthetic data, dataset deleted, or its cache no longer gives the model's shapes) the reason instead.
 */
export function runPreprocessing(store: LabStore, files: RunFiles, run: RunRecord, def: ModelDefinition, float: 'float32' | 'float64'): PreprocessingDoc | NoPreprocessing {
  const none = (reason: string): NoPreprocessing => ({ version: 1, available: false, reason });
  const dataKind = (run.config as { data?: { kind?: string } }).data?.kind;
  if (dataKind !== 'dataset') return none(`run ${run.id} trained on synthetic data: its inputs are generated numbers, fed as they are`);
  // the runs table clears a deleted dataset's id (ON DELETE SET NULL): say so, not "synthetic"
  if (run.datasetId == null) return none(`run ${run.id}'s dataset was deleted: its feature pipeline cannot be re-derived; the model is exported without it`);
  // The resolver the trainer's payload comes from, over this store (cache paths relative to the lab home).
  const registry = { store, get: (id: number) => { const d = store.datasets.get(id); return d && { ...d, columns: store.datasets.columns(id), cachePath: files.fromStored(d.cacheDir) }; } };
  const config = run.config as { model: Record<string, unknown>; data: { split?: string; splitSeed?: number }; seed?: number };
  try {
    const payload = datasetResolver(registry as unknown as DatasetRegistry)(run) as unknown as DatasetPayload;
    const { mismatch, ...pipeline } = runPipeline(payload, config);
    if (mismatch) return none(`dataset ${run.datasetId} no longer gives the features run ${run.id} was trained on (${mismatch}); its preprocessing cannot be described`);
    // the dataset's ParseRules say which later number readings its columns got (export-number-format.ts)
    const importOptions = store.datasets.get(run.datasetId)?.importOptions;
    return preprocessingDoc(pipeline, { float, targets: Object.keys(def.targets), classes: config.model.classes, typedNumbers: typedNumbers(store, run.datasetId), importOptions });
  } catch (e) {
    // The weights are still worth exporting; the file says why its preprocessing is missing.
    return none(`the preprocessing of run ${run.id} could not be re-derived from dataset ${run.datasetId}: ${(e as Error).message}`);
  }
}

export function exportRun(store: LabStore, files: RunFiles, runId: number, out: string): { path: string; bytes: number; checkpoint: string; preprocessing: string; note?: string } {
  const run = store.runs.get(runId);
  // the lab home is the database's folder (home.ts): "no run N in HOME", as every verb says it
  if (!run) throw noRun(runId, dirname(store.path));
  const { ckpt, data, note } = exportCheckpoint(store, files, runId, run.status);
  const config = parseRunConfig(run.config);
  const def = modelOf(config.model as Record<string, unknown> & { template: string });
  const { layout } = compileTraining(def, { dtype: data.header.dtype, optimizer: { kind: 'sgd' } });
  const metadata = {
    'gatelab.run': String(runId), 'gatelab.checkpoint': `${ckpt.kind} step ${ckpt.step}`, 'gatelab.config': config,
    'gatelab.test_metrics': lastMetrics(store, runId, 'test.'), 'gatelab.validation_metrics': validationMetrics(store, runId, ckpt.step),
    'gatelab.preprocessing': runPreprocessing(store, files, run, def, data.header.dtype),
  };
  const pre = metadata['gatelab.preprocessing'];
  // early exit: the ONNX If form, so blocks after a sample's exit really are skipped at inference
  const early = config.model.template === 'early-exit-mlp'
    ? exportEarlyExitRun(parseModelConfig(config.model) as TemplateOf<'early-exit-mlp'>, { dtype: data.header.dtype, layout, params: data.params, metadata: stringValues(metadata) }) : null;
  const bytes = early ?? exportInference(def, { dtype: data.header.dtype, layout, params: data.params, metadata, step: data.header.step });
  const { path, kept } = keptExport(resolve(out), 'available' in pre);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  // A lab open read-only (its database failed its start-up check) still exports what it can read: the
  // file is written; only the lab's list of exports cannot record it, and the note says so.
  const unlisted = store.readOnly ? `the file is not in the lab's list of exports: the lab database is open read-only` : undefined;
  if (!store.readOnly) store.checkpoints.addExport({ runId, format: 'onnx', path, bytes: statSync(path).size, metadata: { checkpoint: ckpt.path, step: ckpt.step } });
  const notes = [note, kept && `${kept} has run ${runId}'s preprocessing and was kept; this export lacks it (${(pre as NoPreprocessing).reason}), so it was written beside it as ${basename(path)}`, unlisted].filter(Boolean).join('; ');
  return { path, bytes: bytes.length, checkpoint: ckpt.path, preprocessing: 'available' in pre ? pre.reason : 'included', ...(notes ? { note: notes } : {}) };
}

/**
 * The run has no checkpoint that can be read: none yet (`damaged` empty), or every one is damaged (why, per
 * file, then the ways on: damagedCheckpointsWaysOn). Its message is the export's, in the app's Export view
 * and `gatelab export` alike; Try it, which exports first, words it for itself (lab/try-it.ts).
 */
export class NoTrainedWeights extends Error {
  override name = 'NoTrainedWeights';
  constructor(readonly runId: number, readonly status: string, readonly damaged: readonly string[], message: string) {
    super(message);
  }
}

/** Whether the file at `path` is an ONNX export carrying a run's preprocessing (`gatelab.preprocessing` available). */
function hasPreprocessing(path: string): boolean {
  try {
    const doc = onnx.ModelProto.decode(readFileSync(path)).metadataProps?.find((p) => p.key === 'gatelab.preprocessing')?.value;
    return !!doc && (JSON.parse(doc) as { available?: unknown }).available !== false;
  } catch {
    return false; // missing, or not an export of ours: nothing there a new export would lose
  }
}

/**
 * Where an export goes: `out`, unless the new file lacks preprocessing and the file at `out` has it. Then
 * beside it, as `run-3-no-preprocessing.onnx` (or `-2`, `-3`, … if that name too holds a file with
 * preprocessing), and `kept` names the file left as it was.
 */
function keptExport(out: string, lacksPreprocessing: boolean): { path: string; kept?: string } {
  if (!lacksPreprocessing || !hasPreprocessing(out)) return { path: out };
  const ext = extname(out);
  const stem = join(dirname(out), `${basename(out, ext)}-no-preprocessing`);
  for (let n = 1; ; n++) {
    const path = `${stem}${n > 1 ? `-${n}` : ''}${ext}`;
    if (!hasPreprocessing(path)) return { path, kept: out };
  }
}

/**
 * The checkpoint to export: best on validation, else the newest, else (a run that failed before its
 * first epoch, e.g. on NaN) its last good one, said in `note`. A damaged file is skipped, also said.
 */
function exportCheckpoint(store: LabStore, files: RunFiles, runId: number, status: string) {
  const ckpts = store.checkpoints.forRun(runId).filter((c) => existsSync(files.fromStored(c.path)));
  const order = [...ckpts.filter((c) => c.kind === 'best').reverse(), ...ckpts.filter((c) => c.kind !== 'best' && c.kind !== 'last-good').reverse(), ...ckpts.filter((c) => c.kind === 'last-good').reverse()];
  if (!order.length) throw new NoTrainedWeights(runId, status, [], `run ${runId} (${status}) has no checkpoint to export yet: train it for at least one epoch`);
  const damaged: string[] = [];
  for (const ckpt of order) {
    let data;
    try {
      data = decodeCheckpoint(readFileSync(files.fromStored(ckpt.path)), ckpt.path);
    } catch (e) {
      damaged.push((e as Error).message);
      continue;
    }
    const notes = [...damaged, ...(ckpt.kind === 'last-good' ? [`run ${runId} has no epoch checkpoint; exported its last good checkpoint (step ${ckpt.step}, the parameters before the run failed)`] : [])];
    return { ckpt, data, note: notes.length ? notes.join('; ') : undefined };
  }
  throw new NoTrainedWeights(runId, status, damaged, `run ${runId} cannot be exported: every checkpoint it has is damaged (${damaged.join('; ')}). ${damagedCheckpointsWaysOn(runId, 'export again')}`);
}

/**
 * What to do about a run whose every checkpoint is damaged, after the export's or Try it's "why": nothing was
 * touched, so restoring the files and `retry`ing works; else train it again from its stored config (training
 * is deterministic per seed). Resuming is no way on: it needs a readable checkpoint too (run-checkpoints.ts
 * UnresumableRun refuses the same run). `face` 'app': a message only the app shows (Try it) names only the
 * app's way; the export's is read in both, so it names the terminal's and the app's.
 */
export function damagedCheckpointsWaysOn(runId: number, retry: string, face: 'both' | 'app' = 'both'): string {
  const retrain = face === 'app' ? 'Runs → New run from this starts one'
    : `save the "config" of gatelab show ${runId} --json to a file and run gatelab train --config FILE (in the app: Runs → New run from this)`;
  return `Nothing was deleted: restore these files (from a backup, or once the drive that holds them is back) and ${retry}, or train the run again with the same settings: ${retrain}`;
}
