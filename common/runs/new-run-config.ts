// The check a run config gets when a run is created (not when a stored run is read back): besides the
// schema, its template must exist, no field may be one the run or its template does not have, and every
// template field the user set must be in its range. Without this a typo (`--set epoch=3`,
// `gate.tempreature`) trained a run on the defaults and said nothing, a misspelt template queued a run that
// could only fail, and `--set textBuckets=8` was queued to fail at step 0.
import { z } from 'zod';
import { parseRunConfig, RunConfig } from './config';
import { ModelConfig, parseModelConfig, templateInfo, type Family } from '../models/index';
import { closestName, droppedFields } from './dropped-fields';
import { ignoredFieldProblem } from './ignored-fields';
import { nestedFieldSuggestion, type FieldSuggestion } from './field-suggestions';

const RUN_FIELDS = Object.keys(RunConfig.shape);
/**
 * Model-config fields that belong to the data binding, not to a template's schema (workers/data reads them):
 * `positiveAtLeast` turns a rating into a binary label (`--set positiveAtLeast=4`); `positive` names the
 * positive value of a two-valued target (`--set positive='Charged Off'`).
 */
const DATA_FIELDS = new Set(['model.positiveAtLeast', 'model.positive']);

/**
 * Template fields the dataset decides (common/models/binding.ts dataShape): the trainer fills them in when
 * the run starts and they win over the config's (workers/data/run-data.ts), so what a config holds there (a
 * placeholder default, the Models form's estimate) is not checked here; the dataset checks say what the
 * dataset cannot feed (main/lab/runs/dataset-runs.ts).
 */
export const DATA_SHAPED_FIELDS: Readonly<Record<Family, readonly string[]>> = {
  forecasting: ['channels'],
  recsys: ['fields', 'numeric'],
  fusion: ['modalities', 'classes'],
};

/**
 * Cross-field checks of a template that read a data-shaped field: moe-fusion has one router expert per
 * modality, which only the dataset's roles tell; main/lab/runs/dataset-defaults.ts sets or checks it there.
 */
const CHECKED_WITH_THE_DATA: Readonly<Record<string, readonly string[]>> = { 'moe-fusion': ['router.experts'] };

export function parseNewRunConfig(input: unknown): RunConfig {
  const run = runFieldsChecked(input);
  const dropped = droppedFields(input ?? {}, run);
  const model = run.model as Record<string, unknown>;
  let parsedModel: unknown;
  let templateFields: string[] = [];
  if (model.template !== 'demo-gated') {
    const template = String(model.template);
    let family: Family;
    try {
      family = templateInfo(template).family;
    } catch (e) {
      throw new Error(`run config: model.template: ${(e as Error).message}`);
    }
    const ignored = ignoredFieldProblem(model, family);
    if (ignored) throw new Error(ignored);
    parsedModel = checkedTemplateFields(model, family);
    templateFields = Object.keys(parseModelConfig({ template }));
    if (parsedModel) dropped.push(...droppedFields(model, parsedModel, 'model').filter((p) => !DATA_FIELDS.has(p)));
  }
  const threshold = model.positiveAtLeast;
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold))) {
    throw new Error(`run config: model.positiveAtLeast: the label threshold must be a number (got ${JSON.stringify(threshold)})`);
  }
  const positive = model.positive;
  // `--set positive=0` reads as the number 0: a 0/1 target's value, said as the run names it ('0')
  if (positive !== undefined && !(typeof positive === 'string' && positive !== '') && !(typeof positive === 'number' && Number.isFinite(positive))) {
    throw new Error(`run config: model.positive: the positive value is one of the target's values, as text (e.g. --set positive='Charged Off'; got ${JSON.stringify(positive)})`);
  }
  if (positive !== undefined && threshold !== undefined) {
    throw new Error(`run config: model.positive and model.positiveAtLeast are two label rules: keep one (positive names a value of a two-valued target; positiveAtLeast thresholds a number)`);
  }
  if (dropped.length) throw new Error(unknownFieldsMessage(dropped, { ...run, model: parsedModel ?? model }, templateFields));
  return run;
}

/**
 * Refuses the template fields the user set that the trainer would refuse at step 0 (out of range, not a
 * number, a cross-field check such as `heads` dividing `dModel`), naming each field and what it takes.
 * Errors of the data-shaped fields, and of checks that read them, wait for the dataset (see above).
 * Returns the parsed config (for the unknown-field check), or undefined when only the data can make it parse.
 */
