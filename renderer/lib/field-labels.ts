// Field labels and validation messages in the user's words. A config key ("ffDim") is not a label:
// the schema's title wins, then this table of common keys, then a description short enough to be a
// name ("Patch stride"), and only then the key spelled out. zod's issues ("Too small: expected number
// to be >0") become sentences naming that label ("Feed-forward width must be greater than 0").
import type { core } from 'zod';
import { configKeysInWords } from './config-key-words';
import { labelOf, variants, widgetOf, type JsonSchema } from './json-schema';

/** Labels for keys shared by many templates and gates (the paper's symbol in brackets where it helps). */
export const LABELS: Record<string, string> = {
  lookback: 'Lookback',
  horizon: 'Horizon',
  channels: 'Variables (channels)',
  revin: 'RevIN (per-window normalisation)',
  dModel: 'Model width (d_model)',
  ffDim: 'Feed-forward width',
  feedForward: 'Feed-forward activation',
  heads: 'Attention heads',
  layers: 'Layers',
  blocks: 'Mixer blocks',
  hidden: 'Hidden widths',
  patchLen: 'Patch length',
  stride: 'Patch stride',
  patch: 'Patching',
  kernel: 'Moving-average kernel',
  embeddingDim: 'Embedding width',
  k: 'Experts per token (k)',
  experts: 'Experts',
  expertHidden: 'Expert hidden widths',
  zLoss: 'Router z-loss weight',
  loadBalance: 'Load-balancing loss',
  capacityFactor: 'Capacity factor',
  crossLayers: 'Cross layers',
  stream1: 'Stream 1 hidden widths',
  stream2: 'Stream 2 hidden widths',
  gate1: 'Stream 1 feature gate',
  gate2: 'Stream 2 feature gate',
  attentionGate: 'Attention gate',
  gla: 'Gated linear attention',
  grn: 'Gated residual network',
  selection: 'Variable selection',
  towerHidden: 'Tower hidden widths',
  chunkSize: 'Chunk length',
  keyRatio: 'Key width ratio',
  modalityDropout: 'Modality dropout',
  modalityNoise: 'Modality noise',
  exitWeights: 'Exit loss weights',
  exitLossWeight: 'Exit loss weight',
  gateLossWeight: 'Gate loss weight',
  costWeight: 'Compute cost weight',
  batchSize: 'Batch size',
  maxSteps: 'Max steps',
  lr: 'Learning rate',
  weightDecay: 'Weight decay',
  clipNorm: 'Gradient clipping (global norm)',
  beta1: 'Adam β1',
  beta2: 'Adam β2',
  warmupSteps: 'Warm-up steps',
  stepSize: 'Step size (steps)',
  gamma: 'Decay factor (γ)',
  minFactor: 'Final learning-rate factor',
  earlyStopping: 'Early stopping',
  minDelta: 'Minimum improvement',
};

/** A description that reads as a name: short, one clause, no formula. */
const nameLike = (d: string | undefined): d is string => !!d && d.length <= 24 && !/[:;,.()=]/.test(d);

/** The label of field `key` whose schema is `s`. */
export function fieldLabel(key: string, s?: JsonSchema & { title?: string }): string {
  const label = s?.title ?? LABELS[key] ?? (nameLike(s?.description) ? s.description : labelOf(key));
  // One number where most templates have a list (GMU's single `hidden`): "Hidden width", not "widths".
  const one = s && (widgetOf(s) === 'integer' || widgetOf(s) === 'number');
  return one && !s.title && label.endsWith(' widths') ? label.slice(0, -1) : label;
}

/**
 * The label of a kind picker (a union's variants) or of a `kind` field, named after its group: "Router
 * kind", "Optimizer kind", "Router temperature schedule" (a form with several groups had several fields called "Kind").
 * `path` is the group's path in the form ("router.", "router.schedule."); the top of a form: "Kind".
 */
