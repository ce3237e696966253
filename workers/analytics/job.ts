// One analytics job in an analytics process: rebuild the run's data and model exactly as its trainer did
// (same spec, same config resolution; the data once), load the checkpoint's parameters, then compute a
// knockout table or a gate report.
import { readFileSync } from 'node:fs';
import { AnalyticsJob, type FromAnalytics, type GateReport, type KnockoutRowsResult, type KnockoutTable } from '../../common/analytics';
import { TEMPLATES } from '../../common/models';
import { knockoutRows } from './knockout-rows';
import { ROWS, WINDOWS } from '../test-rows-check';
import { decodeCheckpoint } from '../../common/runs/checkpoint-format';
import { compileTraining } from '../../engine/train/compile';
import { dataFor } from '../run/data-for';
import { modelFor } from '../run/model-for';
import type { RunData } from '../run/run-data';
import { baseline, knockoutTable, type TrainedModel } from './knockout';
import { gateReport } from './gate-report';
import { datasetContext, type DatasetContext } from './dataset-context';
import { DataColumns } from '../../common/models/binding';
import { usedColumns } from '../../common/analytics/run-inputs';
import { fittingLayout, type FusionLayout } from './fusion-inputs';

export interface LoadedRun {
  model: TrainedModel;
  data: RunData;
  config: Record<string, unknown>;
  featureNames?: string[];
  /** Fusion runs on a dataset: each modality's columns in encoding order, when they add up to its width. */
  modalityColumns?: FusionLayout;
  /** Dataset runs: the original rows behind the test split (read when a report needs them). */
  context?: () => DatasetContext;
}

/** Data, model and trained parameters of the job's run. */
export async function loadRun(job: AnalyticsJob): Promise<LoadedRun> {
  const j = AnalyticsJob.parse(job);
  // a checkpoint's model: built by the trainer, whichever column rule its run was created under
  const { data, config, dataset } = await dataFor(j.spec, { modelBuilt: true });
  const def = modelFor(config);
  const ckpt = decodeCheckpoint(readFileSync(j.checkpoint), j.checkpoint);
  const { layout } = compileTraining(def, { dtype: ckpt.header.dtype, optimizer: { kind: 'sgd' } });
  if (ckpt.params.length !== layout.size) {
    throw new Error(`checkpoint '${j.checkpoint}' holds ${ckpt.params.length} parameters but run ${j.spec.runId}'s model '${def.name}' has ${layout.size}`);
  }
  let featureNames: string[] | undefined;
  let modalityColumns: FusionLayout | undefined;
  let context: LoadedRun['context'];
  if (j.spec.dataset && dataset) {
    // The data is built once (dataFor, as the trainer built it), with the binding and the rows the run used;
    // the original rows behind the test split are read when a gate report asks for them (a knockout never does).
    const { binding, assigned } = dataset;
    featureNames = inputNames(DataColumns.parse(binding.columns), data, config.model as Record<string, unknown>);
    const { columns = [], pivoted } = j.spec.dataset as { columns?: { name: string; type: string; role: string }[]; pivoted?: boolean };
    modalityColumns = modalityLayout(data, config.model as Record<string, unknown>);
    // the rows are pivoted as the trainer pivoted them (the lab's stored `pivoted`, as dataFor read them): a
    // pivoted model with constant series left out has no more channels than the file, so its count cannot tell
    const model = { ...(config.model as { lookback?: number; horizon?: number; channels?: unknown }), ...(pivoted !== undefined ? { pivoted } : {}) };
    context = () => datasetContext(binding, columns, model, assigned);
  }
  return { model: { runId: j.spec.runId, def, dtype: ckpt.header.dtype, layout, params: ckpt.params, step: ckpt.header.step }, data, config: config.model as Record<string, unknown>, featureNames, modalityColumns, context };
}

/**
 * The model's inputs by column name, in its order: the names the data builder gave them (`data.inputs`:
 * the channels or the CTR fields then numeric inputs it kept, an id or empty field already gone). Data
 * without them (a multi-hot's buckets have no column each): the channels its trainer kept, or the binding's
 * CTR fields less those the data line names as left out, then the numeric inputs. The binding resolved from
 * the column snapshot still holds the left-out columns, and every name after one would be shifted.
 */
