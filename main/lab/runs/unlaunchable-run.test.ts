import { describe, expect, it } from 'vitest';
import { unlaunchableRun } from './unlaunchable-run';
import { LabUnavailable } from './refusal';
import { DatasetGone } from './dataset-gone';
import { datasetResolver } from './dataset-runs';
import type { DatasetRegistry } from '../datasets/index';
import type { RunRecord } from '../store/index';

/**
 * What the real resolver throws for run 7 on dataset 3 when `dataset` (then the split `split`) is what the lab
 * has: its messages are what the failed run keeps, so a rewording shows up here.
 */
function resolverError(dataset: { id: number } | undefined, split?: { datasetId: number }): unknown {
  const registry = { get: () => dataset, store: { splits: { get: () => split } } } as unknown as DatasetRegistry;
  const run = { id: 7, datasetId: 3, config: { data: { splitId: 5 } } } as unknown as RunRecord;
  try {
    datasetResolver(registry)(run);
  } catch (e) {
    return e;
  }
  throw new Error('the resolver did not throw');
}

describe('unlaunchableRun', () => {
  it('a damaged dataset row (LabUnavailable): interrupted, nothing deleted, naming the dataset and how to resume', () => {
    const out = unlaunchableRun({ id: 7, datasetId: 3 }, new LabUnavailable('Corrupt JSON in datasets.validation of dataset 3'));
    expect(out.status).toBe('interrupted');
    expect(out.error).toBe('run 7 cannot start: its dataset 3 cannot be read (Corrupt JSON in datasets.validation of dataset 3). '
      + 'The run went back to interrupted; nothing was deleted. Once dataset 3\'s row is restored (the lab database from a backup), '
      + 'resume it: gatelab resume 7; or start a new run with the same settings on another dataset (in the app: Runs → New run from this)');
  });

  it('a passing fault (busy database, missing cache folder): interrupted, so it can be resumed once fixed', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(unlaunchableRun({ id: 7, datasetId: 3 }, busy)).toEqual({
      status: 'interrupted',
      error: 'run 7 cannot start: reading its dataset 3 failed (database is locked). The run went back to interrupted; nothing was deleted. '
        + 'Once that is fixed, resume it: gatelab resume 7',
    });
    expect(unlaunchableRun({ id: 7, datasetId: 3 }, new Error("ENOENT: no such file or directory, scandir '/mnt/data/cache'")).status).toBe('interrupted');
  });

  it('its dataset deleted: failed with the resolver\'s own message', () => {
    const e = resolverError(undefined);
    expect(unlaunchableRun({ id: 7, datasetId: 3 }, e)).toEqual({
      status: 'failed', error: 'run 7 cannot start: dataset 3 of run 7 no longer exists; start a new run on an existing dataset',
    });
  });

  it('its split deleted, or the split is one of another dataset: failed', () => {
    const deleted = unlaunchableRun({ id: 7, datasetId: 3 }, resolverError({ id: 3 }, undefined));
    expect(deleted).toEqual({ status: 'failed', error: 'run 7 cannot start: split 5 does not exist (gatelab datasets show 3 lists the splits of dataset 3)' });
    const other = unlaunchableRun({ id: 7, datasetId: 3 }, resolverError({ id: 3 }, { datasetId: 9 }));
    expect(other).toEqual({ status: 'failed', error: 'run 7 cannot start: split 5 is a split of dataset 9, not of dataset 3 that run 7 trains on' });
  });

  it('only the resolver\'s DatasetGone fails a run: the same words in a plain Error (another check, a passing fault) leave it resumable', () => {
    const words = 'dataset 3 of run 7 no longer exists; start a new run on an existing dataset';
    expect(unlaunchableRun({ id: 7, datasetId: 3 }, new Error(words)).status).toBe('interrupted');
    expect(unlaunchableRun({ id: 7, datasetId: 3 }, new DatasetGone(words)).status).toBe('failed');
  });

  it('a thrown non-Error still names what was thrown, and the run stays resumable', () => {
    expect(unlaunchableRun({ id: 2, datasetId: 1 }, 'split gone')).toEqual({
      status: 'interrupted',
      error: 'run 2 cannot start: reading its dataset 1 failed (split gone). The run went back to interrupted; nothing was deleted. Once that is fixed, resume it: gatelab resume 2',
    });
  });
});
