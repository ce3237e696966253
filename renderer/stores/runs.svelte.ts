// Runs: the queue/list, live progress and metric points pushed by the lab, and the series of the
// selected run. Points go into plain arrays (not deep-reactive) and a version counter tells charts to
// redraw: 10^6 points must not become 10^6 proxies. Every series stays in step order, one point a step:
// a run resumed from a checkpoint replays steps it had already logged, and its newer values win.
import { LabError, type GateSeries, type LabApi, type RunSummary, type Series } from '../../common/lab-api';
import type { GatesRequest as GatesRequestSchema } from '../../common/lab-api/runs';
import type { z } from 'zod';

export class RunsStore {
  list = $state<RunSummary[]>([]);
  error = $state<LabError | null>(null);
  loaded = $state(false);
  /** Bumped whenever `series` gains points. */
  version = $state(0);
  series = new Map<string, Map<string, { steps: number[]; values: number[] }>>();
  /** Gate statistics per run, keyed `gate/stat`. */
  gates = new Map<string, Map<string, GateSeries>>();
  /**
   * Why queued runs wait (the lab's database refuses writes: the cause and what to do, in one line), or
   * null. The lab repeats it while it lasts and says null once writes succeed (QueueHoldNote).
   */
  queueHold = $state<string | null>(null);
  /** One list refresh at a time for late progress events (they come in bursts). */
  private recheck: Promise<void> | null = null;
  /**
   * Runs that pushed a validation point since the list was read: their best val.* tiles (the list's metrics,
   * at the best checkpoint) may have moved. Only a status change read the list again, so a running run
   * showed no tiles until it ended or was paused and resumed. Read on its next progress report, by when the
   * trainer has written the epoch's checkpoint.
   */
  private validated = new Set<string>();

  constructor(private readonly lab: LabApi) {
    // A dataset deleted (here, in another window or by the CLI) turns its runs' gate buttons off with the
    // reason: the list carries that, so it is read again.
    lab.on('datasets.changed', () => void this.refresh());
    lab.on('runs.queueHold', ({ note }) => { this.queueHold = note; });
    lab.on('runs.progress', (p) => {
      const run = this.list.find((r) => r.id === p.id);
      // Another lab process restarted the run from its checkpoint (`gatelab resume N` while this window is
      // open): the lab deleted its points past that step; the held ones go too, whatever the row says now.
      if (p.restartStep !== undefined) this.dropAfter(p.id, p.restartStep);
      if (run && isSettled(run.status) && p.status === 'running') {
        // Every progress event says 'running'; one that arrives after the run ended (it was in flight)
        // must not flip a finished row back. A real resume is confirmed by asking the lab.
        this.recheck ??= this.refresh().finally(() => (this.recheck = null));
        return;
      }
      // queued -> running: the run (re)starts at p.step (its checkpoint, or 0); the lab deleted its points
      // past that step (a crashed trainer's), and the held ones must go too, or the replay mixes with them
      if (run && run.status === 'queued' && p.status === 'running') this.dropAfter(p.id, p.step);
      if (run) Object.assign(run, settle(p));
      if (this.validated.delete(p.id) && p.status === 'running') this.recheck ??= this.refresh().finally(() => (this.recheck = null));
      // A run that just ended has new test/validation metrics, and a run that stopped (ended, paused,
      // interrupted) its average speed in place of the live one it loses: fetch the list again for them.
      if (!run || isSettled(p.status)) void this.refresh();
    });
    lab.on('runs.gateStats', ({ id, points }) => {
      const byKey = this.gates.get(id) ?? new Map<string, GateSeries>();
      this.gates.set(id, byKey);
      for (const p of points) {
        const key = `${p.gate}/${p.stat}`;
        const s = byKey.get(key) ?? { gate: p.gate, stat: p.stat, steps: [], values: [], vectors: p.vector ? [] : null };
        byKey.set(key, s);
        // a step held already (loadGates read it just before it was pushed, or a resumed run replays it): replaced
        const i = placeOf(s.steps, p.step);
        const held = s.steps[i] === p.step ? 1 : 0;
        s.steps.splice(i, held, p.step);
        s.values.splice(i, held, p.value);
        if (s.vectors) s.vectors.splice(i, held, p.vector);
        // a pushed point is its step's own value (the trainer records per step), never an old call mean
        s.firstSteps?.splice(i, held, null);
      }
      this.version++;
    });
    lab.on('runs.metrics', ({ id, points }) => {
      if (points.some((p) => p.name.startsWith('val.'))) this.validated.add(id);
      const byName = this.series.get(id) ?? new Map();
      this.series.set(id, byName);
      for (const p of points) {
        const s = byName.get(p.name) ?? { steps: [], values: [] };
        byName.set(p.name, s);
        const i = placeOf(s.steps, p.step);
        const held = s.steps[i] === p.step ? 1 : 0;
        s.steps.splice(i, held, p.step);
        s.values.splice(i, held, p.value);
      }
      this.version++;
    });
  }

