// The resolver's "data gone for good" cases are typed (DatasetGone), in the words the user has always read;
// what else it throws (a damaged row) is not, so such a run stays resumable (unlaunchable-run.ts).
import { describe, expect, it } from 'vitest';
import { DatasetGone } from './dataset-gone';
import { datasetResolver } from './dataset-runs';
import { LabUnavailable } from './refusal';
import type { DatasetRegistry } from '../datasets/index';
import type { RunRecord } from '../store/index';

const run = { id: 7, datasetId: 3, config: { data: { splitId: 5 } } } as unknown as RunRecord;
const resolver = (get: () => unknown, split?: { datasetId: number }) =>
  datasetResolver({ get, store: { splits: { get: () => split } } } as unknown as DatasetRegistry);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('datasetResolver: a run whose data is gone', () => {
  it('dataset deleted, split deleted, split of another dataset: DatasetGone, each message as before', () => {
    const cases: Array<[unknown, string]> = [
      [thrown(() => resolver(() => undefined)(run)), 'dataset 3 of run 7 no longer exists; start a new run on an existing dataset'],
      [thrown(() => resolver(() => ({ id: 3 }))(run)), 'split 5 does not exist (gatelab datasets show 3 lists the splits of dataset 3)'],
      [thrown(() => resolver(() => ({ id: 3 }), { datasetId: 9 })(run)), 'split 5 is a split of dataset 9, not of dataset 3 that run 7 trains on'],
    ];
    for (const [e, message] of cases) {
      expect(e).toBeInstanceOf(DatasetGone);
      expect((e as Error).message).toBe(message);
      expect((e as Error).name).toBe('DatasetGone');
    }
  });

  it('a damaged dataset row is not DatasetGone: it passes through as it was thrown', () => {
    const damaged = new LabUnavailable('Corrupt JSON in datasets.validation of dataset 3');
    const e = thrown(() => resolver(() => { throw damaged; })(run));
    expect(e).toBe(damaged);
    expect(e).not.toBeInstanceOf(DatasetGone);
  });
});