function checkedTemplateFields(model: Record<string, unknown>, family: Family): unknown {
  const template = String(model.template);
  const schema = templateSchema(template);
  const result = schema.safeParse(model);
  if (result.success) return result.data;
  const shaped = new Set(DATA_SHAPED_FIELDS[family]);
  const users = result.error.issues.filter((issue) => {
    const path = issue.path.map(String);
    if (shaped.has(path[0])) return false;
    return !(issue.code === 'custom' && CHECKED_WITH_THE_DATA[template]?.includes(path.join('.')));
  });
  if (users.length) {
    const lines = users.map((issue) => fieldProblem(schema, model, issue));
    throw new Error(`${lines.join('\n')}${lines.length > 1 ? '\n' : '; '}gatelab templates ${template} lists its fields and defaults`);
  }
  // Only the data stands in the way: the same config, its data-shaped fields at their defaults and the
  // cross-field checks left out, still says which of the user's fields the template does not have.
  const withoutShape = Object.fromEntries(Object.entries(model).filter(([k]) => !shaped.has(k)));
  const loose = z.object(schema.shape).safeParse(withoutShape);
  return loose.success ? loose.data : undefined;
}

type TemplateSchema = (typeof ModelConfig.options)[number];

function templateSchema(template: string): TemplateSchema {
  const schema = ModelConfig.options.find((s) => (s.shape.template as z.ZodLiteral<string>).value === template);
  if (!schema) throw new Error(`run config: model.template: unknown template '${template}'`);
  return schema;
}

/**
 * The run's own fields (epochs, batchSize, optimizer.lr, ...) checked as the template's are: the field, the
 * value given and what it takes ("run config: optimizer.lr: -1 is out of range: it takes a number > 0"),
 * not zod's "Too small: expected number to be >0". (parseRunConfig, for stored configs, keeps its wording.)
 */
function runFieldsChecked(input: unknown): RunConfig {
  const result = RunConfig.safeParse(input ?? {});
  if (result.success) return parseRunConfig(input);
  const issue = result.error.issues[0];
  const path = issue.path.map(String);
  // a stored split by the name `gatelab datasets split` gave it (--set data.splitId=leave-last-out): the id it printed is meant
  const splitName = path.join('.') === 'data.splitId' && typeof valueAt(input, path) === 'string'
    ? ", a stored split's id, not its name: gatelab datasets show DATASET lists each split with its id (Split 'NAME' (id N))" : '';
  return failWith(`run config: ${path.join('.') || '(root)'}: ${issueInWords(issue, valueAt(input, path), schemaAt(RunConfig, path), 'it takes')}${splitName}${storedKind(path, valueAt(input, path), valueAt(input, ['data', 'datasetId']))}`);
}

/** How to make the split kinds that are stored with the dataset (README's split table lists them beside the others). */
const STORED_KINDS: Record<string, string> = {
  stratified: '--kind stratified --column COLUMN',
  'leave-last-out': '--kind leave-last-out --user USER_COLUMN --time TIME_COLUMN',
};

/** How the refusal says to name a stored split's id: as `gatelab train` takes it (a sweep rewords it: splitIdAdviceInFile). */
const TRAIN_WITH_SPLIT_ID = 'then train with --set data.splitId=ID';

/** `--set split=leave-last-out`: that kind is made once per dataset, then named by its id. */
function storedKind(path: readonly string[], value: unknown, datasetId: unknown): string {
  const how = path.join('.') === 'data.split' && typeof value === 'string' ? STORED_KINDS[value] : undefined;
  const dataset = typeof datasetId === 'number' ? String(datasetId) : 'DATASET';
  return how ? `; a ${value} split is stored with the dataset first: gatelab datasets split ${dataset} ${how} prints its id, ${TRAIN_WITH_SPLIT_ID}` : '';
}

/**
 * A refusal's advice to train with `--set data.splitId=ID`, in the words of the sweep experiment file `file`
 * that was refused: there the id is written in the file (`"splitId": ID` in its config.data), not as a flag.
 */
export function splitIdAdviceInFile(message: string, file: string): string {
  return message.split(TRAIN_WITH_SPLIT_ID).join(`then use it with "splitId": ID in ${file}'s config.data`);
}

