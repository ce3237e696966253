// `gatelab resume 4 7 9` and `gatelab resume --all-interrupted`: each run resumed and reported on its own,
// one that cannot be resumed said and skipped (the others still train), and exit code 0 only when every
// run was resumed and completed. In-process (testing/gatelab.ts), with real trainer processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { resumeExitCode } from './resume';
import { openLabStore } from '../lab/store/index';
import { labPaths } from '../lab/home';
import { parseNewRunConfig } from '../../common/runs/new-run-config';
import type { RunStatus } from '../lab/store/index';

let home: string;
beforeAll(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-resume-')); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs of the demo model (a few steps each) left in these states, as a crash or a Ctrl-C leaves them. */
function runsLeft(...statuses: RunStatus[]): number[] {
  const store = openLabStore(labPaths(home).database);
  try {
    return statuses.map((status) => {
      const id = store.runs.create({ config: parseNewRunConfig({ epochs: 1, batchSize: 64, data: { kind: 'synthetic', samples: 512 } }), seed: 1 });
      store.runs.setStatus(id, status);
      return id;
    });
  } finally {
    store.close();
  }
}

const statusOf = async (id: number) => JSON.parse((await gatelab(['show', String(id), '--home', home, '--json'])).out).status as string;

describe('gatelab resume of several runs', () => {
  it('resumes each run it can, reports every one, and exits 2 when one was refused', async () => {
    const [a, b, done] = runsLeft('paused', 'interrupted', 'completed');
    const r = await gatelab(['resume', String(a), String(b), String(done), '999', String(a), '--home', home, '--json']);
    expect(r.code).toBe(2); // not 0: two of the four were not resumed
    const { runs } = JSON.parse(r.out.trim().split('\n').at(-1)!);
    expect(runs.map((x: { run: number; resumed: boolean; status: string }) => [x.run, x.resumed, x.status])).toEqual([
      [a, true, 'completed'], [b, true, 'completed'], [done, false, 'completed'], [999, false, null], // `a` twice: once
    ]);
    expect(runs[0].test.auc).toBeGreaterThan(0); // each resumed run's result, as `resume RUN --json` gives it
    expect(runs[2].error).toBe(`run ${done} is completed: only paused or interrupted runs can be resumed`);
    expect(runs[3].error).toBe(`no run 999 in ${home} (gatelab runs lists them)`);
  });

  it('--all-interrupted resumes every interrupted run (and not the paused one); 0 when all completed', async () => {
    const [x, y, paused] = runsLeft('interrupted', 'interrupted', 'paused');
    const r = await gatelab(['resume', '--all-interrupted', '--home', home]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^run ${x} completed at step 8: test `, 'm'));
    expect(r.out).toMatch(new RegExp(`^run ${y} completed at step 8: test `, 'm'));
    expect(await statusOf(paused)).toBe('paused');
    const none = await gatelab(['resume', '--all-interrupted', '--home', home]);
    expect([none.code, none.out.trim()]).toEqual([0, 'no interrupted run to resume (gatelab runs --status interrupted lists them)']);
    // a word that is not a run id resumes nothing
    const typo = await gatelab(['resume', String(paused), 'x7', '--home', home]);
    expect([typo.code, typo.err.trim()]).toEqual([2, "gatelab resume: 'x7' is not a run id; give one or more run ids (gatelab resume 4 7 9), or --all-interrupted (gatelab runs lists them)"]);
    expect(await statusOf(paused)).toBe('paused');
  });

  it('over several runs: a failure (1) outweighs a refusal (2), which outweighs a pause (3); 0 only when all completed', () => {
    expect(resumeExitCode([0, 3, 2, 1])).toBe(1);
    expect(resumeExitCode([0, 3, 2])).toBe(2);
    expect(resumeExitCode([3, 0])).toBe(3);
    expect(resumeExitCode([0, 0])).toBe(0);
  });
});
