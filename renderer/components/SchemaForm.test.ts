// The config form keeps every group it edits. A group with a default (the optimizer, the schedule, a
// router's load balancing) or a required one (a gate) must survive an edit of any of its fields even
// when its optional fields (gradient clipping) are empty; only a group that is truly optional (tsmixer's
// patching) turns off when all its own fields are cleared. Checked on every group of every template's
// real schema and of the Training settings, by editing each field through the rendered form.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import SchemaForm from './SchemaForm.svelte';
import { defaultModelConfig, TEMPLATES, templateJsonSchema } from '../../common/models';
import { TRAINING_SCHEMA, TrainingSettings } from '../stores/models.svelte';
import { defaultValue, variants, widgetOf, type JsonSchema } from '../lib/json-schema';
import { isOptionalGroup } from '../lib/optional-group';

afterEach(() => cleanup());

type Config = Record<string, unknown>;
const getAt = (v: unknown, at: string[]) => at.reduce<unknown>((o, k) => (o as Config | undefined)?.[k], v);
function setAt(v: Config, at: string[], x: unknown): Config {
  const [k, ...rest] = at;
  return { ...v, [k]: rest.length ? setAt((v[k] ?? {}) as Config, rest, x) : x };
}

interface Group { at: string[]; schema: JsonSchema; base: Config }
/** Every object group under `s`, with the config that renders it (a union's variant chosen by its defaults). */
function groupsOf(s: JsonSchema, base: Config, at: string[] = []): Group[] {
  const out: Group[] = [];
  for (const [k, p] of Object.entries(s.properties ?? {})) {
    const path = [...at, k];
    if (widgetOf(p) === 'object') out.push({ at: path, schema: p, base }, ...groupsOf(p, base, path));
    // a union (a router, or a gate position offering several kinds) is a group per variant, with its own groups
    else if (widgetOf(p) === 'union') for (const v of variants(p)) { const b = setAt(base, path, defaultValue(v)); out.push({ at: path, schema: v, base: b }, ...groupsOf(v, b, path)); }
  }
  return out;
}

/** Edits one field through its widget; returns the value it was given. */
async function edit(form: HTMLElement, at: string[], s: JsonSchema, current: unknown): Promise<unknown> {
  const el = form.querySelector(`#f-${at.join('.').replace(/\W/g, '-')}`) as HTMLInputElement | HTMLSelectElement;
  expect(el, at.join('.')).toBeTruthy();
  const w = widgetOf(s);
  if (w === 'boolean') {
    await fireEvent.click(el);
    return !(current === true);
  }
  if (w === 'enum') {
    const next = (s.enum ?? []).map(String).find((o) => o !== String(current))!;
    await fireEvent.change(el, { target: { value: next } });
    return next;
  }
  const next = w === 'number-list' ? [4, 4] : typeof current === 'number' ? (current === 0 ? 1 : w === 'integer' ? current + 1 : current / 2) : 1;
  await fireEvent.change(el, { target: { value: Array.isArray(next) ? next.join(', ') : String(next) } });
  return next;
}

const EDITABLE = ['boolean', 'enum', 'integer', 'number', 'number-list'];

async function checkEveryGroup(name: string, schema: JsonSchema, defaults: Config): Promise<number> {
  let edits = 0;
  for (const g of groupsOf(schema, defaults)) {
    const before = getAt(g.base, g.at) as Config | undefined;
    for (const [field, fs] of Object.entries(g.schema.properties ?? {})) {
      if (!EDITABLE.includes(widgetOf(fs))) continue;
      let got: Config | null = null;
      const { container } = render(SchemaForm, { props: { schema, value: g.base, onchange: (v: Config) => (got = v) } });
      const given = await edit(container, [...g.at, field], fs, before?.[field]);
      const where = `${name}: ${[...g.at, field].join('.')}`;
      expect(got, where).not.toBeNull();
      const after = getAt(got, g.at) as Config | undefined;
      expect(after, `${where} dropped its group`).toBeTypeOf('object');
      expect(after![field], where).toEqual(given);
      for (const [k, v] of Object.entries(before ?? {})) if (k !== field) expect(after![k], `${where} kept ${k}`).toEqual(v);
      cleanup();
      edits++;
    }
  }
  return edits;
}

