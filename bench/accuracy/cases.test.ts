// Every row of the accuracy table builds: its model config (with a data shape like its dataset's) parses
// as a run config and as a template config, and its model has parameters and FLOPs. A typo in a row (a
// wrong field, a gate that cannot be switched off) fails here, not an hour into `npm run bench:accuracy`.
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../common/runs/config';
import { parseModelConfig } from '../../common/models';
import { modelSize } from '../../engine/models';
import { CASES, type Case } from './cases';

// Shapes like the real datasets': ETTh1 (7 channels), MovieLens-100k (6 fields, 19 genres), clothing
// reviews (title + review text, 4,096 hashed buckets each; the tabular group one-hot).
const WIDTH: Record<string, number> = { text: 8192, tabular: 34 };
function shapeOf(c: Case): Record<string, unknown> {
  if (c.group === 'ETTh1') return { lookback: 512, horizon: 96, channels: 7 };
  if (c.group === 'MovieLens-100k') return { fields: [944, 1683, 8, 3, 22, 101], numeric: 19 };
  if (!c.modalities) throw new Error(`case '${c.name}': a clothing-reviews case must say its modalities`);
  return { modalities: c.modalities.map((name) => ({ name, dim: WIDTH[name] })), classes: 1 };
}

describe('accuracy table rows', () => {
  it('have unique names', () => {
    const names = CASES.map((c) => `${c.group}/${c.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const c of CASES) {
    it(`${c.group}: ${c.name}`, () => {
      const model = { ...c.model, ...shapeOf(c) };
      const run = parseRunConfig({ ...c.run, seed: 1, model, data: { kind: 'synthetic' } });
      expect(run.model.template).toBe(c.model.template);
      const parsed = parseModelConfig(model) as Record<string, unknown>;
      // a gate switched off by a partial config ({ enabled: false }) really is off, the rest defaulted
      for (const [field, v] of Object.entries(c.model)) {
        if (v && typeof v === 'object' && (v as { enabled?: boolean }).enabled === false) expect(parsed[field]).toMatchObject({ enabled: false, kind: expect.any(String) });
      }
      const size = modelSize(model);
      expect(size.params).toBeGreaterThan(0);
      // LR is gathers and sums only: no matrix product to count
      if (c.model.template !== 'lr') expect(size.forwardFlopsPerSample).toBeGreaterThan(0);
    });
  }

  it('each gated template in the table has its gate-off ablation row', () => {
    const gated = ['finalmlp', 'mmoe', 'moe-dnn', 'gmu', 'moe-fusion', 'gated-cross-attention', 'early-exit-mlp', 'tsmixer-gated', 'patch-transformer-gated'];
    for (const t of gated) {
      const off = CASES.filter((c) => c.model.template === t && c.reference === 'ablation');
      expect(off.length, `${t} has no ablation row`).toBeGreaterThan(0);
    }
  });
});
