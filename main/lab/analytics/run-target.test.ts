// A knockout or gate report of a run the lab does not have is refused in the words every verb uses for a
// missing run (refusal.ts noRun: the lab home it looked in), as a Refusal (exit 2 / a refusal in the app).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { RunFiles } from '../runs/run-files';
import { isRefusal } from '../runs/refusal';
import { runTarget } from './run-target';

const home = mkdtempSync(join(tmpdir(), 'gatelab-run-target-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('runTarget of a run the lab does not have', () => {
  it("says 'no run N in HOME (gatelab runs lists them)' as a refusal", () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    try {
      let error: unknown;
      try { runTarget(store, new RunFiles(paths.checkpoints, paths.home), 42); } catch (e) { error = e; }
      expect((error as Error).message).toBe(`no run 42 in ${home} (gatelab runs lists them)`);
      expect(isRefusal(error)).toBe(true);
    } finally {
      store.close();
    }
  });
});
