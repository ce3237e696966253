// Compare before its first comparison: the page beside the run list was blank, and Compare stays off
// until a run is ticked, so a new user saw nothing that said what to do. It says it, and gives way to the
// comparison once one is made.
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';

afterEach(() => cleanup());

it('says how to start a comparison until there is one', async () => {
  const ids = ['1', '2'];
  const { lab } = handlerLab({
    'runs.list': () => ids.map((id) => runSummary({ id, template: 'dlinear' })),
    'runs.pausedAtQuit': () => ({ runIds: [] }),
    'runs.compare': ({ ids }) => ({
      runs: ids.map((id) => ({ ...runSummary({ id, template: 'dlinear' }), config: { template: 'dlinear', seed: Number(id) } })),
      series: ids.map((id) => ({ id, series: [{ name: 'val.mse', steps: [10, 20], values: [0.5, 0.4] }] })),
    }),
    'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
  });
  await openApp(lab, '#/compare');
  const hint = await screen.findByTestId('compare-start');
  expect(hint.textContent).toMatch(/^Tick the runs to compare under Runs .*then press Compare/);
  expect((screen.getByTestId('compare-button') as HTMLButtonElement).disabled).toBe(true);
  for (const box of await screen.findAllByRole('checkbox', { name: /run \d/ })) await fireEvent.click(box);
  await fireEvent.click(screen.getByTestId('compare-button'));
  await screen.findByTestId('compare-table');
  expect(screen.queryByTestId('compare-start')).toBeNull();
});