export function kindFieldLabel(path: string): string {
  const keys = path.split('.').filter(Boolean);
  const key = keys.at(-1);
  // Two pickers were both "Schedule kind" on moe-forecaster (the router's temperature and the training lr):
  // a schedule is named by what it schedules, so a screen reader (and getByLabelText) can tell them apart.
  if (key === 'schedule') return keys.length > 1 ? `${fieldLabel(keys.at(-2)!)} temperature schedule` : 'Learning-rate schedule';
  return key ? `${fieldLabel(key)} kind` : 'Kind';
}

/** The schema of a property of `s` (looking into union variants), or undefined. */
export function propertyOf(s: JsonSchema | undefined, key: string): JsonSchema | undefined {
  if (!s) return undefined;
  return s.properties?.[key] ?? variants(s).map((v) => v.properties?.[key]).find(Boolean);
}

/**
 * The label of a field at `path` in `root`, with its parent's label in front where the leaf alone would be
 * ambiguous ("Router temperature"; but "Patch stride", not "Patching patch stride").
 */
export function pathLabel(root: JsonSchema, path: readonly PropertyKey[]): { label: string; parent: string | null } {
  let s: JsonSchema | undefined = root;
  const labels: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') continue; // an item of a list: the list's label says it
    s = propertyOf(s, String(p));
    labels.push(fieldLabel(String(p), s));
  }
  const leaf = labels.at(-1) ?? 'The config';
  const parent = labels.length > 1 ? labels[labels.length - 2] : null;
  const sharesWord = parent && leaf.toLowerCase().split(/\W+/).some((w) => w.length > 3 && parent.toLowerCase().includes(w.slice(0, 5)));
  // a name keeps its capital ("Optimizer Adam β1", "… RevIN"), any other word reads on ("Gate scale")
  const lower = /^(Adam\b|[A-Z]\w*[A-Z])/.test(leaf) ? leaf : `${leaf.charAt(0).toLowerCase()}${leaf.slice(1)}`;
  return { label: parent && !sharesWord ? `${parent} ${lower}` : leaf, parent };
}

const valueAt = (v: unknown, path: readonly PropertyKey[]) => path.reduce<unknown>((o, p) => (o as Record<PropertyKey, unknown> | undefined)?.[p], v);

/** One zod issue as a sentence naming the field's label. */
export function issueMessage(issue: core.$ZodIssue, root: JsonSchema, value: unknown): string {
  const { label, parent } = pathLabel(root, issue.path);
  const i = issue as core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; origin?: string; expected?: string; values?: unknown[] };
  const list = i.origin === 'array' || i.origin === 'set';
  // A schema's own message (e.g. "gmu fuses at least 2 modalities; … use concat-fusion") says what to do;
  // zod's default ("Too small: expected …") is rephrased below in the field's words.
  const custom = (issue.code === 'too_small' || issue.code === 'too_big') && !/^Too (small|big)\b/.test(issue.message);
  if (custom) return `${label}: ${issue.message}`;
  switch (issue.code) {
    case 'too_small':
      if (list) return `${label} needs at least ${i.minimum} value${Number(i.minimum) === 1 ? '' : 's'}`;
      return `${label} must be ${i.inclusive ? 'at least' : 'greater than'} ${i.minimum}`;
    case 'too_big':
      if (list) return `${label} takes at most ${i.maximum} value${Number(i.maximum) === 1 ? '' : 's'}`;
      return `${label} must be ${i.inclusive ? 'at most' : 'less than'} ${i.maximum}`;
    case 'invalid_type': {
      const got = valueAt(value, issue.path);
      // An item of a number list that is not a number: the box holds text such as "abc" or "4;8".
      if (typeof issue.path.at(-1) === 'number' && (typeof got !== 'number' || Number.isNaN(got))) return `${label} must be numbers separated by commas${typeof got === 'string' ? ` (got '${got}')` : ''}`;
      if (got === undefined || got === null || (typeof got === 'number' && Number.isNaN(got))) {
        return `${label} is needed${parent ? ` when ${parent.charAt(0).toLowerCase()}${parent.slice(1)} is on` : ''}`;
      }
      if (i.expected === 'int') return `${label} must be a whole number`;
      return `${label} must be a ${i.expected === 'array' ? 'list' : i.expected}`;
    }
    case 'invalid_format':
    case 'not_multiple_of':
      return `${label}: ${issue.message}`;
    case 'invalid_value':
      return `${label} must be one of ${(i.values ?? []).map(String).join(', ')}`;
    default: {
      // Our own refinements already speak in words but may start with the raw path ("patch.stride must…").
      // The keys it names further on ("must divide dModel") are said with their labels too (config-key-words.ts).
      const words = (text: string) => configKeysInWords(text, root, issue.path);
      const raw = issue.path.map(String).join('.');
      if (raw && issue.message.startsWith(raw + ' ')) return label + words(issue.message.slice(raw.length));
      // …or the field's own key ("k must be at most experts"): the label, as in every other message.
      const leaf = String(issue.path.at(-1) ?? '');
      if (leaf && issue.message.startsWith(leaf + ' ')) return label + words(issue.message.slice(leaf.length));
      const said = words(issue.message);
      return said.charAt(0).toUpperCase() + said.slice(1);
    }
  }
}

