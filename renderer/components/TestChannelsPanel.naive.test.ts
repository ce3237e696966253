// The "Test per channel" panel says what `gatelab show` prints beside a forecasting run's headline: the
// target channel's own error, the two naive forecasts on the same test windows (repeat last value, training
// mean), and plainly whether the model beats them. Checked against the CLI's own lines
// (main/lab/runs/test-channels-report.ts forecastHeadlineText) on a real DLinear/ETTh1 run, and on the
// audit's run that did not beat the training mean.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import TestChannelsPanel from './TestChannelsPanel.svelte';
import { ETTH1_CONFIG, ETTH1_DLINEAR, ETTH1_DLINEAR_NAIVE, ETTH1_DLINEAR_TEST } from '../fixtures/test-channels';
import { forecastHeadlineText, testTargetsOf } from '../../main/lab/runs/test-channels-report';
import { targetChannels } from '../lib/test-channels';
import type { TestChannels } from '../../common/runs/test-channels';

afterEach(() => cleanup());
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const naiveRows = () => [...screen.getByTestId('test-naive').querySelectorAll('tbody tr')]
  .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim()));
/** The CLI's lines for the same run, their indent and the label's lower-case first letter aside. */
const cli = (t: TestChannels, test: Record<string, number>, config: unknown) => forecastHeadlineText(t, test, config, '');
const numbers = (line: string) => line.match(/\d+\.\d+/g)!;

