// The app's Export of a run whose every checkpoint is damaged (runs.export over the lab's real dispatch, as
// the Export view asks it): refused with why per file and the ways on, the same sentence `gatelab export`
// prints (export-run.ts is its one source); nothing is written or deleted, and the restored file exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../lab';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { checkpointedRun } from './testing/checkpointed-run';
import { exportFileName } from '../lab/export-names';
import { DEMO_VERSION } from '../datasets/demo-install';

let home: string;
let run: number;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-app-export-damaged-'));
  const store = openLabStore(labPaths(home).database);
  try {
    store.settings.set('demo.installedVersion', DEMO_VERSION); // no demo datasets: not what this is about
    run = checkpointedRun(store, labPaths(home), { template: 'demo-gated', inputs: 8, hidden: 8, experts: 2, expertHidden: 4 });
  } finally {
    store.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe("the app's export of a run whose every checkpoint is damaged", () => {
  it('says why per file and what to do (restore and export again, or train it again); nothing changes; restored, it exports', async () => {
    const paths = labPaths(home);
    const best = join(paths.checkpoints, `run-${run}`, 'best.ckpt');
    const intact = readFileSync(best);
    writeFileSync(best, 'not a checkpoint');
    const out = join(paths.exports, exportFileName(run, 'onnx'));
    const lab = await Lab.open({ home, face: 'test' });
    try {
      const reply = await lab.dispatch('runs.export', { id: String(run), format: 'onnx' });
      expect(reply).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message: `run ${run} cannot be exported: every checkpoint it has is damaged ('checkpoints/run-${run}/best.ckpt' is not a GateLab checkpoint (bad magic)). `
            + 'Nothing was deleted: restore these files (from a backup, or once the drive that holds them is back) and export again, '
            + `or train the run again with the same settings: save the "config" of gatelab show ${run} --json to a file and run gatelab train --config FILE (in the app: Runs → New run from this)`,
        },
      });
      expect(existsSync(out)).toBe(false);
      expect(readFileSync(best, 'utf8')).toBe('not a checkpoint');

      writeFileSync(best, intact);
      expect(await lab.dispatch('runs.export', { id: String(run), format: 'onnx' })).toMatchObject({ ok: true, result: { path: out } });
      expect(existsSync(out)).toBe(true);
    } finally {
      await lab.close();
    }
  });
});
