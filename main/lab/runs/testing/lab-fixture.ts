// Test helpers (test-only): a lab in a temp folder with a real store and run manager, the trainer
// processes of a home found in the process table, and waiting for an event.
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type LabStore } from '../../store/index';
import { labPaths, type LabPaths } from '../../home';
import { RunManager, type RunManagerOptions } from '../run-manager';
import type { RunEvent } from '../events';
import { decodeCheckpoint } from '../../../../common/runs/checkpoint-format';

export interface TestLab {
  home: string;
  paths: LabPaths;
  store: LabStore;
  manager: RunManager;
  close(): Promise<void>;
}

export function openTestLab(options: Partial<RunManagerOptions> = {}, home = mkdtempSync(join(tmpdir(), 'gatelab-runs-'))): TestLab {
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  const manager = new RunManager({ store, paths, poolSize: 2, ...options });
  return {
    home, paths, store, manager,
    async close() {
      await manager.close();
      store.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first event matching `pred`. */
export function nextEvent<E extends RunEvent>(m: RunManager, pred: (e: RunEvent) => e is E): Promise<E>;
export function nextEvent(m: RunManager, pred: (e: RunEvent) => boolean): Promise<RunEvent>;
export function nextEvent(m: RunManager, pred: (e: RunEvent) => boolean): Promise<RunEvent> {
  return new Promise((resolve) => {
    const off = m.subscribe((e) => {
      if (pred(e)) { off(); resolve(e); }
    });
  });
}

/** Pids of trainer processes started for this lab home (their command line carries the home). */
export function trainerPids(home: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(`--gatelab-trainer=`) && l.includes(`@${home}`)).map((l) => Number(l.trim().split(/\s+/)[0]));
}

/** Polls until no trainer of this home is left (or the timeout passes); returns the survivors. */
export async function waitNoTrainers(home: string, timeoutMs = 5000): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  let left = trainerPids(home);
  while (left.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    left = trainerPids(home);
  }
  return left;
}

/** The flat parameters of a run's newest checkpoint (by step), or of the given kind. */
export function checkpointParams(store: LabStore, home: string, runId: number, kind?: string): Float32Array | Float64Array {
  const c = store.checkpoints.forRun(runId).filter((x) => (kind ? x.kind === kind : x.kind !== 'best')).at(-1);
  if (!c) throw new Error(`run ${runId} has no ${kind ?? ''} checkpoint`);
  return decodeCheckpoint(readFileSync(join(home, c.path)), c.path).params;
}
