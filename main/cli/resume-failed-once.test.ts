// `gatelab resume RUN` of a run that then fails says its error once, in the run's outcome line (as `gatelab
// train` does): before, the progress printer said "failed: …" as it happened and the outcome line said it
// again. In-process (testing/gatelab.ts), with a real trainer process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { openLabStore } from '../lab/store/index';
import { labPaths } from '../lab/home';
import { parseNewRunConfig } from '../../common/runs/new-run-config';

let home: string;
beforeAll(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-resume-failed-')); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A paused demo run; `lr` 1e30 sends its loss to NaN within its first steps: it fails when resumed. */
function pausedRun(lr = 1e-3): number {
  const store = openLabStore(labPaths(home).database);
  try {
    const id = store.runs.create({ config: parseNewRunConfig({ epochs: 1, batchSize: 64, optimizer: { lr }, data: { kind: 'synthetic', samples: 512 } }), seed: 1 });
    store.runs.setStatus(id, 'paused');
    return id;
  } finally {
    store.close();
  }
}

describe('gatelab resume of a run that fails', () => {
  it('prints the error once, in the outcome line, and exits 1', async () => {
    const id = pausedRun(1e30);
    const r = await gatelab(['resume', String(id), '--home', home]);
    expect(r.code).toBe(1);
    const outcome = new RegExp(`^run ${id} failed at step \\d+: (.+)$`, 'm').exec(r.out);
    expect(outcome, r.out).not.toBeNull();
    const error = outcome![1];
    // the error's words appear once in everything printed (stdout and stderr)
    expect(`${r.out}\n${r.err}`.split(error).length - 1).toBe(1);
    expect(r.out).not.toMatch(/^(run \d+: )?failed: /m);
  }, 60_000);

  it('with --json, stdout is the JSON alone and the run\'s data line goes to stderr, as train\'s does', async () => {
    const id = pausedRun();
    const r = await gatelab(['resume', String(id), '--home', home, '--json']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ run: id, status: 'completed' })]);
    expect(r.err).toMatch(/[\d,]+ parameters; /);
  }, 60_000);
});