const failWith = (message: string): never => {
  throw new Error(message);
};

/** "run config: model.textBuckets: 8 is too small: template gmu takes a whole number from 16 to 1,048,576". */
function fieldProblem(schema: TemplateSchema, model: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  const field = `run config: model.${path.join('.')}`;
  return `${field}: ${qualifiedSetFlag(issueInWords(issue, valueAt(model, path), schemaAt(schema, path), `template ${String(model.template)} takes`), path)}`;
}

const listed = (values: readonly unknown[]) => values.map(String).reduce((text, v, i) => (i === 0 ? v : `${text}${i === values.length - 1 ? ' or ' : ', '}${v}`), '');

/**
 * One issue of a field in words: the value given, what is wrong with it and what the field takes
 * (`takes`: "it takes", "template dlinear takes"). Issues of a kind it does not know keep zod's words.
 */
function issueInWords(issue: z.core.$ZodIssue, value: unknown, field: z.ZodType | undefined, takes: string): string {
  const given = JSON.stringify(value);
  const range = numberRange(field);
  if (range && (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'not_multiple_of')) {
    return `${given} is out of range: ${takes} ${range}`;
  }
  if (range && (issue.code === 'invalid_type' || issue.code === 'invalid_format')) {
    return value === undefined ? `missing: ${takes} ${range}` : `${given} is not ${/whole/.test(range) ? 'a whole number' : 'a number'}: ${takes} ${range}`;
  }
  // `--set revin=yes`: a string where a switch goes
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return `${given} is not true or false: ${takes} true or false (--set KEY=true or KEY=false)`;
  // `--set mode=mixing`, `--set optimizer=adamx`: one of a fixed set of words
  if (issue.code === 'invalid_value' && issue.values.length) return `${given} is not one of its values: ${takes} ${listed(issue.values)}`;
  // `--set router.kind=top-k`: a gate slot's kinds
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options) && issue.options.length) {
    return `${given} is not a kind it has: ${takes} ${listed(issue.options as unknown[])}`;
  }
  return issue.message;
}

/**
 * A gate's schema gives advice relative to the gate (`--set load=0`, common/gates/base.ts): it cannot know
 * which of the template's slots holds it. The line names the field in full (`model.router.load`), so the
 * flag is written for that slot (`--set router.load=0`), which every command prints and the user can paste
 * as is; the app says it with the form's labels (renderer/lib/field-labels.ts setFlagsInWords). Only the
 * flag of this same field is rewritten: advice about another field (`--set experts=8`) is left as written.
 */
function qualifiedSetFlag(message: string, path: readonly string[]): string {
  if (path.length < 2) return message;
  const leaf = path[path.length - 1];
  const parents = path.slice(0, -1).join('.');
  return message.replace(new RegExp(`--set ${leaf}=`, 'g'), `--set ${parents}.${leaf}=`);
}

function valueAt(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
}

