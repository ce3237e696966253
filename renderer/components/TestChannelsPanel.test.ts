// The Runs view's "Test per channel" panel on a real DLinear/ETTh1 run: the channels worst first with the
// numbers `gatelab show` prints, each one's share of the headline test mse, the units said, and a long
// list (an electricity file's 321 meters) folded to the worst 12 with "Show all".
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import TestChannelsPanel from './TestChannelsPanel.svelte';
import { ETTH1_DLINEAR, ETTH1_DLINEAR_TEST_MSE } from '../fixtures/test-channels';
import { worstChannels } from '../lib/test-channels';
import { testChannelLines, type TestChannels } from '../../common/runs/test-channels';

afterEach(() => cleanup());
const cells = (row: Element) => [...row.querySelectorAll('td, th')].map((c) => c.textContent!.trim());
const bodyRows = () => [...screen.getByTestId('test-channels-table').querySelectorAll('tbody tr')];

describe('TestChannelsPanel', () => {
  it("lists the channels worst first with `gatelab show`'s numbers and their share of the test mse", () => {
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR } });
    expect(bodyRows().map(cells)).toEqual([
      ['MUFL', '0.8329', '0.6425', '28%'],
      ['HUFL', '0.8277', '0.6501', '27%'],
      ['LUFL', '0.4826', '0.4998', '16%'],
      ['HULL', '0.3302', '0.4339', '11%'],
      ['MULL', '0.2938', '0.3985', '10%'],
      ['LULL', '0.1508', '0.2828', '5%'],
      ['OT', '0.1036', '0.2487', '3%'],
    ]);
    // the same order and digits as the CLI's lines (common/runs/test-channels.ts)
    const cli = testChannelLines(ETTH1_DLINEAR).map((l) => /^(\S+)\s+mse (\S+)\s+mae (\S+)$/.exec(l)!.slice(1));
    expect(bodyRows().map((r) => cells(r).slice(0, 3))).toEqual(cli);
    // the headline mse is these channels' mean
    const mses = ETTH1_DLINEAR.channels.map((c) => c.mse);
    expect(mses.reduce((s, v) => s + v, 0) / mses.length).toBeCloseTo(ETTH1_DLINEAR_TEST_MSE, 4);
    expect(screen.getByTestId('test-channels').querySelector('h3')!.textContent).toBe('Test per channel · weights of step 91 (the best on validation), worst first');
  });

  it('says the errors are in the scaled units of the headline metrics', () => {
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR } });
    expect(screen.getByTestId('test-channels-units').textContent).toBe(
      'Units: scaled values (z-scores fitted on the training rows), like the test mse/mae. The headline test mse is the mean of the MSE column.');
  });

  it('is a table a screen reader can walk: a caption, column headers, and each channel as its row header', () => {
    render(TestChannelsPanel, { props: { t: ETTH1_DLINEAR } });
    const table = screen.getByRole('table', { name: 'Test error per channel, highest MSE first' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['channel', 'MSE', 'MAE', 'share of MSE']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['MUFL', 'HUFL', 'LUFL', 'HULL', 'MULL', 'LULL', 'OT']);
    expect(screen.queryByRole('button')).toBeNull(); // 7 channels: nothing folded
  });

  it('many channels: the worst 12 first, "Show all" lists every one', async () => {
    const t: TestChannels = { step: 3, units: 'scaled values', channels: Array.from({ length: 321 }, (_, c) => ({ name: `MT_${String(c + 1).padStart(3, '0')}`, mse: (c % 50) / 10 + c / 1e4, mae: 0.5 })) };
    const { container } = render(TestChannelsPanel, { props: { t } });
    const names = () => bodyRows().map((r) => r.getAttribute('data-channel'));
    expect(names()).toEqual(worstChannels(t).map((c) => c.name));
    expect(names()).toHaveLength(12);
    expect(names()[0]).toBe('MT_300'); // mse 4.9 + 0.0299, the highest
    expect(container.textContent).toContain('Listed: the 12 channels with the highest MSE of 321.');
    await fireEvent.click(screen.getByRole('button', { name: 'Show all 321' }));
    expect(names()).toHaveLength(321);
    expect(container.textContent).not.toContain('Show all');
  });

  it('tiny and huge errors keep their digits; all-zero errors are 0% each, not NaN', () => {
    render(TestChannelsPanel, { props: { t: { step: 1, units: 'scaled values', channels: [{ name: 'a', mse: 0.00004, mae: 0.002 }, { name: 'b', mse: 1234.5, mae: 30 }] } } });
    expect(bodyRows().map(cells)).toEqual([['b', '1.235e+3', '30.0000', '100%'], ['a', '4.000e-5', '0.0020', '0.0%']]);
    cleanup();
    expect(worstChannels({ step: 1, units: '', channels: [{ name: 'a', mse: 0, mae: 0 }] })[0].share).toBe(0);
  });
});
