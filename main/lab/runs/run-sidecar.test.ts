// The reports read the files a trainer writes beside a run's checkpoints; a damaged or foreign-shaped file
// must leave the report with its headline metrics (null), never fail `gatelab show` or the Runs view.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { openLabStore, type LabStore } from '../store/index';
import { readRunSidecar } from './run-sidecar';

const Result = z.object({ step: z.number().int(), value: z.number() });

describe('readRunSidecar', () => {
  let home: string;
  let store: LabStore;
  let runId: number;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'gatelab-sidecar-'));
    store = openLabStore(join(home, 'lab.sqlite'));
    runId = store.runs.create({ config: {} });
  });
  afterEach(() => {
    store.close();
    rmSync(home, { recursive: true, force: true });
  });
  const checkpointIn = (folder: string, step: number, absolute = false) => {
    mkdirSync(join(home, folder), { recursive: true });
    const path = absolute ? join(home, folder, `${step}.ckpt`) : join(folder, `${step}.ckpt`);
    store.checkpoints.add({ runId, step, epoch: 1, kind: 'best', path, bytes: 1, metric: 0.1 });
  };

  it('finds the file in the folder of the run\'s checkpoints, relative to the lab home or absolute', () => {
    expect(readRunSidecar(store, runId, 'result.json', Result)).toBeNull(); // no checkpoints: no folder
    checkpointIn('runs/a', 10);
    expect(readRunSidecar(store, runId, 'result.json', Result)).toBeNull(); // not written yet
    writeFileSync(join(home, 'runs/a/result.json'), JSON.stringify({ step: 10, value: 0.25 }));
    expect(readRunSidecar(store, runId, 'result.json', Result)).toEqual({ step: 10, value: 0.25 });
    rmSync(join(home, 'runs/a/result.json'));
    checkpointIn('runs/b', 20, true);
    writeFileSync(join(home, 'runs/b/result.json'), JSON.stringify({ step: 20, value: 0.5 }));
    expect(readRunSidecar(store, runId, 'result.json', Result)).toEqual({ step: 20, value: 0.5 });
  });

  it('returns null for a damaged or wrong-shaped file instead of throwing, and falls through to a good copy', () => {
    checkpointIn('runs/a', 10);
    writeFileSync(join(home, 'runs/a/result.json'), '{"step": 10, "val'); // cut short by a crash
    expect(readRunSidecar(store, runId, 'result.json', Result)).toBeNull();
    writeFileSync(join(home, 'runs/a/result.json'), JSON.stringify({ step: 'ten', value: 1 })); // another shape
    expect(readRunSidecar(store, runId, 'result.json', Result)).toBeNull();
    checkpointIn('runs/b', 20);
    writeFileSync(join(home, 'runs/b/result.json'), JSON.stringify({ step: 20, value: 0.5 }));
    expect(readRunSidecar(store, runId, 'result.json', Result)).toEqual({ step: 20, value: 0.5 });
  });
});
