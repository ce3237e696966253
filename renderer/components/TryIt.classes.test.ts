// Try it names a multi-class run's classes by what its target holds: a rating run (classes 1..5) showed
// ratings 3, 4, 5 as Target "2, 3, 4" and its top class as "2 of 5" (the model's class ids, from 0). The
// run's class names come from its label coding (`data.label.classes`), or, for a run stored before that was
// kept, from its per-class test table; the What if columns name them the same way.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

/** Logits whose softmax puts the most on class id `top` (0-based). */
const favouring = (top: number, k: number) => Array.from({ length: k }, (_, c) => (c === top ? 3 : 0));

/**
 * Run 3, multi-class over `names` (class ids 0..k-1): `coded` puts them in the run's label coding, else
 * only its per-class test table has them (an older run), or nothing does. Test rows 0-2 hold class ids
 * 2, 3, 4 and the model's top class is the same; with the exit gate open it is one class lower.
 */
function multiClassLab(names: string[], where: 'label' | 'test-table' | 'none') {
  const k = names.length;
  const testClasses = { step: 9, classes: names.map((name) => ({ name, precision: 0.5, recall: 0.5, f1: 0.5, support: 12, predicted: 12 })), confusion: names.map(() => names.map(() => 0)),
    macro: { precision: 0.5, recall: 0.5, f1: 0.5 }, weighted: { precision: 0.5, recall: 0.5, f1: 0.5 } };
  return handlerLab({
    'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'early-exit-mlp' }), config: {},
      data: { line: `fusion: 480 train / 60 validation / 60 test samples; ${k} classes of 'rating'`, logScaled: [], ...(where === 'label' ? { label: { column: 'rating', classes: names } } : {}) },
      testClasses: where === 'test-table' ? testClasses : null }),
    'runs.try': ({ rows }) => ({ task: 'multiclass', prediction: 'logits', target: 'label', testRows: 60, onnxPath: '/tmp/run-3.onnx',
      rows: rows.map((row) => ({ row, prediction: favouring(row + 2, k), target: [row + 2] })) }),
    'analytics.knockoutChoices': ({ id }) => ({ id, choices: [{ gate: 'exit_gate.gate0', kind: 'exit', mode: 'open' }], none: null }),
    'analytics.knockoutRows': ({ id, rows }) => ({ id, runId: 3, knockout: { gate: 'exit_gate.gate0', kind: 'exit', mode: 'open' }, task: 'multiclass', forecast: false, prediction: 'logits', target: 'label', testRows: 60,
      rows: rows.map((row) => ({ row, trained: favouring(row + 2, k), knockedOut: favouring(row + 1, k), target: [row + 2], gate: [0.3] })) }),
  }).lab;
}

const cells = () => screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''));
const heads = () => [...screen.getByTestId('try-results').querySelectorAll('th')].map((th) => th.textContent?.replace(/\u00a0/g, ' '));

async function predictRows(lab: ReturnType<typeof multiClassLab>): Promise<void> {
  render(TryIt, { props: { lab, runId: '3' } });
  const box = await screen.findByTestId('try-rows');
  await fireEvent.input(box, { target: { value: '0-2' } });
  await fireEvent.click(screen.getByTestId('try-run'));
  await screen.findByTestId('try-results', {}, { timeout: 10_000 });
}

describe("Try it: a multi-class run's classes by the values of its target", () => {
  it('a rating run (classes 1..5): ratings 3, 4, 5 read as 3, 4, 5, in the Target and the top class', async () => {
    await predictRows(multiClassLab(['1', '2', '3', '4', '5'], 'label'));
    expect(heads().slice(0, 4)).toEqual(['Test row', 'Top class (of 5)', 'Probability', 'Target']);
    expect(cells().map(([row, top, , target]) => [row, top, target])).toEqual([['0', '3', '3'], ['1', '4', '4'], ['2', '5', '5']]);
  });

  it('What if names the classes the same way, as trained and with the knockout', async () => {
    await predictRows(multiClassLab(['1', '2', '3', '4', '5'], 'label'));
    const select = (await screen.findByTestId('try-whatif', {}, { timeout: 10_000 })) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: select.options[1].value } });
    await screen.findByTestId('try-whatif-head', {}, { timeout: 10_000 });
    await waitFor(() => expect(cells().map((c) => [c[1], c[4].split(' (')[0], c[5].split(' (')[0]])).toEqual([['3', '3', '2'], ['4', '4', '3'], ['5', '5', '4']]), { timeout: 10_000 });
  });

  it("word classes (news categories) by their words; an older run's from its per-class test table", async () => {
    const news = ['business', 'entertainment', 'politics', 'sport', 'tech'];
    await predictRows(multiClassLab(news, 'label'));
    expect(cells().map(([, top, , target]) => [top, target])).toEqual([['politics', 'politics'], ['sport', 'sport'], ['tech', 'tech']]);
    cleanup();
    await predictRows(multiClassLab(news, 'test-table'));
    expect(cells().map(([, top, , target]) => [top, target])).toEqual([['politics', 'politics'], ['sport', 'sport'], ['tech', 'tech']]);
  });

  it('a run that does not say its classes: "class 2", never a bare id that reads as a value', async () => {
    await predictRows(multiClassLab(['1', '2', '3', '4', '5'], 'none'));
    expect(cells().map(([, top, , target]) => [top, target])).toEqual([['class 2', 'class 2'], ['class 3', 'class 3'], ['class 4', 'class 4']]);
  });
});
