// Try it's "What if", end to end against a real lab (child process): a GMU run on the demo's fusion data,
// never knocked out (no Knockouts table stored), then Try it on a few test rows. The control lists every
// knockout the run's gates allow by the Knockouts table's names, and picking one adds "As trained" and
// "With <knockout>" columns: the first is Try it's own prediction, the second moves. A run with no knockout
// to offer says why, in the lab's words: a baseline (a DNN on the demo's CTR data) too, whose What if used to
// vanish with no word of why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import { demoOf, runEnded, LAB_ANSWER_MS } from '../fixtures/models-lab';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { ABLATED_NOTE } from '../../common/analytics/ablation';
import TryIt from './TryIt.svelte';
import type { Stores } from '../stores';

configure({ asyncUtilTimeout: LAB_ANSWER_MS });

let lab: LabProcess;
let stores: Stores;
let runId: string;
/** A baseline run (no gate): What if has nothing to offer it. */
let baselineId: string;

beforeAll(async () => {
  ({ lab, stores } = await openLabStores());
  await stores.datasets.refresh();
  const train = async (template: string, family: string) => {
    const started = await stores.lab.invoke('runs.start', { template, datasetId: demoOf(stores, family), config: { maxSteps: 4 }, seeds: 1, name: `what-if ${template}` });
    return started.runIds[0];
  };
  [runId, baselineId] = [await train('gmu', 'fusion'), await train('dnn', 'recsys')];
  for (const id of [runId, baselineId]) expect((await runEnded(stores, id)).status).toBe('completed');
}, 240_000);
afterAll(() => lab?.stop());

const cells = () => screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''));

describe('Try it: What if', () => {
  it("a run without a knockout table offers every knockout its gates allow, by the table's names; one picked adds the rows as trained and with it", async () => {
    expect((await stores.lab.invoke('analytics.knockouts', { id: runId })).table).toBeNull();
    render(TryIt, { props: { lab: stores.lab, runId } });
    await fireEvent.input(await screen.findByTestId('try-rows'), { target: { value: '0-2' } });
    await fireEvent.click(screen.getByTestId('try-run'));
    const select = (await screen.findByTestId('try-whatif', {}, { timeout: 60_000 })) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    // "— no knockout —", then three modality gates (context, camera, sensor) × open / closed / mean, named as the Knockouts table names them
    expect(options).toHaveLength(10);
    expect(options).toContain('gmu · context closed');
    expect(screen.queryByTestId('try-whatif-none')).toBeNull();
    const closed = [...select.options].find((o) => o.textContent === 'gmu · context closed')!.value;
    expect(closed).toBe('gmu.z0 closed');
    await fireEvent.change(select, { target: { value: closed } });
    expect((await screen.findByTestId('try-whatif-head', {}, { timeout: 60_000 })).textContent).toBe('With gmu · context closed');
    const heads = [...screen.getByTestId('try-results').querySelectorAll('th')].map((th) => th.textContent);
    expect(heads.slice(0, 6)).toEqual(['Test row', 'P(label = 1)', 'Predicted', 'Target', 'As trained', 'With gmu · context closed']);
    const rows = cells();
    expect(rows).toHaveLength(3);
    // as trained is Try it's own probability of the row (the exported model; the same checkpoint)
    for (const [, probability, , , trained, knocked] of rows) {
      expect(trained).toBe(probability);
      expect(knocked).toMatch(/^(\d+\.\d|> 99\.9|< 0\.1) %$/); // near certainty reads as near it (probability-text.ts)
    }
    // no knockout: the columns go
    await fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(screen.queryByTestId('try-whatif-head')).toBeNull());
    cleanup();
  }, 240_000);

  it('a gated run with no knockout to offer (its gates switched off) says why, in the lab\'s words', async () => {
    const none = `run 5: ${ABLATED_NOTE}`;
    const { lab: fake } = handlerLab({
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'gmu' }), config: { model: { template: 'gmu', gate: { enabled: false } } } }),
      'runs.try': ({ rows: picked }) => ({ task: 'binary', prediction: 'logits', target: 'label', testRows: 60, onnxPath: '/tmp/run-5.onnx', rows: picked.map((row) => ({ row, prediction: [0], target: [1] })) }),
      'analytics.knockoutChoices': ({ id }) => ({ id, choices: [], none }),
    });
    render(TryIt, { props: { lab: fake, runId: '5' } });
    await fireEvent.click(await screen.findByTestId('try-run'));
    expect((await screen.findByTestId('try-whatif-none')).textContent).toBe(`What if: ${none}`);
    expect(screen.queryByTestId('try-whatif')).toBeNull();
    cleanup();
  });

  it("a baseline run keeps What if under the table and says why there is nothing to knock out, in the lab's words", async () => {
    const offered = await stores.lab.invoke('analytics.knockoutChoices', { id: baselineId });
    expect(offered.choices).toEqual([]);
    // the baseline refusal `gatelab knockout` gives: the template, and the gated ones to train instead
    expect(offered.none).toMatch(/^run \d+ has no gate to knock out: dnn is a baseline without gates; .*train a gated recsys template instead: /);
    // the template handed at once, as the Export page does (it used to hide What if before any Predict)
    render(TryIt, { props: { lab: stores.lab, runId: baselineId, template: 'dnn' } });
    await fireEvent.input(await screen.findByTestId('try-rows'), { target: { value: '0-1' } });
    await fireEvent.click(screen.getByTestId('try-run'));
    expect((await screen.findByTestId('try-whatif-none', {}, { timeout: 60_000 })).textContent).toBe(`What if: ${offered.none}`);
    expect(screen.getAllByTestId('try-row')).toHaveLength(2);
    // nothing to pick: no select, no knockout columns
    expect(screen.queryByTestId('try-whatif')).toBeNull();
    expect(screen.queryByTestId('try-whatif-head')).toBeNull();
    cleanup();
  }, 120_000);
});
