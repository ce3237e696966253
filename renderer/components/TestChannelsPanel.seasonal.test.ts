// The panel shows the seasonal-naive forecast when the run has one (a time step with a season), warns when the
// model does not beat it, as `gatelab show` does (same code: common/runs/test-channels.ts), and never offers
// the nlinear template to an nlinear run.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import TestChannelsPanel from './TestChannelsPanel.svelte';
import { forecastHeadlineText, type TestChannels } from '../../common/runs/test-channels';

afterEach(() => cleanup());
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const naiveRows = () => [...screen.getByTestId('test-naive').querySelectorAll('tbody tr')]
  .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim()));
const base = (mse: number, mae: number) => ({ mse, mae, channels: [{ name: 'sales', mse, mae }] });
// the audit's monthly run: model 0.0637 against a seasonal naive 0.0465 (repeat last 1.8918, training mean 1.2716)
const monthly: TestChannels = {
  step: 120, units: 'scaled values', channels: [{ name: 'sales', mse: 0.0637, mae: 0.2 }],
  baselines: { lastValue: base(1.8918, 1.1), trainMean: base(1.2716, 0.9), seasonal: { ...base(0.0465, 0.17), season: 12 } },
};
const config = (template: string) => ({ model: { template, lookback: 36, horizon: 12 }, data: { columns: [{ name: 'sales', role: 'target' }] } });

describe('TestChannelsPanel with a seasonal naive forecast', () => {
  it("lists it with its season and warns in the CLI's words when the model does not beat it", () => {
    render(TestChannelsPanel, { props: { t: monthly, test: { mse: 0.0637, mae: 0.2 }, config: config('dlinear') } });
    expect(naiveRows().map((r) => r.slice(0, 3))).toEqual([
      ['this model (test)', '0.0637', '0.2000'],
      ['repeat last value', '1.8918', '1.1000'],
      ['training mean', '1.2716', '0.9000'],
      ['seasonal naive (season 12)', '0.0465', '0.1700'],
    ]);
    const [, warning] = forecastHeadlineText(monthly, { mse: 0.0637 }, config('dlinear'), '');
    const said = warning.slice('warning: t'.length).split(' Try ')[0];
    expect(text(screen.getByTestId('test-naive-verdict'))).toMatch(new RegExp(`^Warning: T${said.replace(/[.()]/g, '\\$&')} Try .*a longer Lookback in whole seasons \\(48 steps\\)`));
  });

  it('an nlinear run is not told to try nlinear; a model that beats all three is told so', () => {
    render(TestChannelsPanel, { props: { t: monthly, test: { mse: 0.0637, mae: 0.2 }, config: config('nlinear') } });
    expect(text(screen.getByTestId('test-naive-verdict'))).not.toContain('nlinear');
    cleanup();
    render(TestChannelsPanel, { props: { t: monthly, test: { mse: 0.04, mae: 0.15 }, config: config('dlinear') } });
    expect(text(screen.getByTestId('test-naive-verdict'))).toBe('The model beats all 3 on mse: its test mse is 0.0400, against 1.8918 (repeat last value), 1.2716 (training mean), and 0.0465 (seasonal naive (season 12)).');
  });
});
