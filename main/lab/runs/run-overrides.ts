// `--set key=value` for run configs: a key whose first segment is a run-config field goes there
// (optimizer.lr, schedule.kind, epochs...), a few shorthands read like the CLI help (lr, split, warmup,
// patience), and every other key is a model field (lookback, gate.kind, router.k...). Values are JSON
// when they parse as JSON (numbers, booleans, arrays), else strings.
import { RunConfig } from '../../../common/runs/config';
import { setPath } from '../../../common/runs/expand';

const RUN_KEYS = new Set(Object.keys(RunConfig.shape));

const SHORTHANDS: Record<string, string> = {
  lr: 'optimizer.lr',
  'weight-decay': 'optimizer.weightDecay',
  'clip-norm': 'optimizer.clipNorm',
  split: 'data.split',
  warmup: 'schedule.warmupSteps',
  patience: 'earlyStopping.patience',
  'batch-size': 'batchSize',
  'steps-per-call': 'stepsPerCall',
  'max-steps': 'maxSteps',
  samples: 'data.samples',
};

export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The dotted run-config path a --set key lands on. */
export function overridePath(key: string, value: unknown): string {
  if (SHORTHANDS[key]) return SHORTHANDS[key];
  // `--set optimizer=sgd` / `--set schedule=cosine`: the kind of that section.
  if ((key === 'optimizer' || key === 'schedule') && typeof value === 'string') return `${key}.kind`;
  return RUN_KEYS.has(key.split('.')[0]) ? key : `model.${key}`;
}

export function applyOverrides(config: Record<string, unknown>, sets: Array<[string, string]>): Record<string, unknown> {
  let out = config;
  for (const [key, text] of sets) {
    const value = parseValue(text);
    out = setPath(out, overridePath(key, value), value);
  }
  // `--set samples=4096` alone: the data section is the synthetic one unless --dataset makes it a dataset.
  const data = out.data as Record<string, unknown> | undefined;
  if (data && data.kind === undefined) out = { ...out, data: { kind: data.datasetId === undefined ? 'synthetic' : 'dataset', ...data } };
  return out;
}