  /** Forgets the held points of a run past `step` (it restarted there): metrics and gate statistics. */
  private dropAfter(id: string, step: number): void {
    let dropped = false;
    for (const s of [...(this.series.get(id)?.values() ?? []), ...(this.gates.get(id)?.values() ?? [])]) {
      const keep = placeOf(s.steps, step + 1);
      if (keep === s.steps.length) continue;
      s.steps.length = keep;
      s.values.length = keep;
      if ('vectors' in s && s.vectors) s.vectors.length = keep;
      if ('firstSteps' in s && s.firstSteps) s.firstSteps.length = keep;
      dropped = true;
    }
    if (dropped) this.version++;
  }

  /**
   * Reads a run's stored gate statistics, each cut by the lab to at most `points` stored points (M4 per
   * step bucket: spikes and the last point kept; about 4 × the chart's width). Live points are then added
   * exactly as pushed.
   */
  async loadGates(id: string, points = GATE_POINTS): Promise<void> {
    const request: GatesRequest = { id, points };
    const g = await this.lab.invoke('runs.gates', request);
    const live = this.gates.get(id);
    const loaded = new Map(g.gates.map((s) => [`${s.gate}/${s.stat}`, s]));
    // As loadMetrics: points pushed while the request was out are kept past each series' last stored step.
    for (const [key, l] of live ?? []) {
      const s = loaded.get(key) ?? { gate: l.gate, stat: l.stat, steps: [], values: [], vectors: l.vectors ? [] : null };
      const last = s.steps.at(-1) ?? -Infinity;
      l.steps.forEach((step, i) => {
        if (step <= last) return;
        s.steps.push(step);
        s.values.push(l.values[i]);
        if (s.vectors) s.vectors.push(l.vectors?.[i] ?? null);
        s.firstSteps?.push(null); // a pushed point: its step's own value
      });
      if (s.steps.length) loaded.set(key, s);
    }
    this.gates.set(id, loaded);
    this.version++;
  }

  async refresh(): Promise<void> {
    try {
      this.list = (await this.lab.invoke('runs.list', {})).map(settle);
      this.error = null;
    } catch (e) {
      this.error = LabError.from(e);
    } finally {
      this.loaded = true;
    }
  }

  async loadMetrics(id: string): Promise<Series[]> {
    const m = await this.lab.invoke('runs.metrics', { id });
    const live = this.series.get(id);
    const loaded = new Map(m.series.map((s) => [s.name, { steps: [...s.steps], values: [...s.values] }]));
    // Points pushed while the request was out may not be in the store yet (it writes every ~100 ms):
    // keep the live ones past the last stored step instead of dropping them until the next reload.
    for (const [name, l] of live ?? []) {
      const s = loaded.get(name) ?? { steps: [], values: [] };
      const last = s.steps.at(-1) ?? -Infinity;
      l.steps.forEach((step, i) => { if (step > last) { s.steps.push(step); s.values.push(l.values[i]); } });
      if (s.steps.length) loaded.set(name, s);
    }
    this.series.set(id, loaded);
    this.version++;
    return m.series;
  }

  async control(id: string, action: RunAction): Promise<void> {
    try {
      await this.lab.invoke(`runs.${action}`, { id });
      this.error = null;
      // Resuming leaves a settled status: take the lab's word for the new one (later progress is then applied);
      // a deleted run leaves the list.
      if (action === 'resume' || action === 'delete') await this.refresh();
    } catch (e) {
      this.error = LabError.from(e);
    }
  }
}

/** Where `step` goes in ascending `steps`: the index of the first step >= it (live points: nearly always the end). */
export function placeOf(steps: number[], step: number): number {
  if (!steps.length || steps[steps.length - 1] < step) return steps.length;
  let lo = 0, hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `runs.gates` request (common/lab-api/runs.ts GatesRequest). */
type GatesRequest = z.input<typeof GatesRequestSchema>;
/**
 * Points per gate statistic asked for by default: 4 per pixel (M4 draws a bucket's envelope exactly) of a
 * gate panel about 400 px wide (RunsView lays them out at least 300 px wide). A 20,000-step run then sends
 * at most 1,600 points per statistic instead of 20,000.
 */
export const GATE_POINTS = 1600;

export type RunAction = 'pause' | 'resume' | 'cancel' | 'delete';
/** Runs that can be deleted from the table: ended, not held by a trainer. */
export const DELETABLE: readonly RunSummary['status'][] = ['completed', 'failed', 'cancelled', 'interrupted'];

/** Statuses a run stays in until the user acts (resume) or for good: progress no longer applies. */
export const SETTLED = ['completed', 'failed', 'cancelled', 'interrupted', 'paused'] as const;
export const isSettled = (status: RunSummary['status']): boolean => (SETTLED as readonly string[]).includes(status);

/** A settled run has no throughput or ETA: the last values of its training must not linger on the row. */
export function settle<T extends Pick<RunSummary, 'status' | 'samplesPerSec' | 'etaSec'>>(r: T): T {
  return isSettled(r.status) ? { ...r, samplesPerSec: null, etaSec: null } : r;
}
