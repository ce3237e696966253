// What a run's gates change from its template's defaults, in a few words: "hard gate", "gates off",
// "granularity=element", "gate1 off". Runs of one template on one dataset that differ only in their gates
// (the default sigmoid gate, a hard gate, the ablation) were all "tsmixer-gated on Demo: grid load" and
// told apart only by their ids; these words go into a run's automatic name (formRunName) and into
// Compare's settings column, the same words in both places.
import { defaultModelConfig, TEMPLATES, templateJsonSchema, type TemplateId } from '../../common/models';
import { gatesOff } from '../../common/analytics/ablation';
import { kindLabel, variantFor, type JsonSchema } from './json-schema';
import { changedWords } from './run-label';
import { configKeyLabel } from './config-labels';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const schemas = new Map<string, JsonSchema | null>();
function schemaOf(template: string): JsonSchema | null {
  if (!schemas.has(template)) {
    try {
      schemas.set(template, templateJsonSchema(template as TemplateId) as JsonSchema);
    } catch {
      schemas.set(template, null); // a template this build does not know: no words rather than a throw
    }
  }
  return schemas.get(template)!;
}

/**
 * The template's gate config for `kind` with every default filled, as the form fills it when the kind
 * picker switches (the template's own default for its default kind: FinalMLP's sigmoid has scale 2).
 */
function defaultGate(template: string, field: string, kind: unknown): Obj | null {
  try {
    return (defaultModelConfig(template as TemplateId, { [field]: { kind } }) as unknown as Obj)[field] as Obj;
  } catch {
    return null;
  }
}

/** "Hard gate" → "hard gate", "Top-k router" → "top-k router": the kind picker's name, inside a sentence. */
function kindWords(template: string, field: string, gate: Obj): string {
  const union = schemaOf(template)?.properties?.[field];
  const variant = union ? variantFor(union, gate) : null;
  const label = variant ? kindLabel(variant) : String(gate.kind);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * What the gates of a `template` model config (the Models form's fields, or a stored run's config.model)
 * change from the template's defaults: "gates off" when every gate is off (the ablation, as the "gates
 * off" pill says), else per gate "<field> off", the kind picked instead of the default one ("hard gate"),
 * then the changed gate fields as "New run from this" names them (changedWords: "granularity=element",
 * at most 3, then "+N more"). Empty for the template's defaults, a baseline, or an unknown template.
 * `labelled`: gates and their fields by the Models form's labels ("Gate granularity = element", "Stream 1
 * feature gate off"), as Compare says the other settings beside them; a run's name keeps the short keys.
 */
export function gateWords(template: string, model: Obj, max = 3, labelled = false): string {
  const info = TEMPLATES.find((t) => t.id === template);
  if (!info || info.gates.length === 0) return '';
  if (gatesOff({ model: { ...model, template } })) return 'gates off';
  let defaults: Obj;
  try {
    defaults = defaultModelConfig(template as TemplateId) as unknown as Obj;
  } catch {
    return '';
  }
  const words: string[] = [];
  const before: Obj = {};
  const after: Obj = {};
  for (const field of info.gates) {
    const gate = model[field];
    const standard = defaults[field];
    if (!isObj(gate) || !isObj(standard)) continue; // left out: the template's default gate
    // the only gate of a template is "gate" in words; of several, each by its config key (as --set spells it)
    if (gate.enabled === false) { words.push(`${info.gates.length > 1 ? (labelled ? configKeyLabel(`model.${field}`, [template]) : field) : 'gate'} off`); continue; }
    const otherKind = gate.kind !== undefined && gate.kind !== standard.kind;
    const base = otherKind ? defaultGate(template, field, gate.kind) : standard;
    if (otherKind) words.push(kindWords(template, field, gate));
    if (!base) continue;
    // `enabled` is said above; a field the stored gate leaves out is its default, not a change
    const { enabled: _a, kind: _k, ...b } = base;
    const { enabled: _c, kind: _l, ...g } = { ...base, ...gate };
    before[field] = b;
    after[field] = g;
  }
  const changes = changedWords(before, after, max, labelled ? (path) => configKeyLabel(`model.${path}`, [template]) : undefined);
  return [...words, ...(changes ? [changes] : [])].join(' · ');
}

/**
 * How a run with its template's default gates reads beside runs that change theirs: "sigmoid gate
 * (default)" for a template with one gate, "default gates" for several; empty for a baseline.
 */
export function defaultGateWords(template: string): string {
  const info = TEMPLATES.find((t) => t.id === template);
  if (!info || info.gates.length === 0) return '';
  if (info.gates.length > 1) return 'default gates';
  const field = info.gates[0];
  try {
    const gate = (defaultModelConfig(template as TemplateId) as unknown as Obj)[field];
    return isObj(gate) ? `${kindWords(template, field, gate)} (default)` : 'default gates';
  } catch {
    return 'default gates';
  }
}

/**
 * A run's automatic name in the Models form: the template, what its gates change ("tsmixer-gated · hard
 * gate"), and the dataset it trains on ("… on Demo: grid load (forecasting)"). Runs of one template and
 * dataset that differ in their gates get different names, as "New run from this" children do.
 */
export function formRunName(template: string, model: Obj, datasetName: string | null): string {
  const gates = gateWords(template, model);
  return `${template}${gates ? ` · ${gates}` : ''}${datasetName ? ` on ${datasetName}` : ''}`;
}

/**
 * What a "New run from this" child changed, as its name says it (changedWords), except that turning every
 * gate off is "gates off", as a fresh ablation's name and the pill say: the walk-through's Ablate on a
 * child read "… · enabled=false", a key no form field shows.
 */
export function childChangeWords(template: string, before: Obj, after: Obj): string {
  const info = TEMPLATES.find((t) => t.id === template);
  const off = (m: Obj) => gatesOff({ model: { ...m, template } });
  if (!info || !off(after) || off(before)) return changedWords(before, after);
  // the other changes as usual, the gates' `enabled` (said by "gates off") left out
  const on = (m: Obj) => ({ ...m, ...Object.fromEntries(info.gates.filter((g) => isObj(m[g])).map((g) => [g, { ...(m[g] as Obj), enabled: true }])) });
  const rest = changedWords(on(before), on(after));
  return rest ? `gates off · ${rest}` : 'gates off';
}
