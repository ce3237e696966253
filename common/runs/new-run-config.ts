// The check a run config gets when a run is created (not when a stored run is read back): besides the
// schema, its template must exist and no field may be one the run or its template does not have. Without
// this a typo (`--set epoch=3`, `gate.tempreature`) trained a run on the defaults and said nothing, and a
// misspelt template queued a run that could only fail.
import { parseRunConfig, RunConfig } from './config';
import { parseModelConfig, templateInfo } from '../models/index';
import { closestName, droppedFields } from './dropped-fields';

const RUN_FIELDS = Object.keys(RunConfig.shape);
/**
 * Model-config fields that belong to the data binding, not to a template's schema (workers/data reads them):
 * `positiveAtLeast` turns a rating into a binary label (`--set positiveAtLeast=4`).
 */
const DATA_FIELDS = new Set(['model.positiveAtLeast']);

export function parseNewRunConfig(input: unknown): RunConfig {
  const run = parseRunConfig(input);
  const dropped = droppedFields(input ?? {}, run);
  const model = run.model as Record<string, unknown>;
  let parsedModel: unknown;
  if (model.template !== 'demo-gated') {
    try {
      templateInfo(String(model.template));
    } catch (e) {
      throw new Error(`run config: model.template: ${(e as Error).message}`);
    }
    // A config that does not parse yet may still bind once the dataset fills its shape (channels, fields,
    // modalities): the trainer reports those errors with the dataset in hand. Dropped fields need a parse.
    try {
      parsedModel = parseModelConfig(model);
    } catch {
      parsedModel = undefined;
    }
    if (parsedModel) dropped.push(...droppedFields(model, parsedModel, 'model').filter((p) => !DATA_FIELDS.has(p)));
  }
  const threshold = model.positiveAtLeast;
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold))) {
    throw new Error(`run config: model.positiveAtLeast: the label threshold must be a number (got ${JSON.stringify(threshold)})`);
  }
  if (dropped.length) throw new Error(unknownFieldsMessage(dropped, { ...run, model: parsedModel ?? model }));
  return run;
}

function unknownFieldsMessage(paths: string[], parsed: Record<string, unknown>): string {
  const parts = paths.map((path) => {
    const segments = path.split('.');
    const name = segments[segments.length - 1];
    const parent = segments.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], parsed);
    const known = parent && typeof parent === 'object' ? Object.keys(parent as object) : [];
    // `--set epoch=3` lands on model.epoch (every unknown --set key is a model field): offer the run's own fields too.
    const candidates = segments.length === 2 && segments[0] === 'model' ? [...known, ...RUN_FIELDS, ...[...DATA_FIELDS].map((f) => f.slice('model.'.length))] : known;
    const near = closestName(name, candidates.filter((k) => k !== 'template'));
    const where = segments.length === 1 ? 'the run' : segments[0] === 'model' && segments.length === 2 ? `template ${String((parsed.model as { template?: unknown }).template)}` : segments.slice(0, -1).join('.');
    return `'${path}' (${where} has no field '${name}'${near ? `; did you mean '${near}'?` : ''})`;
  });
  const template = (parsed.model as { template?: unknown }).template;
  const hint = paths.some((p) => p.startsWith('model.')) && template !== 'demo-gated' ? `; gatelab templates ${String(template)} lists its fields` : '';
  return `run config: unknown field${paths.length > 1 ? 's' : ''} ${parts.join(', ')}${hint}`;
}
