// The help under each Models form field speaks the form's words: "as wide as the feed-forward width", not
// "of width ffDim". A user of the form never sees the config keys (fields carry labels), so a help text that
// names one ("must divide dModel", "the gate's exitLossWeight") points at nothing on the screen.
import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateJsonSchema } from '../../common/models';
import { TRAINING_SCHEMA } from '../stores/models-validation';
import { withHelp } from './training-help';
import { variants, type JsonSchema } from './json-schema';

/** Every description of `s` and its fields (union variants and list items included), with its path. */
function helpTexts(s: JsonSchema | undefined, path: string, out: [string, string][] = []): [string, string][] {
  if (!s) return out;
  if (s.description) out.push([path, s.description]);
  for (const [k, p] of Object.entries(s.properties ?? {})) helpTexts(p, `${path}.${k}`, out);
  for (const v of variants(s)) helpTexts(v, path, out);
  return helpTexts(s.items, `${path}[]`, out);
}

/** Field keys of a schema tree. */
function keysOf(s: JsonSchema | undefined, out = new Set<string>()): Set<string> {
  if (!s) return out;
  for (const [k, p] of Object.entries(s.properties ?? {})) { out.add(k); keysOf(p, out); }
  for (const v of variants(s)) keysOf(v, out);
  return keysOf(s.items, out);
}

describe('Models form help texts', () => {
  const schemas: [string, JsonSchema][] = [
    ...TEMPLATES.map((t) => [t.id, templateJsonSchema(t.id as never) as JsonSchema] as [string, JsonSchema]),
    ['Training', withHelp(TRAINING_SCHEMA as JsonSchema)],
  ];
  const keys = new Set(schemas.flatMap(([, s]) => [...keysOf(s)]));
  // keys written as code: camelCase ("ffDim", "exitLossWeight") and the short ones no sentence uses as a word
  const raw = [...keys].filter((k) => /[a-z][A-Z]/.test(k) || k === 'lr');

  it('name no config key a field of the form is labelled instead of', () => {
    const named = schemas.flatMap(([id, s]) => helpTexts(s, id)).flatMap(([path, text]) =>
      raw.filter((k) => new RegExp(`(^|[^\\w.])${k}($|[^\\w])`).test(text)).map((k) => `${path}: ${k} in "${text}"`));
    expect(named).toEqual([]);
  });

  it('say the feed-forward gate’s width and the heads’ rule in the form’s words', () => {
    const tsmixer = templateJsonSchema('tsmixer-gated' as never) as JsonSchema;
    expect(tsmixer.properties!.feedForward.description).toContain('as wide as the feed-forward width');
    const heads = helpTexts(templateJsonSchema('patch-transformer-gated' as never) as JsonSchema, '').find(([p]) => p === '.heads')![1];
    expect(heads).toBe('Attention heads (must divide the model width, d_model)');
  });
});