/** The schema of the field at `path`, through defaults, optionals and preprocessing; undefined where it branches. */
function schemaAt(schema: z.ZodType, path: string[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = unwrapped(schema);
  for (const key of path) {
    if (!(at instanceof z.ZodObject)) {
      // a union (a gate's kinds): the field's schema when every option that has it agrees on its range
      if (!(at instanceof z.ZodUnion)) return undefined;
      const options: z.ZodObject[] = (at.options as z.ZodType[]).map(unwrapped).filter((o): o is z.ZodObject => o instanceof z.ZodObject && key in o.shape);
      const fields: z.ZodType[] = options.map((o: z.ZodObject) => unwrapped(o.shape[key] as z.ZodType));
      if (!fields.length || new Set(fields.map(numberRange)).size !== 1) return undefined;
      at = fields[0];
      continue;
    }
    const next = at.shape[key] as z.ZodType | undefined;
    if (!next) return undefined;
    at = unwrapped(next);
  }
  return at;
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodPrefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.out as z.ZodType; // z.preprocess: the schema after the step
    else return s;
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** "a whole number from 16 to 1,048,576", "a number ≥ 0 and < 1", "a number > 0"; '' for a field that is not a number. */
export function numberRange(schema: z.ZodType | undefined): string {
  if (!(schema instanceof z.ZodNumber)) return '';
  const checks = (schema._zod.def.checks ?? []).map((c) => c._zod.def as { check: string; value?: number; inclusive?: boolean; format?: string });
  const whole = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const low = checks.filter((c) => c.check === 'greater_than').map((c) => ({ value: c.value!, inclusive: c.inclusive! })).sort((a, b) => b.value - a.value)[0];
  const high = checks.filter((c) => c.check === 'less_than').map((c) => ({ value: c.value!, inclusive: c.inclusive! })).sort((a, b) => a.value - b.value)[0];
  if (whole) {
    // whole numbers: an open bound is the next whole number in (> 0 is from 1)
    const from = low && (low.inclusive ? Math.ceil(low.value) : Math.floor(low.value) + 1);
    const to = high && (high.inclusive ? Math.floor(high.value) : Math.ceil(high.value) - 1);
    if (from !== undefined && to !== undefined) return `a whole number from ${fmt(from)} to ${fmt(to)}`;
    if (from !== undefined) return `a whole number ≥ ${fmt(from)}`;
    return to !== undefined ? `a whole number ≤ ${fmt(to)}` : 'a whole number';
  }
  const bounds = [low && `${low.inclusive ? '≥' : '>'} ${fmt(low.value)}`, high && `${high.inclusive ? '≤' : '<'} ${fmt(high.value)}`].filter(Boolean);
  return bounds.length ? `a number ${bounds.join(' and ')}` : 'a number';
}

/** "did you mean 'router.experts'?", or for a field of another gate kind, how to switch to it. */
function nestedInWords(s: FieldSuggestion, typed: string): string {
  if (!s.needsKind) return `did you mean '${s.path}'?`;
  const { slot, kind } = s.needsKind;
  const leaf = s.path.slice(slot.length + 1);
  return `'${leaf}' is a field of ${slot}.kind=${kind}: set the kind first or together (--set ${slot}.kind=${kind} --set ${s.path}=…)${s.path === typed ? '' : ` (did you mean '${s.path}'?)`}`;
}

function unknownFieldsMessage(paths: string[], parsed: Record<string, unknown>, templateFields: readonly string[]): string {
  const template = (parsed.model as { template?: unknown }).template;
  const parts = paths.map((path) => {
    const segments = path.split('.');
    const name = segments[segments.length - 1];
    const parent = segments.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], parsed);
    const known = parent && typeof parent === 'object' ? Object.keys(parent as object) : [];
    // `--set data.textBuckets=8192`: a template field (or the data binding's label threshold) put under data
    if (segments.length === 2 && segments[0] === 'data' && (templateFields.includes(name) || DATA_FIELDS.has(`model.${name}`)) && name !== 'template') {
      const owner = templateFields.includes(name) ? `template ${String(template)}` : 'the model';
      return `'${path}' (a field of ${owner}, not of data: --set ${name}=…, or model.${name} in a config file)`;
    }
    const where = segments.length === 1 ? 'the run' : segments[0] === 'model' && segments.length === 2 ? `template ${String(template)}` : segments.slice(0, -1).join('.');
    // `--set experts=8` means router.experts, `--set router.k=2` the top-k router's k: the field elsewhere in the template
    const nested = segments[0] === 'model' ? nestedFieldSuggestion(String(template), segments.slice(1), parsed.model as Record<string, unknown>) : undefined;
    if (nested) return `'${path}' (${where} has no field '${name}'; ${nestedInWords(nested, segments.slice(1).join('.'))})`;
    // `--set epoch=3` lands on model.epoch (every unknown --set key is a model field): offer the run's own fields
    // too, but not the sections no --set key means (`mode` is not a misspelt `model`)
    const candidates = segments.length === 2 && segments[0] === 'model' ? [...known, ...RUN_FIELDS.filter((f) => f !== 'model' && f !== 'data'), ...[...DATA_FIELDS].map((f) => f.slice('model.'.length))] : known;
    const near = closestName(name, candidates.filter((k) => k !== 'template'));
    return `'${path}' (${where} has no field '${name}'${near ? `; did you mean '${near}'?` : ''})`;
  });
  const hint = paths.some((p) => p.startsWith('model.')) && template !== 'demo-gated' ? `; gatelab templates ${String(template)} lists its fields` : '';
  return `run config: unknown field${paths.length > 1 ? 's' : ''} ${parts.join(', ')}${hint}`;
}
