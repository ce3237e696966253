// Every choice a template's form offers for its gates must build, or be refused by the template's schema
// with a message on the field. A walk-through found 'head' granularity offered on TSMixer's channel gate:
// the form accepted it, Start was on, and the run failed at step 0 ("needs heads ... got heads=undefined").
// Here: every template × every gate field × every gate kind it offers × every granularity value either
// compiles (modelSize) or is refused naming `<gate>.granularity`; and every kind a gate field offers
// besides the default trains one step end to end in ONNX Runtime (hard gates, the Sinkhorn router).
import { describe, expect, it } from 'vitest';
import { Granularity } from '../../common/gates';
import { TEMPLATES, defaultModelConfig, parseModelConfig, templateJsonSchema, type TemplateId } from '../../common/models';
import { seededRandom } from '../nn/random';
import type { ModelDefinition } from '../train/model';
import { SMALL } from './fixtures/small-configs';
import { trainTiny, type Feeds } from './fixtures/tiny-train';
import { buildModel, modelSize } from './index';

interface Schema { oneOf?: Schema[]; anyOf?: Schema[]; properties?: Record<string, Schema>; enum?: unknown[]; const?: unknown }

/** The gate kinds a template's gate field offers (one, or the variants of its kind picker), with the granularities each offers. */
function offered(id: TemplateId, field: string): { kind: string; granularities: string[] | null }[] {
  const s = (templateJsonSchema(id) as Schema).properties![field];
  const variants = s.oneOf ?? s.anyOf ?? [s];
  return variants.map((v) => ({ kind: String(v.properties!.kind.const), granularities: (v.properties!.granularity?.enum as string[] | undefined) ?? null }));
}

/** SMALL's config of a template with one gate field replaced by `gate` (router sizes kept so MoE fusion stays valid). */
function withGate(id: TemplateId, field: string, gate: Record<string, unknown>): Record<string, unknown> {
  const small = SMALL[id][field] as Record<string, unknown> | undefined;
  const sizes = small && gate.kind !== small.kind && 'experts' in small ? { experts: small.experts } : {};
  const base = defaultModelConfig(id, SMALL[id]) as Record<string, unknown>;
  return { ...base, template: id, [field]: small && gate.kind === small.kind ? { ...small, ...gate } : { ...sizes, ...gate } };
}

const gated = TEMPLATES.filter((t) => !t.baseline);

describe('every granularity a gate position offers compiles; the others are refused naming the field', () => {
  for (const t of gated) {
    for (const field of t.gates) {
      for (const { kind, granularities } of offered(t.id, field)) {
        if (!granularities) continue;
        it(`${t.id}.${field} (${kind})`, () => {
          for (const g of Granularity.options) {
            const config = withGate(t.id, field, { kind, granularity: g });
            let parsed = true;
            try {
              parseModelConfig(config);
            } catch (e) {
              parsed = false;
              expect((e as { fields?: string[] }).fields, `${g}: ${(e as Error).message}`).toEqual([`${field}.granularity`]);
            }
            // the form offers exactly what the schema accepts, and what it accepts builds
            expect(granularities.includes(g), `${t.id}.${field} ${kind} ${g}`).toBe(parsed);
            if (parsed) expect(() => modelSize(config), `${t.id}.${field} ${kind} ${g}`).not.toThrow();
          }
        });
      }
    }
  }
});

/** A random batch for a definition: normal floats, ids below each field's vocabulary, labels in range. */
function batchOf(def: ModelDefinition, config: Record<string, unknown>, B: number, seed: number): Feeds {
  const rng = seededRandom(seed, 'gate-choices');
  const out: Feeds = {};
  for (const [name, spec] of Object.entries({ ...def.inputs, ...def.targets })) {
    const dims = [B, ...spec.shape];
    const n = dims.reduce((a, b) => a * b, 1);
    const fields = config.fields as number[] | undefined;
    if (spec.dtype === 'int64') out[name] = { data: BigInt64Array.from({ length: n }, (_, i) => BigInt(rng.int(name === 'fields' && fields ? fields[i % fields.length] : ((config.classes as number) ?? 2)))), dims };
    else if (name === 'label') out[name] = { data: Float32Array.from({ length: n }, () => rng.int(2)), dims };
    else out[name] = { data: Float32Array.from({ length: n }, () => rng.normal()), dims };
  }
  return out;
}

describe('every gate kind a template offers trains end to end (one step in ONNX Runtime)', () => {
  for (const t of gated) {
    for (const field of t.gates) {
      const defaultKind = (defaultModelConfig(t.id)[field as never] as { kind: string }).kind;
      for (const { kind, granularities } of offered(t.id, field)) {
        if (kind === defaultKind) continue; // the default gate is trained by templates.test.ts
        for (const granularity of granularities ?? [undefined]) {
          it(`${t.id}.${field} = ${kind}${granularity ? ` (${granularity})` : ''}`, async () => {
            const config = withGate(t.id, field, granularity ? { kind, granularity } : { kind });
            const def = buildModel(config);
            const full = parseModelConfig(config) as Record<string, unknown>;
            const run = await trainTiny(def, { steps: 2, lr: 1e-2, batch: (s) => batchOf(def, full, 6, s), seed: 3 });
            await run.release();
            expect(run.losses.every(Number.isFinite), String(run.losses)).toBe(true);
            // the chosen gate is in the graph: it reports its statistics (openness, or expert load)
            const stats = Object.keys(run.lastStats);
            expect(stats.some((s) => s.endsWith(kind === 'hard' ? '.openness' : '.load')), stats.join(', ')).toBe(true);
          });
        }
      }
    }
  }
});

describe('TSMixer’s feed-forward option: a GLU-family gate instead of ReLU', () => {
  for (const variant of ['glu', 'geglu', 'swiglu'] as const) {
    it(variant, async () => {
      const base = { ...SMALL['tsmixer-gated'], template: 'tsmixer-gated' } as Record<string, unknown>;
      const config = { ...base, feedForward: variant };
      // the gate adds a second projection C → ffDim (weights and bias) per block
      const { channels: C, ffDim, blocks } = parseModelConfig(config) as unknown as { channels: number; ffDim: number; blocks: number };
      expect(modelSize(config).params - modelSize(base).params).toBe(blocks * (C * ffDim + ffDim));
      const def = buildModel(config);
      const run = await trainTiny(def, { steps: 2, lr: 1e-2, batch: (s) => batchOf(def, parseModelConfig(config) as Record<string, unknown>, 6, s), seed: 3 });
      await run.release();
      expect(run.losses.every(Number.isFinite), String(run.losses)).toBe(true);
      // the sigmoid variant reports how open its gate is, like every σ gate
      expect('block0.ff1.openness' in run.lastStats).toBe(variant === 'glu');
    });
  }
});
