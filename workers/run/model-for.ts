// Which model a run trains and how it is compiled: the demo gated model or a zoo template, the
// optimizer spec the engine understands, and the providers to try in order.
import { gatedModel } from '../../engine/train/gated-model';
import { totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { usableMemory } from '../../common/runs/memory-limit';
import { buildModel } from '../../engine/models/index';
import { withTemperatureOfStepsBefore } from '../../engine/gates/routers';
import { memoryNeeds } from '../../engine/analytics/memory-needs';
import { parseModelConfig } from '../../common/models/index';
import { runTooBig } from '../../common/models/size-estimate';
import type { ModelDefinition } from '../../engine/train/model';
import type { OptimizerSpec } from '../../engine/train/optimizers';
import type { RunConfig } from '../../common/runs/config';
import type { ExecutionProvider } from '../session-runner';

const readText = (path: string): string | null => { try { return readFileSync(path, 'utf8'); } catch { return null; } };

/**
 * The run's model, built with the temperature rule the run was created with (config.temperatureAtStepNumber):
 * a run from before the rule keeps training each step at the τ of the steps taken before it, so its resume
 * matches the uninterrupted run. Every graph compiled from the definition (train, Loop-K, eval) is built
 * through its forward, so wrapping the forward covers them all, however late they are compiled.
 */
export function modelFor(config: RunConfig): ModelDefinition {
  const def = templateModel(config);
  if (config.temperatureAtStepNumber === true) return def;
  return { ...def, forward: (ctx, inputs) => withTemperatureOfStepsBefore(() => def.forward(ctx, inputs)) };
}

function templateModel(config: RunConfig): ModelDefinition {
  const m = config.model as Record<string, unknown> & { template: string };
  if (m.template === 'demo-gated') {
    const s = m as unknown as { inputs: number; hidden: number; experts: number; expertHidden: number };
    return gatedModel({ inputs: s.inputs, hidden: s.hidden, experts: s.experts, expertHidden: s.expertHidden });
  }
  return buildModel(m);
}

/**
 * The backstop of the lab's size check (main/lab/runs/size-guard.ts), with the data-shaped fields filled
 * in: a model whose parameters and activations (at the run's batch size) cannot fit in this machine's
 * memory stops before anything is compiled or allocated. `batchSize`: the batch the trainer will really
 * use (a training split smaller than config.batchSize trains on batches of all its rows).
 */
export function assertModelFits(config: RunConfig, machineBytes = usableMemory(totalmem(), readText), batchSize = config.batchSize): void {
  const m = config.model as Record<string, unknown> & { template: string };
  if (m.template === 'demo-gated') return;
  const model = parseModelConfig(m) as unknown as Record<string, unknown>;
  const problem = runTooBig(model, memoryNeeds(model), config.dtype, batchSize, machineBytes);
  if (problem) throw new Error(problem);
}

export function optimizerFor(config: RunConfig): OptimizerSpec {
  const o = config.optimizer;
  const clip = o.clipNorm ? { clipNorm: o.clipNorm } : {};
  if (o.kind === 'sgd') return { kind: 'sgd', momentum: o.momentum, weightDecay: o.weightDecay, ...clip };
  return { kind: o.kind, beta1: o.beta1, beta2: o.beta2, weightDecay: o.weightDecay, ...clip };
}

export function providersFor(config: RunConfig): ExecutionProvider[] {
  return config.provider === 'cpu' ? ['cpu'] : ['cuda', 'cpu'];
}
