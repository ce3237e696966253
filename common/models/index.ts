// The model zoo's config contract: every template is a zod-validated JSON config shared by the CLI, the UI
// and the store. `ModelConfig` is the union of all templates discriminated by `template` (a kebab-case id).
import { z } from 'zod';
import { parseOrThrow } from '../gates/base';
import type { Family } from './base';
import { FORECASTING_TEMPLATES } from './forecasting';
import { RECSYS_TEMPLATES } from './recsys';
import { FUSION_TEMPLATES } from './fusion';
import { editDistance } from '../runs/dropped-fields';

export * from './base';
export * from './forecasting';
export * from './recsys';
export * from './fusion';
export * from './binding';

const ALL = [...FORECASTING_TEMPLATES, ...RECSYS_TEMPLATES, ...FUSION_TEMPLATES] as const;

export const ModelConfig = z.discriminatedUnion('template', ALL);
export type ModelConfig = z.output<typeof ModelConfig>;
export type ModelConfigInput = z.input<typeof ModelConfig>;
export type TemplateId = ModelConfig['template'];
/** The parsed config of one template, e.g. TemplateOf<'dlinear'>. */
export type TemplateOf<T extends TemplateId> = Extract<ModelConfig, { template: T }>;

export interface TemplateInfo {
  id: TemplateId;
  family: Family;
  /** One line for pickers and help. */
  description: string;
  /** Baselines come first in pickers and have no gate. */
  baseline: boolean;
  /** Config fields holding a gate config (editable and ablatable in the UI), e.g. ['gate'] or ['gate1', 'gate2']. */
  gates: string[];
}

const idOf = (s: (typeof ALL)[number]) => (s.shape.template as z.ZodLiteral<string>).value as TemplateId;
const gateFieldsOf = (s: (typeof ALL)[number]) =>
  Object.keys(s.shape).filter((k) => ['gate', 'gate1', 'gate2', 'attentionGate', 'gla', 'selection', 'grn', 'router'].includes(k));
const familyTable: [Family, readonly (typeof ALL)[number][]][] = [
  ['forecasting', FORECASTING_TEMPLATES], ['recsys', RECSYS_TEMPLATES], ['fusion', FUSION_TEMPLATES],
];

export const TEMPLATES: TemplateInfo[] = familyTable.flatMap(([family, list]) =>
  list.map((s) => ({
    id: idOf(s),
    family,
    description: s.description ?? idOf(s),
    gates: gateFieldsOf(s),
    baseline: gateFieldsOf(s).length === 0,
  })),
);
export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id);

const schemaOf = (id: TemplateId) => ALL.find((s) => idOf(s) === id)!;

export function templateInfo(id: string): TemplateInfo {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(unknownTemplateMessage(id));
  return t;
}

/** Ids compared without case and separators: `DLinear`, `dcn_v2`, `DCN-V2` and `final-mlp` name one template each. */
const squeezed = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The template id a name typed on the command line means, when it differs from one only in case or in its
 * `-`/`_` separators (papers and other libraries write `DLinear`, `DCN_V2`); undefined otherwise. No two
 * ids squeeze to the same letters, so this never picks between templates.
 */
export function canonicalTemplateId(name: string): TemplateId | undefined {
  return TEMPLATE_IDS.find((id) => squeezed(id) === squeezed(name));
}

/**
 * The names the papers (and other libraries) give these models, to the template that implements them. They
 * are suggested, not accepted: `tsmixer-gated` is TSMixer with gates, not TSMixer itself.
 */
const PAPER_NAMES: Readonly<Record<string, readonly TemplateId[]>> = {
  tsmixer: ['tsmixer-gated'],
  patchtst: ['patch-transformer-gated'],
  patchtransformer: ['patch-transformer-gated'],
  transformer: ['patch-transformer-gated'],
  tft: ['tft-lite'],
  temporalfusiontransformer: ['tft-lite'],
  gatedlinearattention: ['gla'],
  dcn: ['dcn-v2'],
  deepcross: ['dcn-v2'],
  logisticregression: ['lr'],
  logreg: ['lr'],
  widedeep: ['dnn'],
  moe: ['moe-forecaster', 'moe-dnn', 'moe-fusion'],
  mixtureofexperts: ['moe-forecaster', 'moe-dnn', 'moe-fusion'],
  earlyexit: ['early-exit-mlp'],
  gatedmultimodalunit: ['gmu'],
  crossattention: ['gated-cross-attention'],
};

/**
 * The templates a mistyped name most likely means: a paper's name for one, the ids within a typo or two of
 * it (`dlinaer`), or the ids it is the start of (`patch` → patch-transformer-gated) or that start with it.
 */
export function nearestTemplateIds(name: string): TemplateId[] {
  const typed = squeezed(name);
  if (!typed) return [];
  const paper = PAPER_NAMES[typed];
  if (paper) return [...paper];
  const scored = TEMPLATE_IDS.map((id) => ({ id, d: editDistance(typed, squeezed(id)) }));
  const allowed = Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
  const best = Math.min(...scored.map((s) => s.d));
  if (best <= allowed) return scored.filter((s) => s.d === best).map((s) => s.id);
  if (typed.length < 3) return [];
  return TEMPLATE_IDS.filter((id) => squeezed(id).startsWith(typed) || (squeezed(id).length >= 3 && typed.startsWith(squeezed(id))));
}

/** "unknown template 'dlinaer' (did you mean 'dlinear'?); known templates: linear, …". */
export function unknownTemplateMessage(name: string): string {
  const near = nearestTemplateIds(name);
  const hint = near.length ? ` (did you mean ${near.map((id) => `'${id}'`).join(' or ')}?)` : '';
  return `unknown template '${name}'${hint}; known templates: ${TEMPLATE_IDS.join(', ')}`;
}

/**
 * Parses a model config, filling defaults. Throws ConfigError naming the field, e.g.
 * "template 'dlinear': field 'kernel': kernel must be odd (got 24)".
 */
export function parseModelConfig(input: unknown): ModelConfig {
  const id = (input as { template?: unknown } | null)?.template;
  if (typeof id !== 'string' || !TEMPLATE_IDS.includes(id as TemplateId))
    return parseOrThrow(ModelConfig, input, `template '${String(id)}' (known templates: ${TEMPLATE_IDS.join(', ')})`);
  return parseOrThrow(schemaOf(id as TemplateId), input, `template '${id}'`) as ModelConfig;
}

/** The default config of a template, with the given overrides (e.g. data shape from a dataset). */
export function defaultModelConfig<T extends TemplateId>(id: T, overrides: Record<string, unknown> = {}): TemplateOf<T> {
  return parseModelConfig({ ...overrides, template: id }) as TemplateOf<T>;
}

/** The JSON Schema of one template (the UI renders the model form from it). */
export function templateJsonSchema(id: TemplateId): unknown {
  return z.toJSONSchema(schemaOf(id), { io: 'input', unrepresentable: 'any' });
}
