import { describe, expect, it } from 'vitest';
import { unlaunchableRun } from './unlaunchable-run';
import { LabUnavailable } from './refusal';

describe('unlaunchableRun', () => {
  it('a damaged dataset row (LabUnavailable): interrupted, nothing deleted, naming the dataset and how to resume', () => {
    const out = unlaunchableRun({ id: 7, datasetId: 3 }, new LabUnavailable('Corrupt JSON in datasets.validation of dataset 3'));
    expect(out.status).toBe('interrupted');
    expect(out.error).toBe('run 7 cannot start: its dataset 3 cannot be read (Corrupt JSON in datasets.validation of dataset 3). '
      + 'The run went back to interrupted; nothing was deleted. Once dataset 3\'s row is restored (the lab database from a backup), '
      + 'resume it: gatelab resume 7; or start a new run with the same settings on another dataset (in the app: Runs → New run from this)');
  });

  it('anything else (its dataset deleted): failed with the resolver\'s own message', () => {
    expect(unlaunchableRun({ id: 7, datasetId: 3 }, new Error('no dataset 3'))).toEqual({ status: 'failed', error: 'run 7 cannot start: no dataset 3' });
  });

  it('a thrown non-Error still names what was thrown', () => {
    expect(unlaunchableRun({ id: 2, datasetId: 1 }, 'split gone').error).toBe('run 2 cannot start: split gone');
  });
});
