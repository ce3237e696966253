// Which model a run trains and how it is compiled: the demo gated model or a zoo template, the
// optimizer spec the engine understands, and the providers to try in order.
import { gatedModel } from '../../engine/train/gated-model';
import { buildModel } from '../../engine/models/index';
import type { ModelDefinition } from '../../engine/train/model';
import type { OptimizerSpec } from '../../engine/train/optimizers';
import type { RunConfig } from '../../common/runs/config';
import type { ExecutionProvider } from '../session-runner';

export function modelFor(config: RunConfig): ModelDefinition {
  const m = config.model as Record<string, unknown> & { template: string };
  if (m.template === 'demo-gated') {
    const s = m as unknown as { inputs: number; hidden: number; experts: number; expertHidden: number };
    return gatedModel({ inputs: s.inputs, hidden: s.hidden, experts: s.experts, expertHidden: s.expertHidden });
  }
  return buildModel(m);
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
