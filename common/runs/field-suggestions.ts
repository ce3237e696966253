// Where a field the user named lives in a template, when it is not where they put it: `--set experts=8` on
// moe-forecaster means `router.experts`, `--set patch_len=16` on tsmixer-gated means `patch.length`,
// `--set k=2` means `router.k`, which only the top-k router has. Read from the template's JSON Schema, so
// optional sections (tsmixer-gated's `patch`) and every kind of a gate slot (`router.kind=topk-router`'s
// fields) are found, not only what the defaults hold.
import { templateJsonSchema, TEMPLATE_IDS, type TemplateId } from '../models/index';

/** A field of a template: its dotted path, and the gate kind it belongs to when only one kind of its slot has it. */
export interface TemplateField {
  path: string[];
  /** `{ slot: 'router', kind: 'topk-router' }`: the field exists when router.kind is that kind. */
  kind?: { slot: string; kind: string };
}

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
}

/** Every field of a template (objects and their fields, every kind of every gate slot), depth first. */
export function templateFields(template: string): TemplateField[] {
  if (!TEMPLATE_IDS.includes(template as TemplateId)) return [];
  const out: TemplateField[] = [];
  walk(templateJsonSchema(template as TemplateId) as JsonSchema, [], undefined, out);
  return out.filter((f) => f.path[0] !== 'template');
}

function walk(schema: JsonSchema, at: string[], kind: TemplateField['kind'], out: TemplateField[]): void {
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    if (name === 'kind' && at.length) continue;
    const path = [...at, name];
    out.push({ path, kind });
    walk(sub, path, kind, out);
  }
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    const k = branch.properties?.kind?.const;
    walk(branch, at, typeof k === 'string' && at.length ? { slot: at.join('.'), kind: k } : kind, out);
  }
}

/** The kinds of a gate slot (`router` → softmax-router, topk-router, sinkhorn-router), with the fields each has. */
export function slotKinds(template: string, slot: string): Array<{ kind: string; fields: string[] }> {
  const kinds = new Map<string, string[]>();
  for (const f of templateFields(template)) {
    if (f.kind?.slot !== slot || f.path.length !== slot.split('.').length + 1) continue;
    const list = kinds.get(f.kind.kind) ?? [];
    if (!list.includes(f.path.at(-1)!)) list.push(f.path.at(-1)!);
    kinds.set(f.kind.kind, list);
  }
  return [...kinds].map(([kind, fields]) => ({ kind, fields }));
}

const squeezed = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');

/**
 * Other names for a field, by their squeezed spelling: the names papers and other libraries give them.
 * Each maps to squeezed field names (or squeezed dotted paths) that mean the same.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  numexperts: ['experts'], nexperts: ['experts'], numexpert: ['experts'], expertcount: ['experts'],
  topk: ['k'], numselected: ['k'],
  hidden: ['hidden', 'dmodel'], hiddensize: ['hidden', 'dmodel'], hiddendim: ['hidden', 'dmodel'], dmodel: ['dmodel', 'hidden'], width: ['dmodel', 'hidden'],
  loadbalanceweight: ['loadbalanceweight'], loadbalance: ['loadbalanceweight'], auxloss: ['loadbalanceweight'], balanceweight: ['loadbalanceweight'], lbweight: ['loadbalanceweight'],
  patchlen: ['patchlen', 'patchlength'], patchsize: ['patchlen', 'patchlength'], patchlength: ['patchlen', 'patchlength'],
  nheads: ['heads'], numheads: ['heads'], nlayers: ['layers'], numlayers: ['layers'], depth: ['layers', 'blocks'],
  tau: ['temperature'],
};

/** The squeezed names a field answers to: its own, its path joined from each depth (`router.loadBalance.weight` → loadbalanceweight). */
function namesOf(path: string[]): string[] {
  const names = path.map((_, i) => squeezed(path.slice(i).join('')));
  // `expertHidden`: its last camelCase word too
  const words = path.at(-1)!.split(/(?=[A-Z])/);
  if (words.length > 1) names.push(squeezed(words.at(-1)!));
  return names;
}

export interface FieldSuggestion {
  /** The field's path in the template, e.g. 'router.k'. */
  path: string;
  /** The gate kind it needs when the slot has another now: `--set router.kind=topk-router`. */
  needsKind?: { slot: string; kind: string };
}

/**
 * The template field a name the template does not have most likely means: the same name elsewhere in the
 * template (`experts` → router.experts), under another kind of the same slot (`router.k` on a softmax
 * router → the top-k router's k), another name for it (`num_experts`, `top-k`, `hidden` → dModel), or its
 * path run together (`patch_len` → patch.length). undefined when nothing answers to it: a near spelling
 * is closestName's (dropped-fields.ts) to find.
 */
export function nestedFieldSuggestion(template: string, typed: string[], model: Record<string, unknown>): FieldSuggestion | undefined {
  const fields = templateFields(template);
  const leaf = squeezed(typed.at(-1)!);
  const forms = new Set([leaf, squeezed(typed.join('')), ...(SYNONYMS[leaf] ?? [])]);
  const typedPath = typed.join('.');
  const currentKind = (slot: string) => slot.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], model) as { kind?: unknown } | undefined;
  const scored: Array<{ field: TemplateField; score: number }> = [];
  for (const field of fields) {
    const path = field.path.join('.');
    // the same path under another kind of its slot is the best answer; the path itself (as the slot's current kind) is not a suggestion
    const kindNow = field.kind ? currentKind(field.kind.slot)?.kind : undefined;
    const otherKind = field.kind !== undefined && kindNow !== undefined && kindNow !== field.kind.kind;
    if (path === typedPath) {
      if (otherKind) scored.push({ field, score: 0 });
      continue;
    }
    const names = namesOf(field.path);
    const exact = names.some((n) => forms.has(n));
    // an abbreviation of the path run together: patchlen → patch.length
    const short = !exact && [...forms].some((f) => f.length >= 4 && names.some((n) => n.startsWith(f) && n.length - f.length <= 3));
    if (!exact && !short) continue;
    scored.push({ field, score: (exact ? 1 : 2) * 10 + field.path.length + (otherKind ? 5 : 0) });
  }
  scored.sort((a, b) => a.score - b.score);
  const best = scored[0]?.field;
  if (!best) return undefined;
  const kindNow = best.kind ? currentKind(best.kind.slot)?.kind : undefined;
  const needsKind = best.kind && kindNow !== undefined && kindNow !== best.kind.kind ? best.kind : undefined;
  return { path: best.path.join('.'), ...(needsKind ? { needsKind } : {}) };
}
