// Crash trials (test + bench): a run is trained by real `gatelab` CLI processes that are killed with
// SIGKILL at random moments; after each kill the database must pass integrity_check, no trainer may be
// left behind, and the run must come back as `interrupted`; `gatelab resume` continues it, and every run
// that completes must end with exactly the parameters of an uninterrupted run of the same config.
//
// When a kill lands: most are timed from the moment the run is seen training (its trainer's ready line on
// `--follow --json`), not from the spawn. A process spends most of its life starting (tsx, the module
// graph, the trainer's own start, ~3 s of CPU), and that start-up stretches with the machine's load: kills
// timed from the spawn missed the training altogether on a loaded machine. A share of the kills is still
// aimed at the start-up (the lab opening, the run created, requeued, claimed), timed from the spawn within
// the start-up time last seen, so those windows stay covered whatever the load.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  /** Kills aimed at a process's start-up (the rest landed after its run was seen training). */
  startupKills: number;
  completedChains: number;
  /** Problems found (empty when all is well). */
  problems: string[];
  statusesAfterKill: Record<string, number>;
}

export interface CrashOptions {
  kills: number;
  seed: number;
  /**
   * A kill aimed at the training lands this many ms after the run is seen training, drawn in [minMs, maxMs].
   * Once the uninterrupted run's training time is known, the upper end is capped at a third of it, whatever
   * the machine's speed: each resume gets a little further and a chain of runs takes several kills to
   * complete (a kill after the run's end would kill nothing, and each completed chain costs a process).
   */
  minMs: number;
  maxMs: number;
  /**
   * The share of kills aimed at a process's start-up instead (default 0.25: every 4th of a lane), timed from
   * its spawn, between 30% and 100% of the start-up time last seen (the store opening, the run created,
   * requeued, claimed, its trainer starting).
   */
  startupShare?: number;
  /**
   * Lab homes killed side by side (default 1), the kills shared between them. Each home is its own lab with
   * its own chain of runs; two keep both cores of a 2-core machine busy while each process mostly starts up.
   */
  lanes?: number;
  config: object;
  log?: (l: string) => void;
}

interface CliRun {
  killed: boolean;
  code: number | null;
  out: string;
  /** ms from the spawn to the run seen training (null: it never was). */
  startupMs: number | null;
  /** ms from the run seen training to the process's exit (null: it never trained). */
  trainingMs: number | null;
}

type KillPlan = { from: 'spawn' | 'training'; ms: number } | null;

/** The trainer's ready event under `--follow --json`: the run is training from here on. */
const isTrainingLine = (line: string): boolean => {
  if (!line.startsWith('{') || !line.includes('"provider"')) return false;
  try {
    const e = JSON.parse(line) as { type?: string; provider?: string };
    return e.type === 'status' && typeof e.provider === 'string';
  } catch {
    return false;
  }
};

/** `gatelab ARGS --follow` (ARGS include --json) in a child process, SIGKILLed as `kill` plans. */
function cli(args: string[], kill: KillPlan): Promise<CliRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args, '--follow'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let pending = '';
    let trainingAt: number | null = null;
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    const killIn = (ms: number) => { timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, ms); };
    if (kill?.from === 'spawn') killIn(kill.ms);
    child.stdout.on('data', (d) => {
      out += d;
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      if (trainingAt === null && lines.some(isTrainingLine)) {
        trainingAt = performance.now();
        if (kill?.from === 'training') killIn(kill.ms);
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const end = performance.now();
      resolve({ killed, code, out, startupMs: trainingAt === null ? null : trainingAt - t0, trainingMs: trainingAt === null ? null : end - trainingAt });
    });
  });
}

const sameParams = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

const withStore = <T>(database: string, f: (s: ReturnType<typeof openLabStore>) => T): T => {
  const s = openLabStore(database);
  try { return f(s); } finally { s.close(); }
};

