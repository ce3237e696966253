// Compare's metrics table puts the best run first in the metric's direction: for val.auc the highest
// AUC, for val.mse (after switching the metric) the lowest; the header says which order is shown.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';

afterEach(() => cleanup());

// AUC and MSE of three runs over two evaluations: run 2 is best on both (highest AUC, lowest MSE).
const AUC: Record<string, number[]> = { '1': [0.80, 0.90], '2': [0.85, 0.95], '3': [0.70, 0.75] };
const MSE: Record<string, number[]> = { '1': [0.50, 0.40], '2': [0.45, 0.30], '3': [0.60, 0.55] };

describe('Compare view', () => {
  it('sorts Best by the metric’s direction', async () => {
    const ids = ['1', '2', '3'];
    const { lab } = handlerLab({
      'runs.list': () => ids.map((id) => runSummary({ id, template: 'finalmlp' })),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => ({ ...runSummary({ id, template: 'finalmlp' }), config: { template: 'finalmlp', lr: Number(id) / 1000 } })),
        series: ids.map((id) => ({ id, series: [{ name: 'val.auc', steps: [10, 20], values: AUC[id] }, { name: 'val.mse', steps: [10, 20], values: MSE[id] }] })),
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    });
    await openApp(lab, '#/compare');
    for (const box of await screen.findAllByRole('checkbox', { name: /run \d/ })) await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('compare-button'));
    const order = () => within(screen.getByTestId('compare-table')).getAllByRole('row').map((r) => r.getAttribute('data-run'));
    await screen.findByTestId('compare-table');
    expect((screen.getByRole('combobox', { name: 'Metric' }) as HTMLSelectElement).value).toBe('val.auc');
    expect(order()).toEqual(['2', '1', '3']);
    expect(screen.getByTestId('sort-best').textContent).toContain('highest first');

    await fireEvent.change(screen.getByRole('combobox', { name: 'Metric' }), { target: { value: 'val.mse' } });
    expect(order()).toEqual(['2', '1', '3']);
    expect(screen.getByTestId('sort-best').textContent).toContain('lowest first');
    await fireEvent.click(screen.getByTestId('sort-best')); // worst first
    expect(order()).toEqual(['3', '1', '2']);
  });

  it('keeps runs of two templates readable: scalar axes, no column lists, enough digits, seed first', async () => {
    const columns = (names: string[]) => names.map((name) => ({ name, type: 'float', role: 'feature', modality: null }));
    const configs: Record<string, Record<string, unknown>> = {
      '1': { template: 'dlinear', name: 'dlinear on grid load', model: { kernel: 25, hidden: [256, 256, 256, 256, 256, 256, 256, 256, 256, 256] }, data: { datasetId: '1', columns: columns(['load_1', 'load_2', 'load_3', 'load_4', 'load_5']) } },
      '2': { template: 'nlinear', name: 'nlinear on sensor + camera', model: { kernel: 3, hidden: [32] }, data: { datasetId: '3', columns: columns(['sensor_1', 'camera_1', 'camera_2', 'camera_3']) } },
    };
    const LOSS: Record<string, number[]> = { '1': [0.06, 0.0521], '2': [0.07, 0.0535] };
    const name = (id: string) => String(configs[id].name);
    const { lab } = handlerLab({
      'datasets.list': () => [['1', 'grid load'], ['3', 'sensor + camera']].map(([id, n]) => ({ id, name: n, rows: 100, columns: 5, source: 'demo', family: null, createdAt: '2026-01-01T00:00:00Z', bytes: null })),
      'runs.list': () => ['1', '2'].map((id) => runSummary({ id, name: name(id), seed: Number(id), template: String(configs[id].template) })),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => ({ ...runSummary({ id, name: name(id), seed: Number(id), template: String(configs[id].template) }), config: configs[id] })),
        series: ids.map((id) => ({ id, series: [{ name: 'val.loss', steps: [10, 20], values: LOSS[id] }] })),
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    });
    (await openApp(lab, '#/compare')).datasets.refresh(); // the app loads them at start (main.ts)
    await Promise.resolve();
    for (const box of await screen.findAllByRole('checkbox')) if (/grid load|sensor/.test(box.parentElement!.textContent!)) await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('compare-button'));
    const diff = await screen.findByTestId('config-diff');
    // each setting by the Models form's label, its config key (the CLI's --set word) on hover
    const cells = within(diff).getAllByRole('row').slice(1).map((r) => r.querySelector('td')!);
    const keys = cells.map((c) => c.getAttribute('title'));
    expect(keys).toContain('data.datasetId');
    expect(keys).not.toContain('data.columns');
    // in the Models form's order (dataset, template, the template's fields, seeds), not sorted by config key
    expect(cells.map((c) => c.textContent)).toEqual(['Dataset', 'Template', 'Moving-average kernel', 'Hidden widths', 'Seed']);
    // the Dataset row by the datasets' names (ids say nothing), texts without JSON quotes
    expect([...cells[0].parentElement!.querySelectorAll('td')].slice(1).map((c) => c.textContent)).toEqual(['grid load', 'sensor + camera']);
    expect([...cells[1].parentElement!.querySelectorAll('td')].slice(1).map((c) => c.textContent)).toEqual(['dlinear', 'nlinear']);
    expect(diff.textContent).toContain('[10 items]'); // a long list is summarised, a short one ([32]) shown
    expect(diff.textContent).toContain('[32]');
    expect(diff.textContent).not.toContain('"role"');
    expect(diff.querySelector('table')!.parentElement!.classList.contains('scroll')).toBe(true); // the wide table scrolls inside its card (ScrollEdges)
    expect(within(diff).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Setting', '#1 · s1 · dlinear on grid load', '#2 · s2 · nlinear on sensor + camera']);
    const chart = screen.getByTestId('parallel-coords');
    expect(chart.textContent).not.toContain('[object Object]');
    const axisKeys = within(chart).getAllByTestId('pc-key').map((k) => k.querySelector('title')!.textContent);
    expect(axisKeys).toEqual(['Dataset', 'Template', 'Moving-average kernel', 'Seed', 'val.loss']);
    // the metric's axis shows its whole name (shortened in the middle), not "loss", which read as the training loss
    const metricAxis = within(chart).getAllByTestId('pc-key').at(-1)!;
    expect(metricAxis.textContent!.slice('val.loss'.length)).toMatch(/^va.*s$/);
    const ticks = within(chart).getAllByTestId('pc-tick').map((t) => t.textContent);
    expect(ticks.slice(-2)).toEqual(['0.0521', '0.0535']);
    // the dataset axis by name, not id (ellipsized to jsdom's zero width: "g…d", "s…a")
    expect(ticks.slice(0, 2).map((t) => [t![0], t!.at(-1)])).toEqual([['g', 'd'], ['s', 'a']]);
  });

  it('splits a loss across families: a warning, one chart and one ranking per family, legends by run name', async () => {
    const runs = [
      { id: '1', template: 'tsmixer-gated', name: 'tsmixer on grid load seed=1', seed: 1, group: 'gmx2gcreipe', loss: [0.5, 0.4] },
      { id: '2', template: 'tsmixer-gated', name: 'tsmixer on grid load seed=2', seed: 2, group: 'gmx2gcreipe', loss: [0.52, 0.41] },
      { id: '3', template: 'gmu', name: 'gmu on sensor + camera', seed: 1, group: 'gmx2gd1bxiz', loss: [0.3, 0.2] },
      { id: '4', template: 'finalmlp', name: 'finalmlp on clicks', seed: 1, group: null, loss: [0.6, 0.25] },
    ];
    const summary = (r: typeof runs[number]) => runSummary({ id: r.id, template: r.template, name: r.name, seed: r.seed, group: r.group });
    const { lab } = handlerLab({
      'runs.list': () => runs.map(summary),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => { const r = runs.find((x) => x.id === id)!; return { ...summary(r), config: { model: { template: r.template } } }; }),
        series: ids.map((id) => ({ id, series: [{ name: 'val.loss', steps: [10, 20], values: runs.find((x) => x.id === id)!.loss }] })),
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    });
    await openApp(lab, '#/compare');
    for (const box of await screen.findAllByRole('checkbox')) await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('compare-button'));
    expect((await screen.findByTestId('compare-warning')).textContent).toContain("losses are not comparable: forecasting MSE vs classification logloss");
    // one chart per family, each with a text alternative naming its lines by run name (no group ids)
    const charts = screen.getAllByRole('img', { name: /^val\.loss · / });
    expect(charts.map((c) => c.getAttribute('aria-label')!.split(':')[0])).toEqual(['val.loss · forecasting MSE', 'val.loss · classification logloss']);
    expect(charts[0].getAttribute('aria-label')).toContain('tsmixer on grid load (2 seeds)');
    expect(document.body.textContent).not.toContain('gmx2gd1b');
    // ranked within each family: the forecasting runs, then gmu (0.2) before finalmlp (0.25)
    const rows = within(screen.getByTestId('compare-table')).getAllByRole('row').map((r) => r.getAttribute('data-family') ?? r.getAttribute('data-run'));
    expect(rows).toEqual(['forecasting', '1', '2', 'classification', '3', '4']);
    // the hyperparameter charts split the same way: an MSE and a logloss never share the metric axis
    const coords = screen.getAllByTestId('parallel-coords');
    expect(coords.map((c) => c.querySelector('figcaption')!.textContent)).toEqual(['Hyperparameters → val.loss (best) · forecasting MSE', 'Hyperparameters → val.loss (best) · classification logloss']);
    expect(coords.map((c) => [...c.querySelectorAll('path title')].map((t) => t.textContent))).toEqual([
      ['#1 · s1 · tsmixer on grid load', '#2 · s2 · tsmixer on grid load'], ['#3 · s1 · gmu on sensor + camera', '#4 · s1 · finalmlp on clicks']]);
    // each chart has a legend naming its lines
    expect(within(coords[1]).getByTestId('pc-legend').textContent).toBe('#3 · s1 · gmu on sensor + camera' + '#4 · s1 · finalmlp on clicks');
  });

  it('tells a run and its "New run from this" child with one name and seed apart everywhere (audit A20)', async () => {
    const same = (id: string) => runSummary({ id, template: 'tsmixer-gated', name: 'tsmixer-gated on transformer_loads', seed: 1 });
    const { lab } = handlerLab({
      'runs.list': () => [same('1'), same('2')],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => ({ ...same(id), config: { model: { template: 'tsmixer-gated', gate: { granularity: id === '1' ? 'channel' : 'element' } } } })),
        series: ids.map((id) => ({ id, series: [{ name: 'val.loss', steps: [10, 20], values: [0.5, id === '1' ? 0.47 : 0.46] }] })),
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    });
    await openApp(lab, '#/compare');
    const boxes = await screen.findAllByRole('checkbox', { name: /transformer_loads/ });
    expect(boxes.map((b) => b.parentElement!.textContent!.trim().split(' tsmixer-gated · ')[0])).toEqual(['#1 · s1 · tsmixer-gated on transformer_loads', '#2 · s1 · tsmixer-gated on transformer_loads']);
    for (const box of boxes) await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId('compare-button'));
    const table = await screen.findByTestId('compare-table');
    expect(within(table).getAllByRole('row').map((r) => r.querySelector('td')!.textContent)).toEqual(['#2 · s1 · tsmixer-gated on transformer_loads', '#1 · s1 · tsmixer-gated on transformer_loads']);
    const legend = screen.getByRole('img', { name: /^val\.loss/ }).getAttribute('aria-label')!;
    expect(legend).toContain('#1 · s1 · tsmixer-gated on transformer_loads');
    expect(legend).toContain('#2 · s1 · tsmixer-gated on transformer_loads');
    // whole labels (wrapped to two lines, the full one on hover): a label cut in the middle lost what set runs apart
    const heads = within(screen.getByTestId('config-diff')).getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['Setting', '#1 · s1 · tsmixer-gated on transformer_loads', '#2 · s1 · tsmixer-gated on transformer_loads']);
    expect(heads[2].getAttribute('title')).toBe('#2 · s1 · tsmixer-gated on transformer_loads');
  });
  it('keeps the Compare button out of the scrolling run list, so at 1024×700 it covers no run (it was sticky over the list)', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const { lab } = handlerLab({ 'runs.list': () => ids.map((id) => runSummary({ id, template: 'finalmlp' })), 'runs.pausedAtQuit': () => ({ runIds: [] }) });
    await openApp(lab, '#/compare');
    const list = await screen.findByTestId('compare-pick-list');
    // every run's box scrolls in the list; the button is below it, in the card, and scrolls with nothing
    expect(within(list).getAllByRole('checkbox').map((b) => (b as HTMLInputElement).value)).toEqual(ids);
    const button = screen.getByTestId('compare-button');
    expect(list.contains(button)).toBe(false);
    expect(list.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(button.closest('aside')).toBe(list.closest('aside'));
  });

  it('keeps the picked runs in the URL: a reload compares them again; runs deleted since are dropped and counted', async () => {
    const ids = ['1', '2', '3'];
    const { lab, calls } = handlerLab({
      'runs.list': () => ids.map((id) => runSummary({ id, template: 'finalmlp' })),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => ({ ...runSummary({ id, template: 'finalmlp' }), config: { template: 'finalmlp' } })),
        series: ids.map((id) => ({ id, series: [{ name: 'val.auc', steps: [10, 20], values: AUC[id] }] })),
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    });
    const checked = () => screen.getAllByRole('checkbox', { name: /run \d/ }).filter((b) => (b as HTMLInputElement).checked).map((b) => (b as HTMLInputElement).value);
    const comparedRuns = () => within(screen.getByTestId('compare-table')).getAllByRole('row').map((r) => r.getAttribute('data-run')).sort();

    await openApp(lab, '#/compare');
    await fireEvent.click((await screen.findAllByRole('checkbox'))[2]);
    await fireEvent.click(screen.getAllByRole('checkbox')[0]);
    expect(window.location.hash).toBe('#/compare/1,3'); // written as the boxes are ticked, before Compare
    await fireEvent.click(screen.getByTestId('compare-button'));
    await screen.findByTestId('compare-table');

    // a reload: a new window state from the same URL; the pick is back and drawn without a click
    cleanup();
    calls.length = 0;
    await openApp(lab, window.location.hash);
    expect(await screen.findByTestId('compare-table')).toBeTruthy();
    expect(checked()).toEqual(['1', '3']);
    expect(comparedRuns()).toEqual(['1', '3']);
    expect(calls.filter((c) => c.channel === 'runs.compare').map((c) => (c.payload as { ids: string[] }).ids)).toEqual([['1', '3']]);
    expect(screen.queryByTestId('compare-gone')).toBeNull();

    // run 3 deleted since: the pick keeps run 1, says one run is gone, and the URL follows
    ids.pop();
    cleanup();
    await openApp(lab, '#/compare/3,1');
    expect(await screen.findByTestId('compare-table')).toBeTruthy();
    expect(checked()).toEqual(['1']);
    expect(screen.getByTestId('compare-gone').textContent).toBe('1 run of the last comparison no longer exists.');
    expect(window.location.hash).toBe('#/compare/1');

    // unticking every run clears the URL (nothing is restored next time)
    await fireEvent.click(screen.getAllByRole('checkbox')[0]);
    expect(window.location.hash).toBe('#/compare');
  });

  describe('a grid sweep (lr × lookback, 2 seeds each, one group id)', () => {
    // ids 19–26, newest first in the list as the lab lists them; each run's loss is its id / 100 at every step,
    // so a band's mean names the runs it pooled
    const points = [0.001, 0.01].flatMap((lr) => [96, 192].flatMap((lookback) => [1, 2].map((seed) => ({ lr, lookback, seed }))));
    type Run = { id: string; name: string; seed: number; config: Record<string, unknown> };
    const sweep = points.map((p, i): Run => {
      const name = `dlinear sweep lr=${p.lr} lookback=${p.lookback} seed=${p.seed}`;
      return { id: String(19 + i), name, seed: p.seed, config: { name, seed: p.seed, model: { template: 'dlinear', lookback: p.lookback }, optimizer: { lr: p.lr } } };
    });
    const others: Run[] = [{ id: '5', name: 'gmu on reviews', seed: 1, config: { model: { template: 'gmu' } } }];
    const summary = (r: Run) => runSummary({ id: r.id, template: r.id === '5' ? 'gmu' : 'dlinear', name: r.name, seed: r.seed, group: r.id === '5' ? null : 'gmx3q382pai' });
    const all = [...sweep, ...others];
    const lab = () => handlerLab({
      'runs.list': () => all.slice().reverse().map(summary),
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.compare': ({ ids }) => ({
        runs: ids.map((id) => { const r = all.find((x) => x.id === id)!; return { ...summary(r), config: r.config }; }),
        series: ids.map((id) => ({ id, series: [{ name: 'loss', steps: [10, 20], values: [Number(id) / 100, Number(id) / 100] }] })),
      }),
      'analytics.compare': ({ ids }) => ({ runs: ids.map((id) => ({ id, knockout: null, flops: null })) }),
    }).lab;

    it('ticks the whole sweep from the group menu, and a filter ticks what it shows', async () => {
      await openApp(lab(), '#/compare');
      const menu = await screen.findByTestId('compare-pick-group') as HTMLSelectElement;
      expect([...menu.options].map((o) => o.textContent)).toEqual(['Tick a sweep or group…', 'dlinear sweep · 8 runs (#19–#26)']);
      await fireEvent.change(menu, { target: { value: 'gmx3q382pai' } });
      expect(screen.getByTestId('compare-button').textContent).toBe('Compare 8');
      expect(menu.value).toBe('');
      await fireEvent.click(screen.getByTestId('compare-clear'));
      expect(screen.getByTestId('compare-button').textContent).toBe('Compare');
      // the filter narrows the list; "Tick the N shown" ticks those only
      await fireEvent.input(screen.getByTestId('compare-filter'), { target: { value: 'lr=0.01 lookback=192' } });
      const list = screen.getByTestId('compare-pick-list');
      expect(within(list).getAllByRole('checkbox').map((b) => (b as HTMLInputElement).value)).toEqual(['26', '25']);
      expect(screen.getByTestId('compare-pick-count').textContent).toBe('2 of 9');
      await fireEvent.click(screen.getByTestId('compare-pick-shown'));
      await fireEvent.input(screen.getByTestId('compare-filter'), { target: { value: 'gmu' } });
      await fireEvent.click(within(screen.getByTestId('compare-pick-list')).getByRole('checkbox'));
      // runs filtered out stay ticked: the button counts them
      expect(screen.getByTestId('compare-button').textContent).toBe('Compare 3');
      expect(window.location.hash).toBe('#/compare/5,26,25'); // in the list's order, newest first
      await fireEvent.input(screen.getByTestId('compare-filter'), { target: { value: 'no such run' } });
      expect(screen.getByTestId('compare-pick-list').textContent).toContain('No run matches “no such run”');
    });

    it('draws one mean ± std band per config over its own seeds, named by its point and seed count', async () => {
      await openApp(lab(), '#/compare');
      const menu = await screen.findByTestId('compare-pick-group');
      // the window's last pick comes back (the test before ticked gmu): cleared, the sweep alone
      const clear = screen.queryByTestId('compare-clear');
      if (clear) await fireEvent.click(clear);
      await fireEvent.change(menu, { target: { value: 'gmx3q382pai' } });
      expect(screen.getByTestId('compare-button').textContent).toBe('Compare 8');
      await fireEvent.click(screen.getByTestId('compare-button'));
      await screen.findByTestId('compare-table');
      await fireEvent.input(screen.getByRole('slider'), { target: { value: '0' } }); // raw values, no smoothing
      const chart = screen.getByRole('img', { name: /^train loss \(per batch\) · forecasting MSE: / }).getAttribute('aria-label')!;
      // four bands, not one over all eight runs: each the mean of its two seeds (ids / 100)
      // (in the pick's order: the list's, newest first)
      expect(chart).toBe('train loss (per batch) · forecasting MSE: #25,#26 · dlinear sweep lr=0.01 lookback=192 (2 seeds) 0.255 at step 20, #23,#24 · dlinear sweep lr=0.01 lookback=96 (2 seeds) 0.235 at step 20, '
        + '#21,#22 · dlinear sweep lr=0.001 lookback=192 (2 seeds) 0.215 at step 20, #19,#20 · dlinear sweep lr=0.001 lookback=96 (2 seeds) 0.195 at step 20; steps 10 to 20.');
      // the metrics by config: the same four groups, mean ± sample std of their runs' best values, lowest first
      const configs = within(screen.getByTestId('compare-config-table')).getAllByRole('row');
      expect(configs.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent))).toEqual([
        ['#19,#20 · dlinear sweep lr=0.001 lookback=96 (2 seeds)', '2', '0.195 ± 0.007071'],
        ['#21,#22 · dlinear sweep lr=0.001 lookback=192 (2 seeds)', '2', '0.215 ± 0.007071'],
        ['#23,#24 · dlinear sweep lr=0.01 lookback=96 (2 seeds)', '2', '0.235 ± 0.007071'],
        ['#25,#26 · dlinear sweep lr=0.01 lookback=192 (2 seeds)', '2', '0.255 ± 0.007071'],
      ]);
      // one line per run when the box is off; no table by config then
      await fireEvent.click(screen.getByRole('checkbox', { name: 'Mean ± std over seeds' }));
      expect(screen.getByRole('img', { name: /^train loss \(per batch\) · forecasting MSE: / }).getAttribute('aria-label')!.match(/ at step 20/g)).toHaveLength(8);
      expect(screen.queryByTestId('compare-configs')).toBeNull();
    });
  });
});
