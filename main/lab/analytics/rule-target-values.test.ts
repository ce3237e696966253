// The rule column's values of a run's test rows are read only where Try it can place the rows; a run whose
// rows come from no file gets the reason instead (knockout --rows then keeps each row's side of the rule).
// The values themselves, read from a trained run's dataset (by knockout --rows, What if and Try it alike), are
// tested in main/cli/knockout-rows-trained.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import { ruleColumnOf, ruleTargetValues, withRuleValues } from './rule-target-values';

const home = mkdtempSync(join(tmpdir(), 'gatelab-rule-values-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('ruleTargetValues', () => {
  it('says why when the rows come from no file (a run on generated samples), never throws', async () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    try {
      const id = store.runs.create({ config: parseNewRunConfig({ epochs: 1, data: { kind: 'synthetic', samples: 512 } }), seed: 1 });
      const gone = () => { throw new Error('no dataset'); };
      expect(await ruleTargetValues({ store, paths, resolveDataset: gone }, store.runs.get(id)!, 'rating', [0, 1], 64))
        .toEqual({ problem: "the run trained on generated samples (the demo model's synthetic data), which come from no file" });
    } finally {
      store.close();
    }
  });
});

describe("the answers' rule values (What if, Try it)", () => {
  const rule = { line: '', logScaled: [], label: { column: 'rating', positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 } };
  it('only a binary prediction of a label read by a rule has a rule column', () => {
    expect(ruleColumnOf({ dataSummary: rule }, 'binary')).toBe('rating');
    expect(ruleColumnOf({ dataSummary: rule }, 'regression')).toBeNull(); // MMoE's rating tower: its target is the rating
    expect(ruleColumnOf({ dataSummary: { line: '', logScaled: [], label: { column: 'clicked', positive: '1', negative: '0' } } }, 'binary')).toBeNull();
    expect(ruleColumnOf({ dataSummary: null }, 'binary')).toBeNull();
  });

  it("each row's targetValue when read (none for a missing cell), else the answer's targetValueProblem", () => {
    const answer = { id: '4', rows: [{ row: 0, target: [1] }, { row: 1, target: [0] }] };
    expect(withRuleValues(answer, { values: [5, null] }).rows).toEqual([{ row: 0, target: [1], targetValue: 5 }, { row: 1, target: [0] }]);
    expect(withRuleValues(answer, { problem: 'the dataset has no column \'rating\' now' })).toEqual({ ...answer, targetValueProblem: "the dataset has no column 'rating' now" });
    expect(withRuleValues(answer, undefined)).toBe(answer);
  });
});
