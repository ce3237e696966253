// `gatelab train --dataset clicks.csv` on an implicit-feedback log (user, item, unix-seconds time, no label):
// refused while setting up, saying why such a log cannot train a CTR model; `--target ts` names the time
// column as a time (the importer typed it datetime), not "a number with … distinct values", and is set back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { datasetRunSetup } from './dataset-runs';
import { LabelRules } from '../lab/label-rules';
import { gatelab } from '../../cli/testing/gatelab';
import { labHomeWithDemos } from '../testing/lab-home';

let home: string, lab: LabDatasets, clicks: number, ratings: number;

beforeAll(async () => {
  // demos marked installed (none built): a CLI call below must not print the install line into the stderr it checks
  home = await labHomeWithDemos([], 'gatelab-dataset-runs-');
  lab = await openLabDatasets(labPaths(home), { demos: false });
  // 1,500 interactions 24 s apart: every row a click, no 0/1 column to learn from
  const rows = Array.from({ length: 1500 }, (_, i) => `u${(i * 7) % 50},i${(i * 13) % 80},${1_700_000_000 + i * 24}`);
  writeFileSync(join(home, 'clicks.csv'), ['user,item,ts', ...rows].join('\n'));
  clicks = (await lab.registry.importDataset(join(home, 'clicks.csv'))).dataset.id;
  // ratings 1-5 (an int column), the target: the app reads them as clicks by a rule, rating ≥ 4
  const rated = Array.from({ length: 600 }, (_, i) => `u${i % 40},i${(i * 7) % 60},${1 + ((i * 7 + Math.floor(i / 40)) % 5)}`);
  writeFileSync(join(home, 'ratings.csv'), ['user,item,rating', ...rated].join('\n'));
  ratings = (await lab.registry.importDataset(join(home, 'ratings.csv'))).dataset.id;
  lab.registry.setColumns(ratings, [{ column: 'rating', role: 'target' }]);
});

afterAll(() => {
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('a CTR run on an implicit-feedback log', () => {
  const setup = (target?: string, logged: string[] = []) =>
    datasetRunSetup(home, String(clicks), { model: { template: 'finalmlp' } }, (l) => logged.push(l), target ? { target } : {});

  it('without a target: names --target and says a log of interactions has no negatives to learn from', async () => {
    expect(lab.registry.get(clicks)!.columns.find((c) => c.name === 'ts')?.type).toBe('datetime');
    await expect(setup()).rejects.toThrow(/^a recommendation \(CTR\) model needs a target column: pass --target COLUMN, or gatelab datasets roles clicks <column>=target\. If each row is an interaction \(an implicit-feedback log: user, item, time\), every row is a positive .*GateLab does not sample negatives itself: add them to the file \(README's pandas recipe for it: section "From a dataset to batches", "implicit-feedback logs"\)$/);
  });

  it('--target ts: a time column, not a label; the roles are set back', async () => {
    const roles = () => lab.registry.get(clicks)!.columns.map((c) => `${c.name}=${c.role}`);
    const before = roles();
    const logged: string[] = [];
    await expect(setup('ts', logged)).rejects.toThrow(/^'ts' is the time column \(datetime\): a target must be a number or a category; .*If each row is an interaction/);
    expect(roles()).toEqual(before);
    expect(logged.at(-1)).toMatch(/target of dataset \d+ left as it was: the run was refused/);
  });
});

// The label rule set on a target in the app (Datasets › roles: "label = value ≥ 4", stored with the dataset)
// is what every face's runs are created with (dataset-defaults.ts). `gatelab train` checked the target
// before that, from the raw config: a 1-5 rating with the app's rule was refused as "5 values", although
// the same run started in the app trains on 'rating' ≥ 4.
describe("gatelab train on a numeric target with the app's label rule", () => {
  const train = (...set: string[]) => gatelab(['train', '--dataset', 'ratings', '--template', 'lr', '--epochs', '1', '--set', 'max-steps=2', ...set.flatMap((s) => ['--set', s]), '--home', home]);

  it('without a rule: refused before queueing, naming the threshold option and the one to try on a 1-5 rating', async () => {
    const r = await train();
    expect(r.err).toBe("gatelab train: the label 'rating' has 5 values (1, 2, 3, 4, 5); a CTR model predicts one click probability from a two-valued label. " +
      'Set a threshold with `--set positiveAtLeast=T` (label = value ≥ T), e.g. 4 for a rating from 1 to 5, or train a classification template of the fusion family (e.g. --template concat-fusion) for 5 classes\n');
    expect(r.code).toBe(2);
    expect(lab.store.runs.list()).toEqual([]);
  });

  it("with the app's rule (rating ≥ 4): trains on it as the app does; --set positiveAtLeast still wins", async () => {
    new LabelRules(lab.store.settings).set(String(ratings), { positiveAtLeast: 4 });
    const r = await train();
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("label: 'rating' ≥ 4 is positive");
    expect(r.out).toMatch(/run \d+ completed at step \d+: test accuracy/);
    const own = await train('positiveAtLeast=5');
    expect(own.code, own.err).toBe(0);
    expect(own.out).toContain("label: 'rating' ≥ 5 is positive");
    expect(lab.store.runs.list().map((run) => (run.config as { model: { positiveAtLeast?: number } }).model.positiveAtLeast)).toEqual([4, 5]);
  }, 60_000);
});

// The setup checks the target as a new run will read it (dataset-defaults.ts NEW_RUN_POSITIVE_BY_COUNT: two
// values no word decides, the rarer positive), then the run manager's check (withDatasetDefaults' config)
// finds that reading remembered. A setup reading by another rule coded the column a second time.
describe("gatelab train's target check and a new run's defaults", () => {
  it('read a two-valued target by one rule: the column is coded once', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `u${i % 30},i${(i * 7) % 40},${i % 5 === 0 ? 'Charged Off' : 'Fully Paid'}`);
    writeFileSync(join(home, 'loans.csv'), ['user,item,status', ...rows].join('\n'));
    const loans = (await lab.registry.importDataset(join(home, 'loans.csv'))).dataset.id;
    const setup = await datasetRunSetup(home, String(loans), { model: { template: 'lr' } }, () => {}, { target: 'status' });
    try {
      expect(setup.dataChecks.targets.size).toBe(1);
    } finally {
      setup.store.close();
    }
  }, 60_000);
});
