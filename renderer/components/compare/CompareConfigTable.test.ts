// The by-config table says which metric its best values are of: the training loss's "best" is the lowest
// of its per-batch values, which must not be read as a validation score (audit G3).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import CompareConfigTable from './CompareConfigTable.svelte';

const tables = [{ key: 'forecasting', label: 'forecasting', rows: [
  { id: 'a', name: 'hard gate', best: 0.41, bestStep: 200, last: 0.45, at: NaN, n: 3, runs: 3, bestStd: 0.02, lastStd: 0.03, atStd: NaN },
] }];
const hint = () => '';

afterEach(cleanup);

describe('CompareConfigTable heading', () => {
  it('names the training loss "train loss (per batch)"', () => {
    const { getByTestId } = render(CompareConfigTable, { props: { tables, hint, metric: 'loss' } });
    expect(getByTestId('compare-config-metric').textContent).toBe('train loss (per batch)');
  });

  it('names a validation metric by its own name', () => {
    const { getByTestId } = render(CompareConfigTable, { props: { tables, hint, metric: 'val.loss' } });
    expect(getByTestId('compare-config-metric').textContent).toBe('val.loss');
    expect(getByTestId('compare-config-table').textContent).toContain('0.41 ± 0.02');
  });
});
