// The mean baseline's words beside a regression run's test metrics.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import RegressionBaselineTile from '../components/RegressionBaselineTile.svelte';
import { regressionBaselineText } from './regression-baseline';

describe('the mean baseline of a regression run', () => {
  it('leads with r2 and rmse, then the mean it predicts and its mse and mae on test', () => {
    const b = { mean: 102.79812, mse: 23.61, mae: 3.9512, rmse: Math.sqrt(23.61), r2: -0.00213 };
    expect(regressionBaselineText(b)).toEqual({ headline: 'r2 −0.00213 · rmse 4.859', detail: 'always the training mean 102.798; mse 23.61, mae 3.951 on test' });
  });

  it('without an r2 (every test target the same) says rmse alone; a mean in the thousands keeps its cents', () => {
    expect(regressionBaselineText({ mean: 1234.5678, mse: 4, mae: 2, rmse: 2 })).toEqual({ headline: 'rmse 2', detail: 'always the training mean 1,234.57; mse 4, mae 2 on test' });
  });

  it('renders as a tile with its reason in the title', () => {
    const { getByTestId } = render(RegressionBaselineTile, { props: { b: { mean: 5, mse: 1, mae: 1, rmse: 1, r2: 0 } } });
    const tile = getByTestId('run-regression-baseline');
    expect(tile.querySelector('dt')?.textContent).toBe('mean baseline');
    expect(tile.querySelector('dd')?.textContent).toBe('r2 0 · rmse 1 (always the training mean 5; mse 1, mae 1 on test)');
    expect(tile.getAttribute('title')).toMatch(/^What always predicting the training rows' mean scores on test/);
  });
});
