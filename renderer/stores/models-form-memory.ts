// The Models form across a reload of the window: a reload (F5, the app reloading itself) used to reset the
// form to the defaults, so Max steps went blank and Seeds back to the default, and the next Start trained 10 full
// epochs. The form is kept in the window's sessionStorage (it lasts as long as the window; the CSP and the
// sandbox allow it) and read back when the page starts. What is read back is checked against the schemas
// of this build: a template it no longer has is dropped with its fields, a field a schema no longer has
// is dropped, a value of the wrong type gives way to the default; nothing read back can break the view.
// The store drops the whole form when its dataset turns out to be gone (ModelsStore.forgetDataset).
import type { Family } from '../../common/lab-api';
import { defaultModelConfig, type TemplateId } from '../../common/models';
import { defaultValue, tagOf, variantFor, widgetOf, type JsonSchema } from '../lib/json-schema';
import { schemaOf, TRAINING_SCHEMA } from './models-validation';
import { TrainingSettings } from './run-form';

export const FORM_KEY = 'gatelab.models.form';
/**
 * Seeds a first visit's form starts with: one, so a new user's first Start trains one run and shows its
 * result in a third of the time three seeds took. Comparing seeds is a choice made in the Seeds box (README's
 * first session sets 2; "New run from this" sets a group's count).
 */
export const DEFAULT_SEEDS = 1;
/** The stored format's version: a later build that stores something else reads an older one as nothing. */
const VERSION = 1;
const FAMILIES: readonly Family[] = ['forecasting', 'recsys', 'fusion'];

/** The form as a reload gets it back (the ModelsStore fields of the same names). */
export interface StoredForm {
  family: Family;
  templateId: string | null;
  datasetId: string | null;
  splitId: string | null;
  config: Record<string, unknown>;
  training: Record<string, unknown>;
  seeds: number | null;
  selectedGate: string | null;
  name: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const DROP = Symbol('drop');

/**
 * `value` as far as schema `s` still takes it: DROP for a value of another type (a field that changed type),
 * objects keep only the fields the schema has, with its defaults for the rest. Range checks are left to the
 * form's validation, which names the field (a stored 400 where the maximum became 300 is shown, marked).
 */
function fit(value: unknown, s: JsonSchema): unknown {
  const w = widgetOf(s);
  // an emptied box (null) stays empty, as the form left it (SchemaForm: the field is marked until filled)
  if (value === null) return w === 'integer' || w === 'number' ? null : DROP;
  switch (w) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : DROP;
    case 'boolean':
      return typeof value === 'boolean' ? value : DROP;
    case 'string':
      return typeof value === 'string' ? value : DROP;
    case 'enum':
      return (s.enum ?? []).includes(value) ? value : DROP;
    case 'const':
      return value === s.const ? value : DROP;
    case 'number-list': // items as typed ("abc" stays, for the message naming it)
      return Array.isArray(value) && value.every((v) => typeof v === 'number' || typeof v === 'string') ? value : DROP;
    case 'object-list':
      return Array.isArray(value) ? value : DROP;
    case 'object':
      return isObj(value) ? fitObject(value, s) : DROP;
    case 'union': {
      const variant = variantFor(s, value);
      return isObj(value) && variant && tagOf(variant) === value.kind ? fitObject(value, variant) : DROP;
    }
    default:
      return value; // what the form only shows (a record of class weights): the lab checks it at Start
  }
}

function fitObject(value: Obj, s: JsonSchema): Obj {
  const out: Obj = {};
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    const v = k in value ? fit(value[k], p) : DROP;
    if (v !== DROP) out[k] = v;
    // a field a newer schema added, or one whose stored value no longer fits: its default, if it has one
    // (an optional group without one, such as patching, stays off)
    else if (p.default !== undefined || p.const !== undefined) out[k] = defaultValue(p);
  }
  return out;
}

/** The template's default config, or {} for one whose defaults need data-shaped fields. */
function defaultsOf(template: string): Obj {
  try {
    return defaultModelConfig(template as TemplateId) as unknown as Obj;
  } catch {
    return {};
  }
}

const str = (x: unknown): string | null => (typeof x === 'string' && x ? x : null);

/** The form stored in `storage`, checked against this build's schemas; null when there is none or it cannot be read. */
export function readForm(storage: Storage | null): StoredForm | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(FORM_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!isObj(raw) || raw.v !== VERSION || !FAMILIES.includes(raw.family as Family)) return null;
  const templateId = str(raw.templateId);
  const schema = templateId ? schemaOf(templateId) : null;
  const config = schema && isObj(raw.config) ? { ...defaultsOf(templateId!), ...fitObject(raw.config, schema) } : null;
  const trainingDefaults = TrainingSettings.parse({}) as Obj;
  const training = isObj(raw.training) ? { ...trainingDefaults, ...fitObject(raw.training, TRAINING_SCHEMA as JsonSchema) } : trainingDefaults;
  const seeds = raw.seeds === null || (typeof raw.seeds === 'number' && Number.isFinite(raw.seeds)) ? (raw.seeds as number | null) : DEFAULT_SEEDS;
  return {
    family: raw.family as Family,
    // a template this build does not have: none, so the store picks the family's first (with its defaults)
    templateId: config ? templateId : null,
    datasetId: str(raw.datasetId),
    splitId: str(raw.splitId),
    config: config ?? {},
    training,
    seeds,
    selectedGate: config ? str(raw.selectedGate) : null,
    name: typeof raw.name === 'string' ? raw.name.slice(0, 200) : '',
  };
}

/** A form as a first visit has it (the store then picks the family's first template, with its defaults). */
export function freshForm(): Omit<StoredForm, 'datasetId' | 'splitId'> {
  return { family: 'forecasting', templateId: null, config: {}, training: TrainingSettings.parse({}) as Obj, seeds: DEFAULT_SEEDS, selectedGate: null, name: '' };
}

/** Stores `form` (a full storage, or one the browser refuses, keeps the previous form: the page works on). */
export function writeForm(storage: Storage | null, form: StoredForm): void {
  try {
    storage?.setItem(FORM_KEY, JSON.stringify({ v: VERSION, ...form }));
  } catch {
    // quota or a storage the window may not use: nothing to tell the user, the form itself is unaffected
  }
}

let claimed = false;

/**
 * The window's sessionStorage, for the first Models form of this page only: a page has one, and a reload
 * starts a new page. Stores made after it in the same page (component tests make one per test) neither
 * read nor write it, so one test's form never turns up in the next. Null without a usable sessionStorage.
 */
export function pageFormStorage(): Storage | null {
  if (claimed) return null;
  claimed = true;
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // a storage the page may not use (opaque origin)
  }
}
