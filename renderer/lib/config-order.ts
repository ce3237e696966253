// Compare lists a run's settings in the order the Models form shows them, not by their stored keys:
// sorted by key, "Config differences" read "Dataset, Template, Dropout, Gate kind, Lookback, Batch size,
// Epochs…" in the alphabet of `data.`, `model.`, `batchSize`, so a user comparing with the form looked for
// each row up and down the page. The form runs top to bottom: the Dataset and Split boxes, the template
// card, the gate panel, Hyperparameters, the Training fold-out (class weights last in it), then the launch
// bar's Seeds. Within a panel fields come in their schema's order, a kind picker before its group's fields.
import { TEMPLATES } from '../../common/models';
import { propertyOf } from './field-labels';
import { variants, type JsonSchema } from './json-schema';
import { templateSchema, trainingSchema } from './config-labels';

/** The top of the form: what the run trains on (the label rule is the dataset's Target box's). */
const DATA_KEYS = ['data.datasetId', 'data.splitId', 'data.kind', 'model.positiveAtLeast'];

/** A schema's field names as its form lists them: a union's kind picker first, then every variant's fields. */
function fieldsOf(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  const names = [...Object.keys(s.properties ?? {}), ...variants(s).flatMap((v) => Object.keys(v.properties ?? {}))];
  const unique = [...new Set(names)];
  return unique.includes('kind') ? ['kind', ...unique.filter((k) => k !== 'kind')] : unique;
}

/** Where `keys` sits in `root`, one index per level (a key the schema does not have: after the ones it has). */
function positionIn(root: JsonSchema, keys: readonly string[]): number[] {
  const out: number[] = [];
  let s: JsonSchema | undefined = root;
  for (const k of keys) {
    const fields = fieldsOf(s);
    const i = fields.indexOf(k);
    out.push(i < 0 ? fields.length : i);
    s = propertyOf(s, k);
  }
  return out;
}

/**
 * The place of flattened run-config key `key` in the Models form, as a tuple compared element by element:
 * its part of the form (data, template, gates, hyperparameters, Training, class weights, launch bar, the
 * rest), then its place in that part. `templates`: the compared runs' templates, whose schemas give the order.
 */
export function formPosition(key: string, templates: readonly string[] = []): number[] {
  if (DATA_KEYS.includes(key)) return [0, DATA_KEYS.indexOf(key)];
  if (key.startsWith('data.')) return [0, DATA_KEYS.length];
  if (key === 'template' || key === 'model.template') return [1];
  if (key.startsWith('model.')) {
    const path = key.slice('model.'.length).split('.');
    const known = templates.filter((id) => TEMPLATES.some((t) => t.id === id));
    const gates = [...new Set(known.flatMap((id) => TEMPLATES.find((t) => t.id === id)!.gates))];
    // the gate panel stands before Hyperparameters, one gate after another in the template's order
    const schema = known.map(templateSchema).find((s) => propertyOf(s, path[0]));
    if (gates.includes(path[0])) return [2, gates.indexOf(path[0]), ...positionIn(schema ?? {}, path).slice(1)];
    // a field none of the templates has (a run from an older version): after the fields they have
    return schema ? [3, ...positionIn(schema, path)] : [3, Number.MAX_SAFE_INTEGER];
  }
  const path = key.split('.');
  if (propertyOf(trainingSchema(), path[0])) return [4, ...positionIn(trainingSchema(), path)];
  if (path[0] === 'loss') return [5];
  if (key === 'name') return [6, 0];
  if (key === 'seed') return [6, 1];
  return [7];
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** Rows keyed by flattened config keys in the Models form's order; ties (keys no form field holds) by key. */
export function inFormOrder<T extends { key: string }>(rows: readonly T[], templates: readonly string[] = []): T[] {
  const at = new Map(rows.map((r) => [r.key, formPosition(r.key, templates)]));
  return [...rows].sort((a, b) => compareTuples(at.get(a.key)!, at.get(b.key)!) || a.key.localeCompare(b.key));
}
