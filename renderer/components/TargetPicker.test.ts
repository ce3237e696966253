// The Target picker does not offer a column the lab refuses as a target (main/lab/datasets/target-refusal.ts):
// ETTh1's time column 'date', a column with one value in every row, one with no value are listed disabled with
// the reason, so "Set target" on them is not possible; a target stored by an older lab stays selectable, with
// the reason said beside it.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import TargetPicker from './TargetPicker.svelte';

afterEach(cleanup);

const base = { modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null };
const number = (name: string, min: number, max: number, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({ ...base, name, type: 'float', role: 'feature', min, max, mean: (min + max) / 2, ...extra });
const columns: ColumnInfo[] = [
  { ...base, name: 'date', type: 'datetime', role: 'time', min: '2016-07-01', max: '2018-06-26' },
  number('HUFL', -22, 24),
  number('flag', 1, 1),
  { ...base, name: 'note', type: 'categorical', role: 'feature', missing: 40, distinct: 0 },
  { ...base, name: 'store', type: 'categorical', role: 'feature', distinct: 3 },
  number('OT', -4, 46),
];
const dataset = (cols: ColumnInfo[]): DatasetDetail => ({ id: '5', name: 'ETTh1', rows: 40, columns: cols.length, source: 'ETTh1.csv', family: null, createdAt: '', bytes: null, columnInfo: cols, issues: [] } as unknown as DatasetDetail);
const option = (name: string) => [...(screen.getByTestId('target-column') as HTMLSelectElement).options].find((o) => o.value === name)!;

describe('TargetPicker', () => {
  it('lists the time column, a constant and an empty column disabled with the reason; the others are offered', () => {
    render(TargetPicker, { props: { dataset: dataset(columns), onSet: () => {} } });
    expect(option('date').disabled).toBe(true);
    expect(option('date').textContent).toBe('date (datetime) — not a target: the time column');
    expect(option('flag').disabled).toBe(true);
    expect(option('flag').textContent).toBe('flag (float) — not a target: one value in every row');
    expect(option('note').textContent).toBe('note (categorical) — not a target: no value in any row');
    for (const ok of ['HUFL', 'store', 'OT']) {
      expect(option(ok).disabled).toBe(false);
      expect(option(ok).textContent).not.toMatch(/not a target/);
    }
    expect(screen.queryByTestId('target-problem')).toBeNull();
  });

  it('a target an older lab stored on the time column stays selectable, and the picker says why it cannot be one', () => {
    const stored = columns.map((c) => (c.name === 'date' ? { ...c, role: 'target' as const } : c));
    render(TargetPicker, { props: { dataset: dataset(stored), onSet: () => {} } });
    expect(option('date').disabled).toBe(false);
    expect(screen.getByTestId('target-problem').textContent).toBe("'date' cannot be a target (a datetime): a target must be a number or a category whose values differ between rows; pick another column.");
  });

  it("a Yes/No target read as boolean: the Positive class box's automatic entry says the value as the file writes it", () => {
    const churn: ColumnInfo = { ...base, name: 'Churn', type: 'boolean', role: 'target', distinct: 2, booleanWords: { false: 'No', true: 'Yes' } };
    render(TargetPicker, { props: { dataset: dataset([number('tenure', 0, 72), churn]), onSet: () => {} } });
    expect([...(screen.getByTestId('target-positive') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['(automatic: Yes)', 'No', 'Yes']);
  });
});
