// `--set key=value` for run configs: a key whose first segment is a run-config field goes there
// (optimizer.lr, schedule.kind, epochs...), a few shorthands read like the CLI help (lr, split, warmup,
// patience), and every other key is a model field (lookback, gate.kind, router.k...). Values are JSON
// when they parse as JSON (numbers, booleans, arrays), else strings.
// The run's own fields are found however they are written: papers and other tools write `weight_decay`,
// `batch-size`, `learning_rate`; the config says `optimizer.weightDecay`, `batchSize`, `optimizer.lr`.
// Model fields are taken as typed: a misspelt one is refused with the nearest field (new-run-config.ts).
import { z } from 'zod';
import { RunConfig } from '../../../common/runs/config';
import { setPath } from '../../../common/runs/expand';

/** Lowercase letters and digits only: `weight_decay`, `weight-decay`, `weightDecay` compare equal. */
const squeezed = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

/** Shorthands, by their squeezed spelling, to the run-config path they set. */
const SHORTHANDS: Record<string, string> = {
  lr: 'optimizer.lr',
  learningrate: 'optimizer.lr',
  weightdecay: 'optimizer.weightDecay',
  clipnorm: 'optimizer.clipNorm',
  split: 'data.split',
  warmup: 'schedule.warmupSteps',
  warmupsteps: 'schedule.warmupSteps',
  patience: 'earlyStopping.patience',
  samples: 'data.samples',
};

/** The object schema under defaults, optionals and prefaults; undefined for anything else. */
function objectSchema(schema: z.ZodType | undefined): z.ZodObject | undefined {
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodPrefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? s : undefined;
}

/**
 * A dotted run-config key with each segment spelt as the config spells it (`optimizer.weight_decay` →
 * `optimizer.weightDecay`); undefined when its first segment is no run field. Segments below the model and
 * the data binding, and any that match no field, are left as typed.
 */
function runFieldPath(key: string): string | undefined {
  const segments = key.split('.');
  let at: z.ZodObject | undefined = RunConfig;
  const out: string[] = [];
  for (const [i, segment] of segments.entries()) {
    const fields: string[] = at ? Object.keys(at.shape) : [];
    const field: string | undefined = fields.includes(segment) ? segment : fields.find((k) => squeezed(k) === squeezed(segment));
    if (i === 0 && field === undefined) return undefined;
    out.push(field ?? segment);
    at = at === undefined || field === undefined || field === 'model' || field === 'data' ? undefined : objectSchema(at.shape[field] as z.ZodType);
  }
  return out.join('.');
}

export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The dotted run-config path a --set key lands on. */
export function overridePath(key: string, value: unknown): string {
  const shorthand = SHORTHANDS[squeezed(key)];
  if (shorthand) return shorthand;
  // `--set optimizer=sgd` / `--set schedule=cosine`: the kind of that section.
  if ((key === 'optimizer' || key === 'schedule') && typeof value === 'string') return `${key}.kind`;
  return runFieldPath(key) ?? `model.${key}`;
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

/**
 * A refusal of the run config names fields by their path in it ("run config: batchSize: 0 is out of
 * range"); a user who typed `--set batch-size=0` or `--set lr=-1` is told which of their words that is:
 * "run config: batchSize (--set batch-size=0): …".
 */
export function withTypedKeys(message: string, sets: Array<[string, string]>): string {
  let out = message;
  for (const [key, text] of sets) {
    const path = overridePath(key, parseValue(text));
    if (path === key || path === `model.${key}`) continue;
    out = out.split(`run config: ${path}:`).join(`run config: ${path} (--set ${key}=${text}):`);
  }
  return out;
}
