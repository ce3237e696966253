// Try it's "What if", end to end against a real lab (child process): a GMU run on the demo's fusion data,
// its gates knocked out (the Knockouts table), then Try it on a few test rows. Until the run has knockouts
// the control says how to get them; then it lists them by the table's names, and picking one adds "As
// trained" and "With <knockout>" columns: the first is Try it's own prediction, the second moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import { demoOf, runEnded, LAB_ANSWER_MS } from '../fixtures/models-lab';
import TryIt from './TryIt.svelte';
import type { Stores } from '../stores';

configure({ asyncUtilTimeout: LAB_ANSWER_MS });

let lab: LabProcess;
let stores: Stores;
let runId: string;

beforeAll(async () => {
  ({ lab, stores } = await openLabStores());
  await stores.datasets.refresh();
  const started = await stores.lab.invoke('runs.start', { template: 'gmu', datasetId: demoOf(stores, 'fusion'), config: { maxSteps: 4 }, seeds: 1, name: 'what-if' });
  runId = started.runIds[0];
  expect((await runEnded(stores, runId)).status).toBe('completed');
}, 180_000);
afterAll(() => lab?.stop());

const cells = () => screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''));

describe('Try it: What if', () => {
  it('says how to get knockouts while the run has none', async () => {
    render(TryIt, { props: { lab: stores.lab, runId } });
    await fireEvent.input(await screen.findByTestId('try-rows'), { target: { value: '0-2' } });
    await fireEvent.click(screen.getByTestId('try-run'));
    expect((await screen.findByTestId('try-whatif-none', {}, { timeout: 60_000 })).textContent).toMatch(/no knockouts yet\. "Knock out all gates"/);
    cleanup();
  }, 90_000);

  it("lists the run's knockouts by the table's names; one picked adds the rows as trained and with it", async () => {
    await stores.lab.invoke('analytics.knockoutAll', { id: runId });
    await waitFor(async () => expect((await stores.lab.invoke('analytics.knockouts', { id: runId })).table?.rows.length).toBe(9), { timeout: 120_000, interval: 500 });
    render(TryIt, { props: { lab: stores.lab, runId } });
    await fireEvent.input(await screen.findByTestId('try-rows'), { target: { value: '0-2' } });
    await fireEvent.click(screen.getByTestId('try-run'));
    const select = (await screen.findByTestId('try-whatif', {}, { timeout: 60_000 })) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    // three modality gates (context, camera, sensor) × open / closed / mean, named as the Knockouts table names them
    expect(options).toHaveLength(10);
    expect(options).toContain('gmu · context closed');
    const closed = [...select.options].find((o) => o.textContent === 'gmu · context closed')!.value;
    await fireEvent.change(select, { target: { value: closed } });
    expect((await screen.findByTestId('try-whatif-head', {}, { timeout: 60_000 })).textContent).toBe('With gmu · context closed');
    const heads = [...screen.getByTestId('try-results').querySelectorAll('th')].map((th) => th.textContent);
    expect(heads.slice(0, 6)).toEqual(['Test row', 'P(label = 1)', 'Predicted', 'Target', 'As trained', 'With gmu · context closed']);
    const rows = cells();
    expect(rows).toHaveLength(3);
    // as trained is Try it's own probability of the row (the exported model; the same checkpoint)
    for (const [, probability, , , trained, knocked] of rows) {
      expect(trained).toBe(probability);
      expect(knocked).toMatch(/^\d+\.\d %$/);
    }
    // no knockout: the columns go
    await fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(screen.queryByTestId('try-whatif-head')).toBeNull());
    cleanup();
  }, 240_000);
});
