// Just enough JSON Schema (as zod's toJSONSchema writes it) to render a config form: which widget a
// field needs, which variant of a oneOf a value is, and the default value of a variant.
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
}

export type Widget = 'boolean' | 'enum' | 'integer' | 'number' | 'string' | 'number-list' | 'object-list' | 'object' | 'union' | 'const' | 'unknown';

export function widgetOf(s: JsonSchema): Widget {
  if (s.const !== undefined) return 'const';
  if (s.oneOf || s.anyOf) return 'union';
  if (s.enum) return 'enum';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'boolean') return 'boolean';
  if (t === 'integer') return 'integer';
  if (t === 'number') return 'number';
  if (t === 'string') return 'string';
  if (t === 'object' && s.properties) return 'object';
  if (t === 'array' && s.items && (s.items.type === 'integer' || s.items.type === 'number')) return 'number-list';
  // Arrays of objects (e.g. fusion modalities) have no free-text form: the form shows them read-only.
  if (t === 'array' && s.items?.type === 'object') return 'object-list';
  return 'unknown';
}

export const variants = (s: JsonSchema): JsonSchema[] => s.oneOf ?? s.anyOf ?? [];

/**
 * What the kind picker shows for a variant: the name its description starts with ("Top-k router: G = …"
 * gives "Top-k router"), else its tag (`topk-router`).
 */
export function kindLabel(variant: JsonSchema): string {
  const name = variant.description?.split(':')[0].trim();
  return name && name.length <= 40 && name !== variant.description ? name : (tagOf(variant) ?? '?');
}

/** The discriminator value of a variant (its `kind` or `template` const), or null. */
export function tagOf(variant: JsonSchema): string | null {
  for (const key of ['kind', 'template']) {
    const c = variant.properties?.[key]?.const;
    if (typeof c === 'string') return c;
  }
  return null;
}

export function variantFor(s: JsonSchema, value: unknown): JsonSchema | null {
  const tag = (value as { kind?: unknown } | null)?.kind;
  return variants(s).find((v) => tagOf(v) === tag) ?? variants(s)[0] ?? null;
}

/** A full value for a schema from its defaults (objects recursively), e.g. when switching gate kind. */
export function defaultValue(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined && widgetOf(s) !== 'object') return JSON.parse(JSON.stringify(s.default));
  const w = widgetOf(s);
  if (w === 'object') {
    const out: Record<string, unknown> = { ...((s.default as object) ?? {}) };
    for (const [k, p] of Object.entries(s.properties ?? {})) if (out[k] === undefined) out[k] = defaultValue(p);
    return out;
  }
  if (w === 'union') {
    const v = variants(s)[0];
    return v ? defaultValue(v) : undefined;
  }
  return undefined;
}

/** A value the form shows but does not edit, in words: "sensor (8), camera (8)" for modalities. */
export function summaryOf(v: unknown): string {
  if (Array.isArray(v)) return v.map(summaryOf).join(', ') || '(none)';
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string' && typeof o.dim === 'number') return `${o.name} (${o.dim})`;
    return JSON.stringify(o);
  }
  return v === undefined || v === null ? '(unset)' : String(v);
}

/** Bounds of a number field for <input min max>, with exclusive bounds nudged inward for integers. */
export function bounds(s: JsonSchema): { min?: number; max?: number; step: number | 'any' } {
  const int = widgetOf(s) === 'integer';
  let min = s.minimum;
  let max = s.maximum;
  if (s.exclusiveMinimum !== undefined) min = int ? s.exclusiveMinimum + 1 : s.exclusiveMinimum;
  if (s.exclusiveMaximum !== undefined) max = int ? s.exclusiveMaximum - 1 : s.exclusiveMaximum;
  if (max !== undefined && max > 1e12) max = undefined;
  return { min, max, step: int ? 1 : 'any' };
}

/** "initBias" -> "Init bias", "ffDim" -> "Ff dim". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
