// tft-lite's variable selection runs at its own hidden width (its form's "Hidden width"), not the model's:
// the selection's parameters depend only on it, a projection to the model's width appears only when the
// two differ, and parameters and FLOPs change with it. Equal widths (the defaults) build the same model.
import { describe, expect, it } from 'vitest';
import { parseModelConfig } from '../../../common/models';
import { compileTraining } from '../../train/compile';
import { buildModel, modelSize } from '../index';

const base = { template: 'tft-lite', lookback: 12, horizon: 4, channels: 3 };

function paramsOf(over: Record<string, unknown>) {
  const layout = compileTraining(buildModel({ ...base, ...over }), { dtype: 'float32', optimizer: { kind: 'sgd' } }).layout;
  const count = (prefix: string) => layout.params.filter((p) => p.name.startsWith(prefix)).reduce((n, p) => n + p.size, 0);
  return { total: layout.size, selection: count('selection.'), project: count('project.'), grn: count('grn.') };
}

describe('tft-lite selection hidden width', () => {
  it('the selection\'s parameters follow its own width, not the model\'s', () => {
    const s8h8 = paramsOf({ hidden: 8, selection: { kind: 'variable-selection', hidden: 8 } });
    const s8h16 = paramsOf({ hidden: 16, selection: { kind: 'variable-selection', hidden: 8 } });
    const s16h16 = paramsOf({ hidden: 16, selection: { kind: 'variable-selection', hidden: 16 } });
    expect(s8h16.selection).toBe(s8h8.selection);
    expect(s16h16.selection).toBeGreaterThan(s8h16.selection);
    // the GRN works at the model's width
    expect(s8h16.grn).toBe(s16h16.grn);
    expect(s8h16.grn).toBeGreaterThan(s8h8.grn);
    // s → h projection (weights + bias) only when the widths differ
    expect(s8h8.project).toBe(0);
    expect(s16h16.project).toBe(0);
    expect(s8h16.project).toBe(8 * 16 + 16);
  });

  it('parameter count and FLOPs change with the selection width; defaults (both 32) need no projection', () => {
    const small = modelSize({ ...base, selection: { kind: 'variable-selection', hidden: 8 } });
    const dflt = modelSize(base);
    expect(small.params).toBeLessThan(dflt.params);
    expect(small.forwardFlopsPerSample).toBeLessThan(dflt.forwardFlopsPerSample);
    const parsed = parseModelConfig(base) as unknown as { hidden: number; selection: { hidden: number } };
    expect(parsed.selection.hidden).toBe(parsed.hidden);
    expect(paramsOf({}).project).toBe(0);
  });
});