/** What the lanes share: the reference's parameters and the timings seen so far. */
interface Shared {
  o: CrashOptions;
  cfg: string;
  reference: Promise<{ run: number; params: ArrayLike<number> }>;
  /** The uninterrupted run's training time, once the reference has finished. */
  trainingMs: number | null;
  /** The latest spawn-to-training time seen in any process. */
  startupMs: number | null;
  problems: string[];
  statuses: Record<string, number>;
  log: (l: string) => void;
}

function noteTimes(sh: Shared, r: CliRun): void {
  if (r.startupMs !== null) sh.startupMs = r.startupMs;
}

/** The reference: the same config trained once, never interrupted, in its own home. */
async function reference(home: string, cfg: string): Promise<{ run: number; params: ArrayLike<number>; result: CliRun }> {
  const r = await cli(['train', '--home', home, '--config', cfg, '--json'], null);
  const refRun = JSON.parse(r.out.trim().split('\n').at(-1)!) as { run: number; status: string };
  if (refRun.status !== 'completed') throw new Error(`the reference run did not complete: ${r.out.slice(-2000)}`);
  return { run: refRun.run, params: withStore(labPaths(home).database, (s) => checkpointParams(s, home, refRun.run)), result: r };
}

/** One lab home: train, kill, check, resume, until `kills` kills; the run left over is resumed to the end. */
async function lane(n: number, home: string, kills: number, sh: Shared): Promise<{ kills: number; startupKills: number; chains: number }> {
  const paths = labPaths(home);
  const db = paths.database;
  const random = splitmix32(sh.o.seed + n);
  const startupShare = sh.o.startupShare ?? 0.25;
  let done = 0, startupKills = 0, chains = 0;
  let current: number | null = null;
  const newestRun = () => withStore(db, (s) => s.runs.list().at(-1)?.id ?? 0);
  const finish = async (id: number) => {
    const ref = await sh.reference;
    const ok = withStore(db, (s) => s.runs.get(id)?.status === 'completed' && sameParams(checkpointParams(s, home, id), ref.params));
    if (!ok) sh.problems.push(`lane ${n}, run ${id}: completed after kills but its final parameters differ from the uninterrupted run ${ref.run}`);
    chains++;
    current = null;
  };
  while (done < kills) {
    // Every (1/startupShare)th kill of a lane is aimed at the start-up (once one has been timed): a fixed
    // schedule, so each run of the test covers those windows; only the moment is random.
    const atStartup = sh.startupMs !== null && Math.floor((done + 1) * startupShare) > Math.floor(done * startupShare);
    const share = random();
    const plan: KillPlan = atStartup
      // from 30% of the start-up on: before that the process is still loading modules, nothing touches the lab
      ? { from: 'spawn', ms: Math.round((0.3 + 0.7 * share) * sh.startupMs!) }
      : { from: 'training', ms: Math.round(sh.o.minMs + share * (Math.max(sh.o.minMs, Math.min(sh.o.maxMs, (sh.trainingMs ?? Infinity) / 3)) - sh.o.minMs)) };
    const args = current === null ? ['train', '--home', home, '--config', sh.cfg, '--json'] : ['resume', String(current), '--home', home, '--json'];
    const r = await cli(args, plan);
    noteTimes(sh, r);
    if (!r.killed) {
      if (r.code !== 0) sh.problems.push(`lane ${n}: 'gatelab ${args[0]}' exited with ${r.code} without being killed: ${r.out.slice(-500)}`);
      await finish(current ?? newestRun());
      continue;
    }
    done++;
    if (plan.from === 'spawn') startupKills++;
    const what = `lane ${n} kill ${done} (${args[0]}, ${plan.ms} ms after ${plan.from === 'spawn' ? 'the spawn' : 'training began'})`;
    const orphans = await waitNoTrainers(home, 5000);
    if (orphans.length) sh.problems.push(`${what}: trainer processes ${orphans.join(', ')} outlived their lab`);
    const raw = new Database(db, { readonly: true });
    const integrity = raw.pragma('integrity_check', { simple: true });
    raw.close();
    if (integrity !== 'ok') sh.problems.push(`${what}: integrity_check says ${String(integrity)}`);
    if (current === null) {
      // The run this train created, if the kill came late enough for it to exist.
      const newest = newestRun();
      if (newest > (withStore(db, (s) => s.runs.list().filter((x) => x.status === 'completed').at(-1)?.id) ?? 0)) current = newest;
    }
    if (current === null) { sh.statuses['not created'] = (sh.statuses['not created'] ?? 0) + 1; continue; }
    // The next lab to open finds the run: a run left 'running' must come back 'interrupted'.
    const id: number = current;
    const [before, after] = withStore(db, (s) => {
      const b = s.runs.get(id)!.status;
      const m = new RunManager({ store: s, paths });
      const a = s.runs.get(id)!.status;
      void m.close();
      return [b, a];
    });
    sh.statuses[`${before}->${after}`] = (sh.statuses[`${before}->${after}`] ?? 0) + 1;
    if (before === 'running' && after !== 'interrupted') sh.problems.push(`${what}: run ${id} was 'running' and came back '${after}', not 'interrupted'`);
    // a run killed while queued (between `resume`'s requeue and its claim) was queued by a process now
    // gone: the next lab holds it paused (holdOrphanedQueue) for the next resume; only a kill before the
    // command recorded itself on the run leaves it queued (for the app's queue, or gatelab resume)
    if (after === 'queued' && new RunFiles(paths.checkpoints, home).queuedBy(id) !== null) sh.problems.push(`${what}: run ${id} stayed 'queued' by the killed process`);
    if (!['interrupted', 'queued', 'paused', 'completed'].includes(after)) sh.problems.push(`${what}: run ${id} is '${after}' after the kill`);
    if (after === 'completed') await finish(id);
    sh.log(`${what}: run ${id} ${before} -> ${after}`);
  }
  if (current !== null) {
    const r = await cli(['resume', String(current), '--home', home, '--json'], null);
    if (r.code !== 0) sh.problems.push(`lane ${n}: final resume of run ${current} failed: ${r.out.slice(-500)}`);
    await finish(current);
  }
  return { kills: done, startupKills, chains };
}

