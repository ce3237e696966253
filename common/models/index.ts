// The model zoo's config contract: every template is a zod-validated JSON config shared by the CLI, the UI
// and the store. `ModelConfig` is the union of all templates discriminated by `template` (a kebab-case id).
import { z } from 'zod';
import { parseOrThrow } from '../gates/base';
import type { Family } from './base';
import { FORECASTING_TEMPLATES } from './forecasting';
import { RECSYS_TEMPLATES } from './recsys';
import { FUSION_TEMPLATES } from './fusion';

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
  if (!t) throw new Error(`unknown template '${id}'; known templates: ${TEMPLATE_IDS.join(', ')}`);
  return t;
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
