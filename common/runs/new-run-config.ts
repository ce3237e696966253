// The check a run config gets when a run is created (not when a stored run is read back): besides the
// schema, its template must exist, no field may be one the run or its template does not have, and every
// template field the user set must be in its range. Without this a typo (`--set epoch=3`,
// `gate.tempreature`) trained a run on the defaults and said nothing, a misspelt template queued a run that
// could only fail, and `--set textBuckets=8` was queued to fail at step 0.
import { z } from 'zod';
import { parseRunConfig, RunConfig } from './config';
import { ModelConfig, parseModelConfig, templateInfo, type Family } from '../models/index';
import { closestName, droppedFields } from './dropped-fields';

const RUN_FIELDS = Object.keys(RunConfig.shape);
/**
 * Model-config fields that belong to the data binding, not to a template's schema (workers/data reads them):
 * `positiveAtLeast` turns a rating into a binary label (`--set positiveAtLeast=4`).
 */
const DATA_FIELDS = new Set(['model.positiveAtLeast']);

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
  const run = parseRunConfig(input);
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
    parsedModel = checkedTemplateFields(model, family);
    templateFields = Object.keys(parseModelConfig({ template }));
    if (parsedModel) dropped.push(...droppedFields(model, parsedModel, 'model').filter((p) => !DATA_FIELDS.has(p)));
  }
  const threshold = model.positiveAtLeast;
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold))) {
    throw new Error(`run config: model.positiveAtLeast: the label threshold must be a number (got ${JSON.stringify(threshold)})`);
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

/** "run config: model.textBuckets: 8 is too small: template gmu takes a whole number from 16 to 1,048,576". */
function fieldProblem(schema: TemplateSchema, model: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  const field = `run config: model.${path.join('.')}`;
  const takes = numberRange(schemaAt(schema, path));
  const value = valueAt(model, path);
  const what = `template ${String(model.template)} takes ${takes}`;
  if (takes && (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'not_multiple_of')) {
    return `${field}: ${JSON.stringify(value)} is out of range: ${what}`;
  }
  if (takes && (issue.code === 'invalid_type' || issue.code === 'invalid_format')) {
    return value === undefined ? `${field}: missing: ${what}` : `${field}: ${JSON.stringify(value)} is not ${/whole/.test(takes) ? 'a whole number' : 'a number'}: ${what}`;
  }
  return `${field}: ${issue.message}`;
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
    // `--set epoch=3` lands on model.epoch (every unknown --set key is a model field): offer the run's own fields too.
    const candidates = segments.length === 2 && segments[0] === 'model' ? [...known, ...RUN_FIELDS, ...[...DATA_FIELDS].map((f) => f.slice('model.'.length))] : known;
    const near = closestName(name, candidates.filter((k) => k !== 'template'));
    const where = segments.length === 1 ? 'the run' : segments[0] === 'model' && segments.length === 2 ? `template ${String(template)}` : segments.slice(0, -1).join('.');
    return `'${path}' (${where} has no field '${name}'${near ? `; did you mean '${near}'?` : ''})`;
  });
  const hint = paths.some((p) => p.startsWith('model.')) && template !== 'demo-gated' ? `; gatelab templates ${String(template)} lists its fields` : '';
  return `run config: unknown field${paths.length > 1 ? 's' : ''} ${parts.join(', ')}${hint}`;
}