describe('TestChannelsPanel beside the headline (DLinear on ETTh1, as `gatelab show` printed it)', () => {
  it("names the target's own error in the CLI's words", () => {
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR_NAIVE, test: ETTH1_DLINEAR_TEST, config: ETTH1_CONFIG } });
    const [target] = cli(ETTH1_DLINEAR_NAIVE, ETTH1_DLINEAR_TEST, ETTH1_CONFIG);
    expect(target).toBe("test of target 'OT': mse 0.1036  mae 0.2487 (its own channel; the headline is the mean of 7 channels)");
    expect(screen.getByTestId('test-target').textContent).toBe(`T${target.slice(1)}`);
    // the same channels the CLI picks, from the config the app's run detail carries
    expect(targetChannels(ETTH1_DLINEAR_NAIVE, ETTH1_CONFIG)).toEqual(testTargetsOf(ETTH1_DLINEAR_NAIVE, ETTH1_CONFIG));
  });

  it("lists the naive forecasts with the CLI's numbers under the model's, the target's beside them, and says the model beats both", () => {
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR_NAIVE, test: ETTH1_DLINEAR_TEST, config: ETTH1_CONFIG } });
    const table = screen.getByRole('table', { name: /^Naive forecasts on the same test windows/ });
    expect([...table.querySelectorAll('thead th')].map((h) => h.textContent)).toEqual(['forecast', 'MSE', 'MAE', "'OT' MSE", "'OT' MAE"]);
    expect(naiveRows()).toEqual([
      ['this model (test)', '0.4317', '0.4509', '0.1036', '0.2487'],
      ['repeat last value', '1.5988', '0.8409', '0.1318', '0.2756'],
      ['training mean', '1.1979', '0.8352', '1.1187', '0.9755'],
    ]);
    const [, naive, ...rest] = cli(ETTH1_DLINEAR_NAIVE, ETTH1_DLINEAR_TEST, ETTH1_CONFIG);
    expect(naive).toBe('naive forecasts on the same test windows: repeat last value mse 1.5988  mae 0.8409; training mean mse 1.1979  mae 0.8352');
    expect(naiveRows().slice(1).flatMap((r) => r.slice(1, 3))).toEqual(numbers(naive));
    expect(rest).toEqual([]); // the CLI warns of nothing: the model beats both
    expect(text(screen.getByTestId('test-naive-verdict'))).toBe('The model beats both on mse: its test mse is 0.4317, against 1.5988 (repeat last value) and 1.1979 (training mean).');
  });

  it("warns in the CLI's words, its --set advice in the form's, when the model does not beat a naive forecast", () => {
    // the audit's run without RevIN (workers/run/forecast-baselines.ts): test mse 50.2 against 48.9 for the training mean
    const t: TestChannels = {
      step: 40, units: 'scaled values', channels: [{ name: 'cov', mse: 40.2, mae: 4.1 }, { name: 'OT', mse: 60.2, mae: 6.1 }],
      baselines: {
        lastValue: { mse: 61, mae: 6, channels: [{ name: 'cov', mse: 61, mae: 6 }, { name: 'OT', mse: 61, mae: 6 }] },
        trainMean: { mse: 48.9, mae: 4.9, channels: [{ name: 'cov', mse: 48.9, mae: 4.9 }, { name: 'OT', mse: 48.9, mae: 4.9 }] },
      },
    };
    const test = { mse: 50.2, mae: 5.1 };
    const config = { data: { columns: [{ name: 'date', role: 'time' }, { name: 'cov', role: 'feature' }, { name: 'OT', role: 'target' }] } };
    render(TestChannelsPanel, { props: { t, test, config } });
    const warning = cli(t, test, config).at(-1)!;
    expect(warning).toMatch(/^warning: the model does not beat always the training mean \(mse 48\.9000\): its test mse is 50\.2000\. Try --set model\.revin=true/);
    const shown = screen.getByTestId('test-naive-verdict');
    // the CLI's sentence, then its advice with the form's words (the app has no flags)
    const [said, advice] = warning.slice('warning: t'.length).split(' Try ');
    expect(said).toBe('he model does not beat always the training mean (mse 48.9000): its test mse is 50.2000.');
    expect(advice).toBe("--set model.revin=true or template nlinear (both take out each window's level), a shorter lookback, or more epochs");
    expect(text(shown)).toBe(`Warning: T${said} Try RevIN (per-window normalisation) on, or the nlinear template (both take out each window's level), `
      + "a shorter Lookback, or more Epochs: New run from this opens Models with this run's settings.");
    expect(shown.getAttribute('role')).toBe('note');
    // neither beaten: both named, as the CLI names them
    cleanup();
    render(TestChannelsPanel, { props: { t, test: { mse: 70, mae: 7 }, config } });
    expect(text(screen.getByTestId('test-naive-verdict'))).toContain('does not beat repeating the last value (mse 61.0000) or always the training mean (mse 48.9000): its test mse is 70.0000.');
  });

  it('a run from before the naive forecasts: the target line still, no naive table; no config: no target line', () => {
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR, test: ETTH1_DLINEAR_TEST, config: ETTH1_CONFIG } });
    expect(screen.getByTestId('test-target')).toBeTruthy();
    expect(screen.queryByTestId('test-naive')).toBeNull();
    expect(screen.queryByTestId('test-naive-verdict')).toBeNull();
    cleanup();
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR_NAIVE } });
    expect(screen.queryByTestId('test-target')).toBeNull();
    // not tested yet (no headline mse): the forecasts alone, and no verdict to give
    expect(naiveRows().map((r) => r[0])).toEqual(['repeat last value', 'training mean']);
    expect(screen.queryByTestId('test-naive-verdict')).toBeNull();
  });

  it('titles the channels’ table where it starts, below the naive forecasts, so neither is taken for the other', () => {
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR_NAIVE, test: ETTH1_DLINEAR_TEST, config: ETTH1_CONFIG } });
    const title = screen.getByTestId('test-channels-title');
    expect(text(title)).toBe('Test error per channel · highest MSE first');
    // after the naive table, before the channels' table, and the table's name
    expect(screen.getByTestId('test-naive').compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(title.compareDocumentPosition(screen.getByTestId('test-channels-table')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Test error per channel · highest MSE first' })).toBe(screen.getByTestId('test-channels-table'));
    cleanup();
    // without naive forecasts the card's heading is right above the table: no second title, the name stays
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR, test: ETTH1_DLINEAR_TEST, config: ETTH1_CONFIG } });
    expect(screen.queryByTestId('test-channels-title')).toBeNull();
    expect(screen.getByRole('table', { name: 'Test error per channel, highest MSE first' })).toBeTruthy();
  });

  it('one channel: no target line (the headline is its error already), as the CLI prints none', () => {
    const one: TestChannels = { step: 5, units: 'scaled values', channels: [{ name: 'OT', mse: 0.2, mae: 0.3 }] };
    const config = { data: { columns: [{ name: 'OT', role: 'target' }] } };
    render(TestChannelsPanel, { props: { t: one, test: { mse: 0.2, mae: 0.3 }, config } });
    expect(screen.queryByTestId('test-target')).toBeNull();
    expect(cli(one, { mse: 0.2 }, config)).toEqual([]);
  });
});
