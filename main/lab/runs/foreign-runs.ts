// Runs that another GateLab process trains on the same lab home (`gatelab train` in a terminal, a second
// app window's lab) send this lab no events: their rows would freeze at the step the list was read, and a
// pause requested here (which the owner carries out through the run's folder) would never show. This
// watcher reads such runs from the store about once a second and turns what changed into the same
// progress, metric and gate-statistics events the lab's own runs send (their gate panels fill in live too).
// A run another process (re)starts from a checkpoint (`gatelab resume N`) had its points past that step
// deleted by the claim (run-claim.ts): its progress event carries the step (restartStep), so the views drop
// the dead trainer's points there too, as they do for this lab's own resumes.
import type { GatePoints, MetricPoints, RunProgress } from '../../../common/lab-api';
import type { LabStore, RunRecord } from '../store/index';
import { restartOf } from './run-claim';

export interface ForeignRunsOptions {
  store: LabStore;
  /** True for runs this lab's own trainers run: they have live events already. */
  isLive(id: number): boolean;
  onProgress(p: RunProgress): void;
  onMetrics(m: MetricPoints): void;
  /** New gate statistics (mean openness, expert loads...), as trainer-link's 'gate-stats' events carry them. */
  onGateStats?(g: GatePoints): void;
  intervalMs?: number;
}

interface Seen {
  status: string;
  step: number;
  /** metric points up to this step were sent or loaded */
  metricStep: number;
  /** gate statistics up to this step were sent or loaded */
  gateStep: number;
  /** The run's last claim (run-claim.ts restartOf().claim): a new one is a restart. */
  lastClaim: string | null;
}

/** One pass: what changed since `seen` (updated in place) for running runs that are not live here. */
export function foreignRunChanges(o: Omit<ForeignRunsOptions, 'intervalMs'>, seen: Map<number, Seen>, first = false): void {
  const running = o.store.runs.list({ status: 'running' }).filter((r) => !o.isLive(r.id));
  // (ended runs stay in `seen`, unwatched, for their lastClaim: a paused trainer resumed is no restart)
  const watched = [...seen].filter(([, s]) => s.status === 'running').map(([id]) => id);
  const ids = new Set([...running.map((r) => r.id), ...watched]);
  for (const id of ids) {
    if (o.isLive(id)) { seen.delete(id); continue; } // this lab took it over (resumed here): its own events now
    const r = running.find((x) => x.id === id) ?? o.store.runs.get(id);
    if (!r) { seen.delete(id); continue; } // deleted
    const before = seen.get(id);
    const claim = restartOf(o.store, id);
    // (re)started since the last pass (newly running, or claimed again between two passes): the progress
    // goes first, so views drop their points past the restart step before the new trainer's arrive
    const restart = !first && r.status === 'running' && claim && claim.claim !== before?.lastClaim ? claim.step : null;
    if (restart !== null) o.onProgress({ ...progressOf(o.store, r), restartStep: restart });
    const resent = (step: number) => (restart !== null ? Math.min(step, restart) : step); // the replayed steps' points are sent again
    const metricStep = first ? r.step : sendMetrics(o, r, resent(before?.metricStep ?? -1));
    const gateStep = first ? lastGateStep(o.store, r.id) : sendGateStats(o, r, resent(before?.gateStep ?? -1));
    if (!first && restart === null && (!before || before.status !== r.status || before.step !== r.step)) o.onProgress(progressOf(o.store, r));
    // an ended run (completed, paused, failed...) is no longer watched: the event above said so once
    seen.set(id, { status: r.status, step: r.step, metricStep, gateStep, lastClaim: claim?.claim ?? null });
  }
}

/**
 * Throughput and ETA of a running run this lab does not follow live (trained by another process on the
 * same lab home, or started before a reload): its last stored samples/s and its stored total steps.
 */
export function storedThroughput(store: LabStore, r: RunRecord): { samplesPerSec: number | null; etaSec: number | null } {
  const samplesPerSec = store.metrics.lastValue(r.id, 'samples_per_sec');
  const batchSize = (r.config as { batchSize?: number } | null)?.batchSize;
  const etaSec = samplesPerSec && r.totalSteps !== null && batchSize ? Math.max(0, r.totalSteps - r.step) * batchSize / samplesPerSec : null;
  return { samplesPerSec, etaSec };
}

function progressOf(store: LabStore, r: RunRecord): RunProgress {
  const { samplesPerSec, etaSec } = r.status === 'running' ? storedThroughput(store, r) : { samplesPerSec: null, etaSec: null };
  return { id: String(r.id), status: r.status, step: r.step, totalSteps: r.totalSteps ?? null, samplesPerSec, etaSec, error: r.error?.split('\n--\n')[0] ?? null };
}

/** Sends the run's metric points stored after `after`; returns the last step sent. */
function sendMetrics(o: Omit<ForeignRunsOptions, 'intervalMs'>, r: RunRecord, after: number): number {
  const points: MetricPoints['points'] = [];
  let last = after;
  for (const name of o.store.metrics.names(r.id)) {
    const s = o.store.metrics.series(r.id, name, after + 1);
    s.steps.forEach((step, i) => {
      points.push({ name, step, value: s.values[i] });
      last = Math.max(last, step);
    });
  }
  // NaN (a stored null) cannot cross LabApi's JSON: the chart shows a gap without it
  const finite = points.filter((p) => Number.isFinite(p.value));
  if (finite.length) o.onMetrics({ id: String(r.id), points: finite });
  return last;
}

const lastGateStep = (store: LabStore, runId: number): number =>
  (store.db.prepare('SELECT max(step) AS step FROM run_gate_stats WHERE run_id = ?').get(runId) as { step: number | null }).step ?? -1;

/** Sends the run's gate statistics stored after step `after`; returns the last step sent. */
function sendGateStats(o: Omit<ForeignRunsOptions, 'intervalMs'>, r: RunRecord, after: number): number {
  if (!o.onGateStats) return after;
  // per statistic, a range of its primary key (run, gate, stat, step): a pass reads only the new points
  const since = o.store.db.prepare('SELECT step, value, vector FROM run_gate_stats WHERE run_id = ? AND gate = ? AND stat = ? AND step > ? ORDER BY step');
  const points: GatePoints['points'] = [];
  let last = after;
  for (const { gate, stat } of o.store.metrics.gateNames(r.id)) {
    for (const row of since.all(r.id, gate, stat, after) as Array<{ step: number; value: number | null; vector: Buffer | null }>) {
      last = Math.max(last, row.step);
      const vector = row.vector ? Array.from(new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength))) : null;
      // as for metrics: a non-finite number cannot cross LabApi's JSON (the trainer sends only finite ones)
      if (vector?.some((v) => !Number.isFinite(v))) continue;
      points.push({ step: row.step, gate, stat, value: row.value !== null && Number.isFinite(row.value) ? row.value : null, vector });
    }
  }
  if (points.length) o.onGateStats({ id: String(r.id), points: points.sort((a, b) => a.step - b.step) });
  return last;
}

/** Starts watching; returns stop. The first pass only notes what is running (the list and charts read the rest). */
export function watchForeignRuns(o: ForeignRunsOptions): () => void {
  const seen = new Map<number, Seen>();
  try { foreignRunChanges(o, seen, true); } catch { /* a busy or closing store: the next pass tries again */ }
  const timer = setInterval(() => {
    try { foreignRunChanges(o, seen); } catch { /* as above */ }
  }, o.intervalMs ?? 1000);
  timer.unref?.();
  return () => clearInterval(timer);
}