export function inputNames(c: DataColumns, data: RunData, model: Record<string, unknown>): string[] | undefined {
  const named = data.inputs?.channels ?? data.inputs?.fields;
  if (named) return named.slice();
  if (c.family === 'forecasting') return data.channels;
  if (c.family !== 'recsys') return undefined;
  const used = usedColumns(c, data.describe);
  // the fields must be exactly the model's (one vocabulary each), else numbers beat wrong names
  if (used.family !== 'recsys' || !Array.isArray(model.fields) || used.fields.length !== model.fields.length) return undefined;
  return [...used.fields, ...used.numeric];
}

/** A fusion run's modality layout as its data was encoded (fusion-inputs.ts), where it fits the model's widths; other families: none. */
export function modalityLayout(data: RunData, model: Record<string, unknown>): FusionLayout | undefined {
  if (!data.modalityInputs || !Array.isArray(model.modalities)) return undefined;
  const widths = Object.fromEntries((model.modalities as { name?: unknown; dim?: unknown }[]).map((m) => [String(m.name), Number(m.dim)]));
  const layout = fittingLayout(data.modalityInputs, widths);
  return Object.keys(layout).length ? layout : undefined;
}

export async function runJob(job: AnalyticsJob, send: (m: FromAnalytics) => void, cancelled: () => boolean): Promise<KnockoutTable | GateReport | KnockoutRowsResult> {
  const j = AnalyticsJob.parse(job);
  const run = await loadRun(j);
  const progress = (done: number, total: number, label: string) => send({ type: 'progress', done, total, label });
  if (j.kind === 'rows') {
    if (!j.rowsRequest) throw new Error('a rows job needs its rowsRequest (the knockout and the test rows)');
    // a forecasting run's test split is windows, as Try it (workers/predict.ts) calls them
    const forecast = TEMPLATES.find((t) => t.id === j.spec.config.model?.template)?.family === 'forecasting';
    const result = await knockoutRows(run.model, run.data, j.rowsRequest, { forecast, items: forecast ? WINDOWS : ROWS });
    send({ type: 'rows', result });
    return result;
  }
  if (j.kind === 'knockout') {
    const table = await knockoutTable(run.model, run.data, { interventions: j.interventions, only: j.only, seed: j.seed, resamples: j.resamples, onProgress: progress, cancelled, targetChannels: targetColumns(j) });
    send({ type: 'knockout', table });
    return table;
  }
  progress(0, 1, 'evaluating the test split with every gate probed');
  const { result, gates } = await baseline(run.model, run.data);
  const report = gateReport({
    runId: j.spec.runId, title: `Run ${j.spec.runId}: ${run.model.def.name}${typeof j.spec.dataset?.name === 'string' ? ` on ${j.spec.dataset.name}` : ''}`, def: run.model.def, model: run.config, data: run.data,
    base: result, gates, featureNames: run.featureNames, modalityColumns: run.modalityColumns, knockout: j.knockout, loadOverTraining: j.loadOverTraining,
    context: contextOf(run),
  });
  send({ type: 'report', report });
  return report;
}

/** The dataset's target-role columns as the run's snapshot has them (a forecasting target's channel is scored on its own too). */
export function targetColumns(j: AnalyticsJob): string[] {
  const columns = (j.spec.dataset as { columns?: { name?: unknown; role?: unknown }[] } | undefined)?.columns;
  return Array.isArray(columns) ? columns.filter((c) => c?.role === 'target').map((c) => String(c.name)) : [];
}

/** The dataset context of a report; a report without text snippets or hours beats no report, so a failure is logged. */
function contextOf(run: LoadedRun): DatasetContext | undefined {
  try {
    return run.context?.();
  } catch (e) {
    process.stderr.write(`gate report: no text snippets / time of day (the dataset's rows could not be read: ${(e as Error).message})\n`);
    return undefined;
  }
}
