// The model builder's live validation: what is wrong with the template's fields, the Training settings
// and the Seeds box, in words naming each field's label, checked with the zod schemas of common/models
// (the same ones the lab checks with), so a bad field is named before anything is sent. Apart from the
// store (models.svelte.ts) because it holds no state: the view and the tests call it directly too.
import { z } from 'zod';
import { ModelConfig, templateJsonSchema } from '../../common/models';
import { issueMessage, pathLabel } from '../lib/field-labels';
import { variants, type JsonSchema } from '../lib/json-schema';
import { TrainingSettings } from './run-form';

/** The lab accepts 1..64 seeds per start (common/lab-api StartRuns). */
export const MAX_SEEDS = 64;

/** What is wrong with the Seeds box, in words, or null. */
export function seedsProblem(seeds: unknown): string | null {
  if (seeds === null || seeds === undefined || seeds === '' || (typeof seeds === 'number' && Number.isNaN(seeds))) return 'Enter how many seeds to run (1 to 64)';
  if (typeof seeds !== 'number' || !Number.isInteger(seeds) || seeds < 1) return 'Seeds must be a whole number from 1 to 64';
  if (seeds > MAX_SEEDS) return `At most ${MAX_SEEDS} seeds per start`;
  return null;
}

export const TRAINING_SCHEMA = z.toJSONSchema(TrainingSettings, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

const schemas = new Map<string, JsonSchema>();
/** The template's JSON schema (field labels), read once per template; null: a template this build does not know. */
export const schemaOf = (template: string): JsonSchema | null => {
  if (!schemas.has(template)) {
    try {
      schemas.set(template, templateJsonSchema(template as never) as JsonSchema);
    } catch {
      return null; // a template this build does not know: the lab names it when asked
    }
  }
  return schemas.get(template)!;
};

/** The first problem of each field path, in words naming the field's label (field-labels.ts). */
export function problemsOf(issues: z.core.$ZodIssue[], schema: JsonSchema, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.map(String).join('.') || '(config)'] ??= issueMessage(i, schema, value);
  return out;
}

export function validateConfig(template: string | null, config: Record<string, unknown>): Record<string, string> {
  if (!template) return {};
  const value = { ...config, template };
  const r = ModelConfig.safeParse(value);
  return r.success ? {} : problemsOf(r.error.issues, schemaOf(template) ?? {}, value);
}

/** A field the form flags as invalid: its path in the config (or the Training settings), its label, where it is shown. */
export interface InvalidField {
  path: string;
  label: string;
  /** 'gate': in a gate's form (`gate` says which; selecting it shows the field); 'config': Hyperparameters; 'training': the Training fold-out. */
  where: 'gate' | 'config' | 'training';
  gate?: string;
}

const pathOf = (key: string) => key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * The invalid fields in the order the page shows them: the open gate's form, Hyperparameters, the other
 * gates, then Training. The launch bar names the first and takes the user to it.
 */
export function invalidFields(errors: Record<string, string>, trainingErrors: Record<string, string>, gates: string[], selectedGate: string | null, schema: JsonSchema | null): InvalidField[] {
  const config = Object.keys(errors).map((path): InvalidField => {
    const gate = gates.find((g) => path === g || path.startsWith(`${g}.`));
    return { path, label: schema ? pathLabel(schema, pathOf(path)).label : path, where: gate ? 'gate' : 'config', gate };
  });
  const rank = (f: InvalidField) => (f.where === 'gate' && f.gate === selectedGate ? 0 : f.where === 'config' ? 1 : 2);
  const training = Object.keys(trainingErrors).map((path): InvalidField => ({ path, label: pathLabel(TRAINING_SCHEMA as JsonSchema, pathOf(path)).label, where: 'training' }));
  // Within a part of the page, the form's order, not the order the checks ran in: zod reports a field's
  // own range (capacity factor −1) before a cross-field check (k > experts) of a field above it, and the
  // launch bar named "Router capacity factor" first while "Experts per token (k)" sat above it.
  const inForm = (root: JsonSchema | null) => (a: InvalidField, b: InvalidField) => compareOrder(formPosition(root, a.path), formPosition(root, b.path));
  config.sort((a, b) => rank(a) - rank(b) || inForm(schema)(a, b));
  training.sort(inForm(TRAINING_SCHEMA as JsonSchema));
  return [...config, ...training];
}

/** Where the field at `path` sits in a form generated from `root`: its property's index at each level (unknown: last). */
export function formPosition(root: JsonSchema | null, path: string): number[] {
  const out: number[] = [];
  let at: JsonSchema | undefined = root ?? undefined;
  for (const key of path.split('.')) {
    // a union (a gate's kinds): the variant that has the field; a list's item index is its own position
    const holder: JsonSchema | undefined = at?.properties?.[key] ? at : at && variants(at).find((v) => v.properties?.[key]);
    const keys = Object.keys(holder?.properties ?? {});
    const i = /^\d+$/.test(key) ? Number(key) : keys.indexOf(key);
    out.push(i < 0 ? Number.MAX_SAFE_INTEGER : i);
    at = holder?.properties?.[key];
  }
  return out;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Fields the launch bar names before counting the rest ("+2 more"): the whole list is in its title. */
const FIX_NAMED = 3;

/**
 * The launch bar's link to the invalid fields: how many, and each by its label in form order ("Fix 2
 * fields: Epochs, Learning rate"), the class weights last. Naming only the first left a user who fixed it
 * wondering which the second was. `all`: every name (the link's title).
 */
export function fixFieldsText(invalid: readonly Pick<InvalidField, 'label'>[], weightsProblem: boolean, all = false): string {
  const names = [...invalid.map((f) => f.label), ...(weightsProblem ? ['Class weights'] : [])];
  const n = names.length;
  const shown = all || n <= FIX_NAMED + 1 ? names : [...names.slice(0, FIX_NAMED), `+${n - FIX_NAMED} more`];
  return `Fix ${n} field${n === 1 ? '' : 's'}: ${shown.join(', ')}`;
}