describe('SchemaForm groups', () => {
  it('keeps the optimizer when its learning rate, weight decay or kind changes with gradient clipping empty', async () => {
    const defaults = TrainingSettings.parse({}) as Config;
    expect((defaults.optimizer as Config).clipNorm).toBeUndefined();
    expect(isOptionalGroup(TRAINING_SCHEMA as JsonSchema, 'optimizer')).toBe(false);
    expect(await checkEveryGroup('training', TRAINING_SCHEMA as JsonSchema, defaults)).toBeGreaterThan(10);
    // The config the form hands back is one the run accepts, with the edited values (not the defaults).
    let got: Config = {};
    const { container } = render(SchemaForm, { props: { schema: TRAINING_SCHEMA as JsonSchema, value: defaults, onchange: (v: Config) => (got = v) } });
    await fireEvent.change(container.querySelector('#f-optimizer-lr')!, { target: { value: '1e6' } });
    expect(TrainingSettings.parse(got).optimizer).toMatchObject({ kind: 'adamw', lr: 1e6, weightDecay: 0.01 });
    // A bad value stays in the config, so validation can name it (before, the group vanished instead).
    await fireEvent.change(container.querySelector('#f-optimizer-lr')!, { target: { value: '-1' } });
    expect(TrainingSettings.safeParse(got).success).toBe(false);
  });

  it('keeps every group of every template when one of its fields is edited', async () => {
    let edits = 0;
    for (const t of TEMPLATES) edits += await checkEveryGroup(t.id, templateJsonSchema(t.id) as JsonSchema, defaultModelConfig(t.id) as Config);
    expect(edits).toBeGreaterThan(50);
  });

  it('turns a truly optional group (patching) off when its own fields are cleared, and on when one is typed', async () => {
    const schema = templateJsonSchema('tsmixer-gated') as JsonSchema;
    expect(isOptionalGroup(schema, 'patch')).toBe(true);
    let got: Config = {};
    const base = defaultModelConfig('tsmixer-gated') as Config;
    const { container, rerender } = render(SchemaForm, { props: { schema, value: base, onchange: (v: Config) => (got = v) } });
    await fireEvent.change(container.querySelector('#f-patch-length')!, { target: { value: '16' } });
    expect(got.patch).toEqual({ length: 16, dModel: 8 });
    await rerender({ schema, value: got, onchange: (v: Config) => (got = v) });
    await fireEvent.change(container.querySelector('#f-patch-length')!, { target: { value: '' } });
    expect('patch' in got && got.patch).toBeFalsy();
  });

  it('keeps an emptied field empty (null: marked, named, what to type) when it has a default, and unsets one without', async () => {
    const schema: JsonSchema = { type: 'object', properties: { lookback: { type: 'integer', default: 336 }, maxSteps: { type: 'integer' } } };
    let got: Config = {};
    const { container, rerender } = render(SchemaForm, { props: { schema, value: { lookback: 96, maxSteps: 50 }, onchange: (v: Config) => (got = v) } });
    await fireEvent.change(container.querySelector('#f-lookback')!, { target: { value: '' } });
    expect(got).toEqual({ lookback: null, maxSteps: 50 });
    await rerender({ schema, value: got, errors: { lookback: 'Lookback is needed' }, onchange: (v: Config) => (got = v) });
    const box = container.querySelector('#f-lookback') as HTMLInputElement;
    expect(box.value).toBe('');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('[data-field="lookback"] [role="alert"]')?.textContent).toBe('Lookback is empty: type a number (the default is 336)');
    await fireEvent.change(container.querySelector('#f-maxSteps')!, { target: { value: '' } });
    expect(got).toEqual({ lookback: null, maxSteps: undefined });
  });
});
