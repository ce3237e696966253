// Compare names a run's settings as the Models form does ("Optimizer learning rate", "Gate granularity",
// "Moving-average kernel"), not by the stored config's keys ("optimizer.lr", "model.gate.granularity"): a
// user who wants to change a setting Compare shows looks for those words in the form. The raw key stays
// available (a cell's tooltip) for CLI users who type `--set`.
import { z } from 'zod';
import { TEMPLATES, templateJsonSchema } from '../../common/models';
import { TrainingSettings } from '../stores/run-form';
import { configPathLabel, kindFieldLabel } from './field-labels';
import type { JsonSchema } from './json-schema';

/** Keys of a run's config that no form field holds: what the app calls them where it shows them. */
const OTHER: Record<string, string> = {
  seed: 'Seed',
  template: 'Template',
  'model.template': 'Template',
  'data.datasetId': 'Dataset',
  'data.splitId': 'Split',
  'data.kind': 'Data',
  'loss.classWeights': 'Class weights',
  'model.positiveAtLeast': 'Label rule (value ≥ t)',
  dtype: 'Precision (dtype)',
  provider: 'Device',
  threads: 'Threads',
  maxRowsPerEpoch: 'Rows per epoch (cap)',
};

let training: JsonSchema | null = null;
/** The Training fold-out's schema (TrainingSettings), read once. */
export const trainingSchema = () => (training ??= z.toJSONSchema(TrainingSettings, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
const schemaCache = new Map<string, JsonSchema>();
/** A known template's JSON schema (the Hyperparameters and gate panels' fields), read once. */
export const templateSchema = (id: string) => {
  if (!schemaCache.has(id)) schemaCache.set(id, templateJsonSchema(id as never) as JsonSchema);
  return schemaCache.get(id)!;
};

/**
 * The form's label of a flattened run-config key ("model.ffDim" → "Feed-forward width", "optimizer.lr" →
 * "Optimizer learning rate", "schedule.kind" → "Learning-rate schedule"). A model key is looked up in
 * `templates` first (the compared runs' templates: the same key may be titled differently by another),
 * then in every template; an unknown key is spelled out in words.
 */
export function configKeyLabel(key: string, templates: readonly string[] = []): string {
  if (OTHER[key]) return OTHER[key];
  const model = key.startsWith('model.');
  const path = model ? key.slice('model.'.length) : key;
  const keys = path.split('.');
  // a kind picker is named after its group, as the form names it ("Gate kind", "Learning-rate schedule")
  if (keys.length > 1 && keys.at(-1) === 'kind') return kindFieldLabel(`${keys.slice(0, -1).join('.')}.`);
  const known = new Set<string>(TEMPLATES.map((t) => t.id));
  const roots = model
    ? [...new Set([...templates, ...known])].filter((id) => known.has(id)).map(templateSchema)
    : [trainingSchema()];
  return configPathLabel(path, roots);
}

/**
 * Config differences (config-diff rows) as Compare shows them: each row with its form label; rows whose
 * labels clash (two keys one label) keep their key in brackets, so no two rows read alike.
 */
export function labelledDiff<T extends { key: string }>(diff: readonly T[], templates: readonly string[] = []): (T & { label: string })[] {
  const rows = diff.map((d) => ({ ...d, label: configKeyLabel(d.key, templates) }));
  const clash = (label: string) => rows.filter((r) => r.label === label).length > 1;
  return rows.map((r) => (clash(r.label) ? { ...r, label: `${r.label} (${r.key})` } : r));
}
