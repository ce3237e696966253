// An open app (or serve) notices, from its control poll, a run another lab process was training when that
// process died (`gatelab train` killed): the run becomes 'interrupted', resumable, saying where resume
// continues. A run another live process trains, or one claimed a moment ago whose owner file is not written
// yet, is left alone. (Start-up recovery, quietMs 0, is covered by crash.test.ts with real kills.)
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore, type LabStore, type RunRecord } from '../store/index';
import { RunFiles } from './run-files';
import { interruptOrphanedRuns, type QueueHoldContext } from './queue-holds';

const config = { model: { template: 'demo-gated' }, data: { kind: 'synthetic' } };
let cleanup: (() => void)[] = [];
afterEach(() => { for (const f of cleanup.splice(0)) f(); });

function lab() {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-queue-holds-'));
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  cleanup.push(() => { store.close(); rmSync(home, { recursive: true, force: true }); });
  const files = new RunFiles(paths.checkpoints, paths.home);
  const ctx: QueueHoldContext = {
    store, files, isLive: () => false, isMine: () => false,
    transition: (id, status, update) => store.runs.setStatus(id, status, update),
  };
  /** A run another process claimed, its last write `quietMs` ago, its owner `pid` (null: no owner file yet). */
  const running = (quietMs: number, pid: number | null): number => {
    const id = store.runs.create({ config, seed: 1 });
    store.runs.setStatus(id, 'running', { step: 7 });
    store.db.prepare('UPDATE runs SET updated_at = ? WHERE id = ?').run(new Date(Date.now() - quietMs).toISOString(), id);
    if (pid !== null) writeFileSync(join(files.dir(id), 'owner.json'), JSON.stringify({ pid, since: new Date().toISOString() }));
    return id;
  };
  return { store, ctx, running };
}

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const get = (store: LabStore, id: number): RunRecord => store.runs.get(id)!;

describe("the control poll's recovery of runs whose owner died", () => {
  it('a run silent for longer than the quiet time with a dead owner is interrupted; a fresh claim and a live owner are left', () => {
    const { store, ctx, running } = lab();
    const dead = running(10_000, deadPid());
    const justClaimed = running(0, null); // another process claimed it a moment ago: its owner file comes next
    const alive = running(10_000, process.pid); // trained by a live process: silent for a while is no crash
    expect(interruptOrphanedRuns(ctx, 3000)).toEqual([dead]);
    expect(get(store, dead)).toMatchObject({ status: 'interrupted', step: 0 });
    expect(get(store, dead).error).toMatch(/^GateLab stopped while this run was training \(its last progress was at [^)]*\)\. It had no checkpoint yet: resume restarts from step 0\. Resume it: gatelab resume \d+$/);
    expect(ctx.files.liveOwner(dead)).toBeNull();
    expect(get(store, justClaimed).status).toBe('running');
    expect(get(store, alive).status).toBe('running');
    // at start-up (quiet time 0) nothing of this lab trains yet: the fresh claim without an owner is a dead one's
    expect(interruptOrphanedRuns(ctx)).toEqual([justClaimed]);
    expect(get(store, alive).status).toBe('running');
  });
});
