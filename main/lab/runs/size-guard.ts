// A new run whose model cannot fit in this machine's memory is refused when it is created, before it is
// queued or compiled (common/models/size-estimate.ts says why and what to change): its parameters, and the
// activations a batch of the run's batch size keeps for the backward. The parameter count comes
// from the template config with what the run's column snapshot tells of the data: a forecasting model's
// channels. Other data-shaped fields (vocabularies, modality widths) are known only once the trainer has
// fitted the pipeline; it checks the model again there, before compiling (workers/run/model-for.ts).
import { totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { usableMemory } from '../../../common/runs/memory-limit';
import { parseModelConfig } from '../../../common/models/index';
import { runBinding } from '../../../common/models/run-binding';
import { runTooBig, type MemoryNeeds } from '../../../common/models/size-estimate';
import type { RunConfig } from '../../../common/runs/config';
import { memoryNeeds } from '../../../engine/analytics/memory-needs';

const readText = (path: string): string | null => { try { return readFileSync(path, 'utf8'); } catch { return null; } };

/** The data-shaped fields the lab can fill from the run's column snapshot (forecasting: the channels). */
function knownShape(config: RunConfig): Record<string, unknown> {
  const data = config.data;
  if (data.kind !== 'dataset' || !data.columns) return {};
  try {
    const { binding } = runBinding(data.columns, { model: config.model as Record<string, unknown>, data, seed: config.seed });
    return binding.columns.family === 'forecasting' ? { channels: binding.columns.channels.length } : {};
  } catch {
    return {}; // the columns do not bind yet (no target, ...): the trainer says why, with the dataset in hand
  }
}

/** Throws (naming the parameters, the activations, the memory and what to change) when the run's model is too big to train here. */
export function checkRunSize(config: RunConfig, machineBytes = usableMemory(totalmem(), readText)): RunConfig {
  const model = config.model as Record<string, unknown>;
  if (model.template === 'demo-gated') return config;
  let shaped: Record<string, unknown>;
  let needs: MemoryNeeds;
  try {
    shaped = parseModelConfig({ ...model, ...knownShape(config) }) as unknown as Record<string, unknown>;
    needs = memoryNeeds(shaped); // the graph of one sample, symbolic: no weights are allocated
  } catch {
    return config; // a config that parses only with the dataset's shape: the trainer checks it
  }
  const problem = runTooBig(shaped, needs, config.dtype, config.batchSize, machineBytes);
  if (problem) throw new Error(`run config: ${problem}`);
  return config;
}
