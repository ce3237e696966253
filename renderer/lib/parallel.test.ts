import { describe, expect, it } from 'vitest';
import { axisFor } from './parallel';

describe('parallel coordinates axes', () => {
  it('scales numbers between their min and max', () => {
    const a = axisFor('optimizer.lr', ['0.001', '0.01', '0.0055']);
    expect(a.kind).toBe('number');
    expect(a.position('0.001')).toBe(0);
    expect(a.position('0.01')).toBe(1);
    expect(a.position('0.0055')).toBeCloseTo(0.5, 12);
  });
  it('spreads categories in sorted order; missing values have no position', () => {
    const a = axisFor('gate.kind', ['"sigmoid"', '"glu"', undefined]);
    expect(a.kind).toBe('category');
    expect(a.ticks).toEqual(['"glu"', '"sigmoid"']);
    expect(a.position('"sigmoid"')).toBe(1);
    expect(a.position(undefined)).toBeNull();
  });
});

describe('parallel coordinates labels', () => {
  it('keeps only scalar config differences, never the dataset’s column list', async () => {
    const { axisRows } = await import('./parallel');
    const diff = [
      { key: 'data.columns', values: ['[{"name":"load_1"}]', '[{"name":"sensor"}]'] },
      { key: 'model.hidden', values: ['[64,64]', '[32]'] },
      { key: 'model.router.k', values: ['2', '3'] },
      { key: 'name', values: ['"a"', '"b"'] },
      { key: 'template', values: ['"gmu"', '"dlinear"'] },
    ];
    expect(axisRows(diff).map((d) => d.key)).toEqual(['model.router.k', 'template']);
    // a key only one template has is no axis: the other run's line would cross it as if it had a value
    expect(axisRows([...diff, { key: 'model.gate.bimodal', values: ['true', undefined] }]).map((d) => d.key)).toEqual(['model.router.k', 'template']);
  });
  it('puts a switch on a named axis (false / true), not on a 0 … 1 number axis', async () => {
    const { axisFor } = await import('./parallel');
    const a = axisFor('model.revin', ['true', 'false', 'true']);
    expect(a.kind).toBe('category');
    expect(a.ticks).toEqual(['false', 'true']);
    expect(axisFor('model.k', ['1', '2']).kind).toBe('number');
  });
  it('shortens names and keeps both ends of a long label', async () => {
    const { shortKey, ellipsize } = await import('./parallel');
    expect(shortKey('model.router.k')).toBe('router.k');
    expect(shortKey('model.embeddingDim')).toBe('embeddingDim');
    expect(shortKey('model.expertHiddenWidthsOfTheMoe', 10)).toBe('exper…eMoe');
    expect(ellipsize('tsmixer-gated on Demo: grid load (forecasting) · s2', 20)).toBe('tsmixer-ga…ing) · s2');
  });
  it('gives axis ends enough digits to differ', async () => {
    const { endLabels } = await import('./parallel');
    expect(endLabels(0.0521, 0.0535)).toEqual(['0.0521', '0.0535']);
    expect(endLabels(0.052134, 0.052187)).toEqual(['0.052134', '0.052187']);
    expect(endLabels(2, 128)).toEqual(['2', '128']);
  });
});