export async function crashTrials(home: string, o: CrashOptions): Promise<CrashReport> {
  const cfg = join(home, 'crash-config.json');
  writeFileSync(cfg, JSON.stringify(o.config));
  const homeOf = (name: string) => { const h = join(home, name); mkdirSync(h, { recursive: true }); return h; };
  const lanes = Math.max(1, o.lanes ?? 1);
  const sh: Shared = { o, cfg, reference: null as never, trainingMs: null, startupMs: null, problems: [], statuses: {}, log: o.log ?? (() => {}) };
  // The reference trains alongside the first kills; a chain that completes waits for it.
  sh.reference = reference(homeOf('reference'), cfg).then((r) => {
    noteTimes(sh, r.result);
    sh.trainingMs = r.result.trainingMs;
    sh.log(`reference run: training began ${Math.round(r.result.startupMs ?? NaN)} ms after the spawn and took ${Math.round(r.result.trainingMs ?? NaN)} ms`);
    return r;
  });
  const settled = await Promise.allSettled([sh.reference, ...Array.from({ length: lanes }, (_, i) =>
    lane(i + 1, homeOf(`lane-${i + 1}`), Math.floor(o.kills / lanes) + (i < o.kills % lanes ? 1 : 0), sh))]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  const results = settled.slice(1).map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof lane>>>).value);
  const sum = (k: 'kills' | 'startupKills' | 'chains') => results.reduce((t, r) => t + r[k], 0);
  return { kills: sum('kills'), startupKills: sum('startupKills'), completedChains: sum('chains'), problems: sh.problems, statusesAfterKill: sh.statuses };
}
