// Export a run's trained model as ONNX: the inference graph with the best-on-validation parameters (or
// the newest checkpoint when the run has no validation yet) baked in, and metadata naming the run, its
// config and its metrics. The file is recorded in the exports table.
import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LabStore } from '../store/index';
import type { RunFiles } from './run-files';
import { decodeCheckpoint } from '../../../common/runs/checkpoint-format';
import { parseRunConfig } from '../../../common/runs/config';
import { compileTraining } from '../../../engine/train/compile';
import { exportInference } from '../../../engine/train/export';
import { gatedModel } from '../../../engine/train/gated-model';
import { buildModel } from '../../../engine/models/index';
import type { ModelDefinition } from '../../../engine/train/model';
import { lastMetrics } from './run-report';
import { exportEarlyExitRun } from '../../../engine/analytics/early-exit-export';
import { parseModelConfig, type TemplateOf } from '../../../common/models';

const stringValues = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));

// The same choice as workers/run/model-for.ts (main/ may not import workers/).
function modelOf(model: Record<string, unknown> & { template: string }): ModelDefinition {
  if (model.template !== 'demo-gated') return buildModel(model);
  const s = model as unknown as { inputs: number; hidden: number; experts: number; expertHidden: number };
  return gatedModel({ inputs: s.inputs, hidden: s.hidden, experts: s.experts, expertHidden: s.expertHidden });
}

export function exportRun(store: LabStore, files: RunFiles, runId: number, out: string): { path: string; bytes: number; checkpoint: string } {
  const run = store.runs.get(runId);
  if (!run) throw new Error(`no run ${runId} (gatelab runs lists them)`);
  const ckpts = store.checkpoints.forRun(runId);
  const ckpt = ckpts.filter((c) => c.kind === 'best').at(-1) ?? ckpts.filter((c) => c.kind !== 'last-good').at(-1);
  if (!ckpt) throw new Error(`run ${runId} (${run.status}) has no checkpoint to export yet: train it for at least one epoch`);
  const data = decodeCheckpoint(readFileSync(files.fromStored(ckpt.path)), ckpt.path);
  const config = parseRunConfig(run.config);
  const def = modelOf(config.model as Record<string, unknown> & { template: string });
  const { layout } = compileTraining(def, { dtype: data.header.dtype, optimizer: { kind: 'sgd' } });
  const metadata = {
    'gatelab.run': String(runId), 'gatelab.checkpoint': `${ckpt.kind} step ${ckpt.step}`, 'gatelab.config': config,
    'gatelab.test_metrics': lastMetrics(store, runId, 'test.'), 'gatelab.validation_metrics': lastMetrics(store, runId, 'val.'),
  };
  // early exit: the ONNX If form, so blocks after a sample's exit really are skipped at inference
  const early = config.model.template === 'early-exit-mlp'
    ? exportEarlyExitRun(parseModelConfig(config.model) as TemplateOf<'early-exit-mlp'>, { dtype: data.header.dtype, layout, params: data.params, metadata: stringValues(metadata) }) : null;
  const bytes = early ?? exportInference(def, { dtype: data.header.dtype, layout, params: data.params, metadata, step: data.header.step });
  const path = resolve(out);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  store.checkpoints.addExport({ runId, format: 'onnx', path, bytes: statSync(path).size, metadata: { checkpoint: ckpt.path, step: ckpt.step } });
  return { path, bytes: bytes.length, checkpoint: ckpt.path };
}