/** A `--set key=value` the lab's advice names, with the label of its field. */
export interface SetAdvice {
  /** The config path as the form keys it: "horizon", "optimizer.lr" (the CLI's "model." prefix dropped). */
  path: string;
  value: string;
  label: string;
}

/**
 * `--set` keys that are no field of the Models form: a target's label rule (Datasets' Target box) and the
 * split (the Split box; the lab names stored splits by id). Their advice is left as written (ui-hints.ts
 * words the ones it knows).
 */
const NOT_FORM_FIELDS = /^(positiveAtLeast|split|data)(\.|$)/;
/** A placeholder, not a value: T, N, SPLIT, "...", <column>. */
const PLACEHOLDER = /^([A-Z_]+|<.*>|.*\.\.\..*)$/;
const FLAG = /--set\s+([A-Za-z_][\w.]*)=([^\s)`,;]+)/g;
/** One or more flags in a row ("--set model.lookback=200 --set model.horizon=50"), in backticks or not. */
const FLAG_RUN = /`?--set\s+[A-Za-z_][\w.]*=[^\s)`,;]+`?(?:\s+`?--set\s+[A-Za-z_][\w.]*=[^\s)`,;]+`?)*/g;

/** The label of config path `path` in the first of `roots` that has it ("horizon" → "Horizon"), else from the common labels. */
export function configPathLabel(path: string, roots: readonly JsonSchema[] = []): string {
  const keys = path.split('.');
  const root = roots.find((r) => keys.reduce<JsonSchema | undefined>((s, k) => propertyOf(s, k), r)) ?? {};
  return pathLabel(root, keys).label;
}

/** The form fields `--set` flags in `message` advise, with their values (placeholders and non-form keys left out). */
export function setAdvice(message: string, roots: readonly JsonSchema[] = []): SetAdvice[] {
  const out: SetAdvice[] = [];
  for (const m of message.matchAll(FLAG)) {
    const path = m[1].replace(/^model\./, '');
    const value = m[2].replace(/[.:]+$/, '');
    if (NOT_FORM_FIELDS.test(path) || PLACEHOLDER.test(m[2]) || !value) continue;
    out.push({ path, value, label: configPathLabel(path, roots) });
  }
  return out;
}

/**
 * The CLI's `--set model.horizon=60` said with the form's labels: "set Horizon to 60"; flags in a row are
 * one sentence ("set Lookback to 200 and Horizon to 50"). A run holding a placeholder (`--set
 * positiveAtLeast=T`) or a key the form has no field for is left as written.
 */
export function setFlagsInWords(message: string, roots: readonly JsonSchema[] = []): string {
  return message.replace(FLAG_RUN, (run) => {
    const flags = [...run.matchAll(FLAG)];
    const advice = setAdvice(run, roots);
    if (advice.length !== flags.length) return run;
    // a value's trailing colon or full stop belongs to the sentence ("--set mode=channel-independent: one map…")
    const tail = /[.:]+$/.exec(flags.at(-1)![2])?.[0] ?? '';
    return `set ${advice.map((a) => `${a.label} to ${a.value}`).join(' and ')}${tail}`;
  });
}
