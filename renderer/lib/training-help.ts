// The Training fold-out's words: a one-line hint per field (common/runs/config.ts documents the fields in
// comments, which the JSON schema does not carry), and which fields do nothing with the current choices,
// with why: Momentum is SGD's (Adam keeps its own averages, β1 and β2), Step size and Decay belong to the
// step schedule, the final factor to the cosine one. Warm-up applies under every schedule
// (common/runs/schedule.ts learningRate), so it is never off.
import type { JsonSchema } from './json-schema';

/** Hints by the field's path in the Training form. */
export const TRAINING_HELP: Readonly<Record<string, string>> = {
  epochs: 'Passes over the training data; Max steps or early stopping can end the run sooner.',
  batchSize: 'Samples per optimizer step (the FLOPs per step beside Start count it).',
  maxSteps: 'Stop after this many optimizer steps whatever the epochs; blank: no cap, the epochs decide.',
  'optimizer.kind': 'adamw: Adam with decoupled weight decay (the default); adam: decay added to the gradient; sgd: SGD with momentum.',
  'optimizer.lr': 'The peak learning rate: the schedule below scales it step by step.',
  'optimizer.weightDecay': 'Pulls weights towards 0 (adamw shrinks them by learning rate × decay each step; adam and sgd add decay × weight to the gradient); 0: off.',
  'optimizer.clipNorm': 'Scales the gradient down when its global L2 norm exceeds this (as torch clip_grad_norm_); blank: no clipping.',
  'optimizer.momentum': 'SGD: the share of the previous update carried into the next; 0: plain SGD.',
  'optimizer.beta1': 'Adam and AdamW: decay of the running mean of the gradient.',
  'optimizer.beta2': 'Adam and AdamW: decay of the running mean of the squared gradient.',
  'schedule.kind': 'constant: the learning rate throughout; step: multiplied by the decay factor every Step size steps; cosine: eased down to the final factor by the last step.',
  'schedule.warmupSteps': 'Rises linearly from 0 to the learning rate over this many steps first, under any schedule; 0: no warm-up.',
  'schedule.stepSize': 'Steps between two decays of the step schedule.',
  'schedule.gamma': 'The step schedule multiplies the learning rate by this at each decay (0.5 halves it).',
  'schedule.minFactor': 'Where the cosine schedule ends, as a fraction of the peak learning rate (0: down to 0).',
  'earlyStopping.patience': 'Epochs without a validation improvement before the run stops; 0: never stops early.',
  'earlyStopping.minDelta': 'A validation improvement smaller than this does not count.',
};

/** `schema` with each field's hint (from `help`, by path) as its description where it has none: SchemaForm shows it under the field. */
export function withHelp(schema: JsonSchema, help: Readonly<Record<string, string>> = TRAINING_HELP, path = ''): JsonSchema {
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).map(([key, s]) => {
    const at = path + key;
    const nested = withHelp(s, help, `${at}.`);
    return [key, help[at] && !nested.description ? { ...nested, description: help[at] } : nested];
  }));
  return { ...schema, properties };
}

/** The Training settings fields that do nothing with the current optimizer and schedule, by path, each with why. */
export function trainingOff(training: Record<string, unknown>): Record<string, string> {
  const optimizer = (training.optimizer ?? {}) as { kind?: unknown };
  const schedule = (training.schedule ?? {}) as { kind?: unknown };
  const kind = String(optimizer.kind ?? 'adamw');
  const plan = String(schedule.kind ?? 'constant');
  const off: Record<string, string> = {};
  if (kind !== 'sgd') off['optimizer.momentum'] = `Not used by ${kind}: momentum is SGD's (Adam keeps its own running averages, β1 and β2)`;
  else {
    off['optimizer.beta1'] = "Not used by sgd: Adam's running-average decay";
    off['optimizer.beta2'] = "Not used by sgd: Adam's running-average decay";
  }
  if (plan !== 'step') {
    const why = `Not used by the ${plan} schedule: only the step schedule decays in steps`;
    off['schedule.stepSize'] = why;
    off['schedule.gamma'] = why;
  }
  if (plan !== 'cosine') off['schedule.minFactor'] = `Not used by the ${plan} schedule: the cosine schedule's end point`;
  return off;
}
