// `gatelab export N` of a run whose every checkpoint is damaged: refused (exit 2, as `gatelab resume` refuses
// the same run) with why per file and the ways on; nothing is written or deleted, and once the file is
// restored the same command exports. Real temp lab home, in-process (testing/gatelab.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { addCheckpointedRun } from './testing/checkpointed-run';
import { labPaths } from '../lab/home';
import { openLabStore } from '../lab/store/index';

const home = mkdtempSync(join(tmpdir(), 'gatelab-export-damaged-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab export of a run whose every checkpoint is damaged', () => {
  it('is refused (2) naming each file and the next steps; nothing changes; restored, it exports', async () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const run = addCheckpointedRun(store, paths, { template: 'demo-gated', inputs: 8, hidden: 8, experts: 2, expertHidden: 4 });
    store.close();
    const best = join(paths.checkpoints, `run-${run}`, 'best.ckpt');
    const intact = readFileSync(best);
    writeFileSync(best, 'not a checkpoint');
    const out = join(home, 'model.onnx');

    const r = await gatelab(['export', String(run), '--out', out, '--home', home]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`gatelab export: run ${run} cannot be exported: every checkpoint it has is damaged ('checkpoints/run-${run}/best.ckpt' is not a GateLab checkpoint (bad magic)). `
      + 'Nothing was deleted: restore these files (from a backup, or once the drive that holds them is back) and export again, '
      + `or train the run again with the same settings: save the "config" of gatelab show ${run} --json to a file and run gatelab train --config FILE (in the app: Runs → New run from this)\n`);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(best, 'utf8')).toBe('not a checkpoint');

    writeFileSync(best, intact);
    const again = await gatelab(['export', String(run), '--out', out, '--home', home, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ run, path: out });
    expect(existsSync(out)).toBe(true);
  });
});
