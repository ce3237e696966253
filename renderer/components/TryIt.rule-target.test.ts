// Try it on a run whose click is a rule on a rating (MovieLens `rating ≥ 4`): the model learns each row's side
// of the rule, so the Target column said '≥ 4' for a 4 on the rule's edge and for a 5 alike. The lab now
// answers each row's rating (runs.try's `targetValue`, read as `gatelab knockout --rows` reads it) and the
// Target shows both, "5 (≥ 4)"; a row whose rating the lab could not read keeps its side alone.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import TryIt from './TryIt.svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';

afterEach(() => cleanup());

const RULE = { column: 'rating', classes: ['< 4', '≥ 4'], positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 };
/**
 * Test rows 0-2: ratings 5, 4 and 3 (sides 1, 1, 0); the model says ≥ 4 for each. `ratings`: what the lab read
 * of them; `problem`: why it read none (runs.try's `targetValueProblem`).
 */
function ruleLab(ratings: Array<number | undefined>, problem?: string) {
  return handlerLab({
    'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'mmoe' }), config: { data: { columns: [{ name: 'rating', role: 'target' }] } },
      data: { line: "movielens: 80 train / 10 validation / 10 test samples; label: 'rating' ≥ 4 is positive", logScaled: [], label: RULE } }),
    'runs.try': ({ rows }) => ({ task: 'binary', prediction: 'click_logit', target: 'label', testRows: 10, onnxPath: '/tmp/run-4.onnx',
      rows: rows.map((row) => ({ row, prediction: [2], target: [row < 2 ? 1 : 0], ...(ratings[row] !== undefined ? { targetValue: ratings[row] } : {}) })), ...(problem ? { targetValueProblem: problem } : {}) }),
    'analytics.knockoutChoices': ({ id }) => ({ id, choices: [], none: 'no knockout here' }),
  }).lab;
}

const cells = () => screen.getAllByTestId('try-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''));

async function predictRows(lab: ReturnType<typeof ruleLab>): Promise<void> {
  render(TryIt, { props: { lab, runId: '4' } });
  await fireEvent.input(await screen.findByTestId('try-rows'), { target: { value: '0-2' } });
  await fireEvent.click(screen.getByTestId('try-run'));
  await screen.findByTestId('try-results', {}, { timeout: 10_000 });
}

describe("Try it: a label rule's target by the row's own value", () => {
  it('each row\'s rating beside its side of the rule; the miss is still by the side', async () => {
    await predictRows(ruleLab([5, 4, 3]));
    expect(screen.queryByTestId('try-rule-note')).toBeNull();
    expect(cells().map(([row, , predicted, target]) => [row, predicted, target])).toEqual([['0', '≥ 4', '5 (≥ 4)'], ['1', '≥ 4', '4 (≥ 4)'], ['2', '≥ 4', '3 (< 4)']]);
    const missed = screen.getAllByTestId('try-row').map((r) => r.querySelectorAll('td')[3].classList.contains('miss'));
    expect(missed).toEqual([false, false, true]);
  });

  it('a row whose rating was not read keeps its side alone', async () => {
    await predictRows(ruleLab([5, undefined, undefined]));
    expect(cells().map(([, , , target]) => target)).toEqual(['5 (≥ 4)', '≥ 4', '< 4']);
    expect(screen.getByTestId('try-rule-note').textContent).toBe("Target: '≥ 4' and '< 4' are the rows' sides of the rule rating ≥ 4, not their rating, which could not be read.");
  });

  it("when the lab could not read the ratings, the sides alone and a note with the lab's reason, as knockout --rows says it", async () => {
    await predictRows(ruleLab([undefined, undefined, undefined], "the dataset has no column 'rating' now"));
    expect(cells().map(([, , , target]) => target)).toEqual(['≥ 4', '≥ 4', '< 4']);
    expect(screen.getByTestId('try-rule-note').textContent).toBe("Target: '≥ 4' and '< 4' are the rows' sides of the rule rating ≥ 4, not their rating, which could not be read: the dataset has no column 'rating' now.");
  });
});
