// Which errors refuse the request (exit 2) and which are failures of the lab (exit 1): a real SQLite error,
// a real failed system call and a programming error stay failures inside `refusing`; what the checks throw
// in words becomes a Refusal with the same message; the lab's typed refusals are refusals anywhere.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { asRefusal, isLabFailure, isRefusal, LabUnavailable, Refusal, refusing, refusingAsync } from './refusal';
import { ImportError } from '../../../common/dataset-cache';
import { SplitError } from '../../../common/data/split';
import { RoleError } from '../datasets/registry';
import { NewerDatabaseError } from '../store/migrations';
import { parseNewRunConfig } from '../../../common/runs/new-run-config';
import { exitCodeOfError } from './exit-codes';
import * as cliExitCodes from '../../cli/exit-codes';
import { parseJson } from '../store/json';

const thrown = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } throw new Error('did not throw'); };

describe('refusals and failures of the lab', () => {
  it('a database error, a failed system call, a bug and a newer database pass through refusing unchanged', () => {
    const sqlite = thrown(() => new Database(':memory:').prepare('SELECT * FROM no_such_table').all());
    const io = thrown(() => readFileSync('/no/such/gatelab/file'));
    const bug = thrown(() => (undefined as unknown as { x: number }).x);
    const newer = new NewerDatabaseError('/lab/gatelab.sqlite', 40, 30);
    // a damaged lab database, or one open read-only after its check failed (store/database.ts, registry.ts)
    const unavailable = new LabUnavailable("Cannot import: The lab database '/lab/gatelab.sqlite' failed its integrity check");
    for (const e of [sqlite, io, bug, newer, unavailable]) {
      expect(isLabFailure(e)).toBe(true);
      expect(thrown(() => refusing(() => { throw e; }))).toBe(e);
      expect(isRefusal(e)).toBe(false);
    }
  });

  it('what a check throws in words becomes a Refusal with the same message; a config the schema refuses too', async () => {
    const words = thrown(() => refusing(() => { throw new Error('The ETT split needs 20 months of data'); }));
    expect(words).toBeInstanceOf(Refusal);
    expect((words as Error).message).toBe('The ETT split needs 20 months of data');
    const config = thrown(() => refusing(() => parseNewRunConfig({ epochs: 'many' })));
    expect(isRefusal(config)).toBe(true);
    expect((config as Error).message).toMatch(/epochs/);
    await expect(refusingAsync(async () => { throw new Error('No dataset \'x\''); })).rejects.toBeInstanceOf(Refusal);
    expect(refusing(() => 7)).toBe(7);
  });

  it("the lab's typed refusals are refusals wherever thrown; an import the lab failed is not", () => {
    expect(isRefusal(new SplitError('too few rows'))).toBe(true);
    expect(isRefusal(new RoleError('no column x'))).toBe(true);
    expect(isRefusal(new ImportError('ragged_row', 'line 3 has 2 fields', { file: 'a.csv', line: 3 }))).toBe(true);
    const internal = new ImportError('internal', 'the import worker exited', { file: 'a.csv' });
    expect([isRefusal(internal), isLabFailure(internal), asRefusal(internal)]).toEqual([false, true, internal]);
    expect(isRefusal(new Error('something'))).toBe(false); // untyped, outside refusing: not a refusal
  });

  it('exit codes: 1 for a lab that cannot write or a damaged row (even inside refusing), 2 for a refusal; the CLI uses the same', () => {
    const row = thrown(() => refusing(() => parseJson('{"epochs": ', null, 'runs.config of run 4')));
    expect(row).toBeInstanceOf(LabUnavailable);
    expect((row as Error).message).toMatch(/^Corrupt JSON in runs\.config of run 4 \(.*\): the lab database is damaged there/);
    expect(exitCodeOfError(row)).toBe(1);
    expect(exitCodeOfError(new LabUnavailable('Cannot rename: read-only'))).toBe(1);
    expect(exitCodeOfError(asRefusal(new Error('a dataset name has 1 to 120 characters')))).toBe(2);
    expect(cliExitCodes.exitCodeOfError).toBe(exitCodeOfError);
  });
});
