// The Runs view hands the test-per-channel panel the run's headline test metrics and its config, so a
// forecasting run shows, as `gatelab show` does, its target channel's own error and the naive forecasts
// beside its own (a real DLinear/ETTh1 run). The lab answers through the real dispatch (validated replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/svelte';
import { openApp } from '../fixtures/open-app';
import { fakeRunLab } from '../fixtures/fake-run-lab';
import { ETTH1_CONFIG, ETTH1_DLINEAR_NAIVE, ETTH1_DLINEAR_TEST } from '../fixtures/test-channels';

afterEach(() => cleanup());

describe('Runs view: a forecasting run against naive forecasts', () => {
  it("shows the target's own error and the model's test mse above the naive forecasts, and that it beats them", async () => {
    const { lab } = fakeRunLab({
      id: '3', template: 'dlinear', metrics: { 'test.mse': ETTH1_DLINEAR_TEST.mse, 'test.mae': ETTH1_DLINEAR_TEST.mae },
      testChannels: ETTH1_DLINEAR_NAIVE, config: { model: { template: 'dlinear', lookback: 336, horizon: 96 }, ...ETTH1_CONFIG },
    });
    await openApp(lab, '#/runs/3');
    expect((await screen.findByTestId('test-target')).textContent).toContain("Test of target 'OT': mse 0.1036  mae 0.2487");
    const model = screen.getByTestId('test-naive').querySelector('tr[data-forecast="model"]')!;
    expect([...model.querySelectorAll('th, td')].map((c) => c.textContent)).toEqual(['this model (test)', '0.4317', '0.4509', '0.1036', '0.2487']);
    expect(screen.getByTestId('test-naive-verdict').textContent).toMatch(/^The model beats both on mse/);
  });
});
