// How a key the user typed lands in a run config: `--set key=value`, a sweep file's `config` and its
// `sweep.params` all read keys the same way (one implementation: main/lab/runs/run-overrides.ts applies it to
// --set, common/runs/expand.ts to sweep files). A key whose first segment is a run-config field goes there
// (optimizer.lr, schedule.kind, epochs...), a few shorthands read like the CLI help (lr, split, warmup,
// patience), and every other key is a model field (lookback, gate.kind, router.k...).
// The run's own fields are found however they are written: papers and other tools write `weight_decay`,
// `batch-size`, `learning_rate`; the config says `optimizer.weightDecay`, `batchSize`, `optimizer.lr`.
// Model fields are taken as typed: a misspelt one is refused with the nearest field (new-run-config.ts).
import { z } from 'zod';
import { RunConfig } from './config';

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

/** A --set value: JSON when it parses as JSON (numbers, booleans, arrays), else the string as typed. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The dotted run-config path a typed key lands on (`lr` → optimizer.lr, `batch_size` → batchSize, `k` → model.k). */
export function overridePath(key: string, value: unknown): string {
  const shorthand = SHORTHANDS[squeezed(key)];
  if (shorthand) return shorthand;
  // `--set optimizer=sgd` / `--set schedule=cosine`: the kind of that section.
  if ((key === 'optimizer' || key === 'schedule') && typeof value === 'string') return `${key}.kind`;
  return runFieldPath(key) ?? `model.${key}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `obj` with the dotted `path` set to `value` (intermediate objects created). */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const out = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>; // configs are JSON
  let cur: Record<string, unknown> = out;
  keys.slice(0, -1).forEach((k) => {
    const next = cur[k];
    if (next === undefined || next === null) cur[k] = {};
    else if (typeof next !== 'object' || Array.isArray(next)) throw new Error(`sweep key '${path}': '${k}' is ${JSON.stringify(next)}, not an object`);
    cur = cur[k] as Record<string, unknown>;
  });
  cur[keys.at(-1)!] = value;
  return out;
}

/**
 * `config` with each typed key set where it lands (overridePath), in order: a later key wins, as a later
 * `--set` does. `samples=4096` alone makes the data section the synthetic one (a datasetId: a dataset's).
 */
export function setFields(config: Record<string, unknown>, fields: Array<[string, unknown]>): Record<string, unknown> {
  let out = config;
  for (const [key, value] of fields) {
    const path = overridePath(key, value);
    // an empty section (`"optimizer": {}`) adds nothing: it must not wipe what another spelling set there
    if (isPlainObject(value) && !Object.keys(value).length && isPlainObject(valueAt(out, path))) continue;
    out = setPath(out, path, value);
  }
  const data = out.data as Record<string, unknown> | undefined;
  if (isPlainObject(data) && data.kind === undefined) out = { ...out, data: { kind: data.datasetId === undefined ? 'synthetic' : 'dataset', ...data } };
  return out;
}

function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), obj);
}

/**
 * The keys of a config object as dotted paths, each with its value (arrays and empty objects are values):
 * `{optimizer: {weight_decay: 0.1}}` → [['optimizer.weight_decay', 0.1]], what `--set` would be given.
 */
export function configLeaves(config: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  return Object.entries(config).flatMap(([key, value]): Array<[string, unknown]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isPlainObject(value) && Object.keys(value).length ? configLeaves(value, path) : [[path, value]];
  });
}

/**
 * A config file's object read as `--set` reads its keys (`{"lr": 1e-3, "batch_size": 64, "lookback": 336}`
 * → optimizer.lr, batchSize, model.lookback); a config already spelt as the run config spells it comes
 * back the same.
 */
export function spelledConfig(config: Record<string, unknown>): Record<string, unknown> {
  return setFields({}, configLeaves(config));
}

/** A key as the user typed it, its value, and how to quote it back to them (`--set batch-size=0`). */
export interface TypedKey {
  key: string;
  value: unknown;
  said: string;
}

/**
 * A refusal of the run config names fields by their path in it ("run config: batchSize: 0 is out of
 * range"); a user who typed another spelling (`--set batch-size=0`, `"lr"` in a sweep file) is told which of
 * their words that is: "run config: batchSize (--set batch-size=0): …". Keys typed as the config spells them
 * (or model fields, which are taken as typed) are left alone.
 */
export function namingTypedKeys(message: string, typed: readonly TypedKey[]): string {
  let out = message;
  for (const { key, value, said } of typed) {
    const path = overridePath(key, value);
    if (path === key || path === `model.${key}`) continue;
    out = out.split(`run config: ${path}:`).join(`run config: ${path} (${said}):`);
  }
  return out;
}
