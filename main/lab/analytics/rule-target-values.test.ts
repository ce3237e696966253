// The rule column's values of a run's test rows are read only where Try it can place the rows; a run whose
// rows come from no file gets the reason instead (knockout --rows then keeps each row's side of the rule).
// The values themselves, read from a trained run's dataset, are tested in main/cli/knockout-rows-trained.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import { ruleTargetValues } from './rule-target-values';

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
