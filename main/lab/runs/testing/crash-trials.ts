// Crash trials (test + bench): a run is trained by real `gatelab` CLI processes that are killed with
// SIGKILL at random moments; after each kill the database must pass integrity_check, no trainer may be
// left behind, and the run must come back as `interrupted`; `gatelab resume` continues it, and every run
// that completes must end with exactly the parameters of an uninterrupted run of the same config.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openLabStore } from '../../store/index';
import { labPaths } from '../../home';
import { RunManager } from '../run-manager';
import { RunFiles } from '../run-files';
import { checkpointParams, waitNoTrainers } from './lab-fixture';
import { splitmix32 } from '../../../../common/runs/random';

const BIN = fileURLToPath(new URL('../../../../bin/gatelab.js', import.meta.url));

export interface CrashReport {
  kills: number;
  completedChains: number;
  /** Problems found (empty when all is well). */
  problems: string[];
  statusesAfterKill: Record<string, number>;
}

function cli(args: string[], killAfterMs: number | null): Promise<{ killed: boolean; code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let killed = false;
    const timer = killAfterMs === null ? null : setTimeout(() => { killed = true; child.kill('SIGKILL'); }, killAfterMs);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed, code, out });
    });
  });
}

const sameParams = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

export async function crashTrials(home: string, o: { kills: number; seed: number; minMs: number; maxMs: number; config: object; log?: (l: string) => void }): Promise<CrashReport> {
  const paths = labPaths(home);
  const cfg = join(home, 'crash-config.json');
  writeFileSync(cfg, JSON.stringify(o.config));
  const log = o.log ?? (() => {});
  const problems: string[] = [];
  const statuses: Record<string, number> = {};
  // The reference: the same config, never interrupted.
  const ref = await cli(['train', '--home', home, '--config', cfg, '--json'], null);
  const refRun = JSON.parse(ref.out.trim().split('\n').at(-1)!) as { run: number; status: string };
  if (refRun.status !== 'completed') throw new Error(`the reference run did not complete: ${ref.out}`);
  const withStore = <T>(f: (s: ReturnType<typeof openLabStore>) => T): T => {
    const s = openLabStore(paths.database);
    try { return f(s); } finally { s.close(); }
  };
  const refParams = withStore((s) => checkpointParams(s, home, refRun.run));
  const random = splitmix32(o.seed);
  let kills = 0, chains = 0;
  let current: number | null = null;
  const finish = (id: number) => {
    const ok = withStore((s) => s.runs.get(id)?.status === 'completed' && sameParams(checkpointParams(s, home, id), refParams));
    if (!ok) problems.push(`run ${id}: completed after kills but its final parameters differ from the uninterrupted run ${refRun.run}`);
    chains++;
    current = null;
  };
  while (kills < o.kills) {
    const delay = Math.round(o.minMs + random() * (o.maxMs - o.minMs));
    const args = current === null ? ['train', '--home', home, '--config', cfg, '--json'] : ['resume', String(current), '--home', home, '--json'];
    const r = await cli(args, delay);
    if (!r.killed) {
      if (r.code !== 0) problems.push(`'gatelab ${args[0]}' exited with ${r.code} without being killed: ${r.out.slice(-500)}`);
      const id = current ?? withStore((s) => s.runs.list().at(-1)!.id);
      finish(id);
      continue;
    }
    kills++;
    const orphans = await waitNoTrainers(home, 5000);
    if (orphans.length) problems.push(`kill ${kills} (${args[0]} at ${delay} ms): trainer processes ${orphans.join(', ')} outlived their lab`);
    const db = new Database(paths.database, { readonly: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    if (integrity !== 'ok') problems.push(`kill ${kills}: integrity_check says ${String(integrity)}`);
    if (current === null) {
      const newest = withStore((s) => s.runs.list().at(-1)!.id);
      if (newest !== refRun.run && newest > (withStore((s) => s.runs.list().filter((x) => x.status === 'completed').at(-1)?.id) ?? 0)) current = newest;
    }
    if (current === null) { statuses['not created'] = (statuses['not created'] ?? 0) + 1; continue; }
    // The next lab to open finds the run: a run left 'running' must come back 'interrupted'.
    const id: number = current;
    const [before, after] = withStore((s) => {
      const b = s.runs.get(id)!.status;
      const m = new RunManager({ store: s, paths });
      const a = s.runs.get(id)!.status;
      void m.close();
      return [b, a];
    });
    statuses[`${before}->${after}`] = (statuses[`${before}->${after}`] ?? 0) + 1;
    if (before === 'running' && after !== 'interrupted') problems.push(`kill ${kills}: run ${id} was 'running' and came back '${after}', not 'interrupted'`);
    // a run killed while queued (between `resume`'s requeue and its claim) was queued by a process now
    // gone: the next lab holds it paused (holdOrphanedQueue) for the next resume; only a kill before the
    // command recorded itself on the run leaves it queued (for the app's queue, or gatelab resume)
    if (after === 'queued' && new RunFiles(paths.checkpoints, home).queuedBy(id) !== null) problems.push(`kill ${kills}: run ${id} stayed 'queued' by the killed process`);
    if (!['interrupted', 'queued', 'paused', 'completed'].includes(after)) problems.push(`kill ${kills}: run ${id} is '${after}' after the kill`);
    if (after === 'completed') finish(id);
    log(`kill ${kills}: ${args[0]} after ${delay} ms, run ${id} ${before} -> ${after}`);
  }
  if (current !== null) {
    const r = await cli(['resume', String(current), '--home', home, '--json'], null);
    if (r.code !== 0) problems.push(`final resume of run ${current} failed: ${r.out.slice(-500)}`);
    finish(current);
  }
  return { kills, completedChains: chains, problems, statusesAfterKill: statuses };
}
