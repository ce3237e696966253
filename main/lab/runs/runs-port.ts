// The run manager behind the Lab facade's RunsPort (main/lab/lab/runs-port.ts): LabApi's runs channels
// and events over RunManager and the store. Ids cross LabApi as strings. Usage in Lab.open:
//   runs: openRunsPort({ store: lab.store, registry: lab.registry, paths })
import { exportFileName } from '../lab/export-names';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError, type GatePoints, type RunDetail, type RunProgress, type RunSummary, type MetricPoints, type Settings } from '../../../common/lab-api';
import { RunConfig } from '../../../common/runs/config';
import type { RunsPort } from '../lab/runs-port';
import type { LabStore, RunRecord, Series } from '../store/index';
import type { LabPaths } from '../home';
import type { DatasetRegistry } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { exportRun } from './export-run';
import { bestCheckpointStep, lastMetrics, reachedStep, validationMetrics } from './run-report';
import { detectExecutionProviders } from '../lab/system';
import { gatesOff } from '../../../common/analytics/ablation';
import { isRatingMetric, ratingUnitsOf } from '../../../common/runs/rating-units';
import { resumeNotes } from './resume-notes';
import { describeStop } from './stop-note';
import { testClassesOf } from './test-classes-report';
import { testChannelsOf } from './test-channels-report';
import { storedThroughput, watchForeignRuns } from './foreign-runs';
import { meanSamplesPerSec } from './mean-throughput';
import { withSplitSizes } from './split-sizes';

const RUN_KEYS = new Set(Object.keys(RunConfig.shape));
/** The stored throughput curve (one point per trainer call) the average speed comes from. */
const SPEED = 'samples_per_sec';
const meanOf = (curve: Series | undefined) => (curve ? meanSamplesPerSec(curve) : null);

export interface RunsPortOptions {
  store: LabStore;
  paths: LabPaths;
  registry?: DatasetRegistry;
  poolSize?: number;
  /**
   * The lab's settings, read when a run starts or is scheduled: new runs take the execution provider and
   * the threads per run from them unless their config says otherwise, and "Concurrent runs" sizes the
   * pool (unless poolSize is given).
   */
  settings?: () => Pick<Settings, 'executionProvider' | 'threads' | 'concurrentRuns'>;
  launcher?: ConstructorParameters<typeof RunManager>[0]['launcher'];
}

/**
 * The provider a new run asks for under the "Execution provider" setting: 'auto' tries CUDA only where
 * its provider library is installed, so a CPU-only machine does not record a CUDA fallback on every run.
 */
export function runProvider(setting: Settings['executionProvider'], cudaInstalled = detectExecutionProviders().some((p) => p.name === 'cuda' && p.available)): Settings['executionProvider'] {
  return setting === 'auto' && !cudaInstalled ? 'cpu' : setting;
}

/** LabApi's StartRuns.config mixes run fields (epochs, optimizer...) and model fields (lookback, gate...). */
export function runConfigOf(template: string, datasetId: string, config: Record<string, unknown>): Record<string, unknown> {
  const run: Record<string, unknown> = {};
  const model: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) (RUN_KEYS.has(k) ? run : model)[k] = v;
  const given = (run.data as object) ?? {};
  const data = datasetId === 'synthetic' ? { ...given, kind: 'synthetic' } : { ...given, kind: 'dataset', datasetId: Number(datasetId) };
  return { ...run, model: { ...((run.model as object) ?? {}), ...model, template }, data };
}

export function openRunsPort(o: RunsPortOptions): RunsPort {
  const { store } = o;
  const manager = new RunManager({
    store, paths: o.paths, poolSize: o.poolSize ?? (o.settings ? () => o.settings!().concurrentRuns : undefined), takeAnyQueued: true, launcher: o.launcher,
    resolveDataset: o.registry ? datasetResolver(o.registry) : undefined,
  });
  const live = new Map<number, { totalSteps: number; samplesPerSec: number; etaSec: number | null }>();
  manager.subscribe((e) => {
    if (e.type === 'progress') live.set(e.runId, { totalSteps: e.totalSteps, samplesPerSec: e.samplesPerSec, etaSec: e.etaSec });
    if (e.type === 'released') live.delete(e.runId);
  });
  // Runs another process trains on this lab home: their changes, read from the store, as events too.
  const foreignProgress = new Set<(p: RunProgress) => void>();
  const foreignMetrics = new Set<(m: MetricPoints) => void>();
  const foreignGates = new Set<(g: GatePoints) => void>();
  const stopForeign = watchForeignRuns({
    store, isLive: (id) => manager.isLive(id),
    onProgress: (p) => foreignProgress.forEach((l) => l(p)),
    onMetrics: (m) => foreignMetrics.forEach((l) => l(m)),
    onGateStats: (g) => foreignGates.forEach((l) => l(g)),
  });
  const must = (id: string): RunRecord => {
    const r = /^\d+$/.test(id) ? store.runs.get(Number(id)) : undefined;
    if (!r) throw new LabError('not-found', `no run '${id}'`);
    return r;
  };
  // A deleted dataset: the analytics, Try it (dataset-runs.ts datasetResolver) would fail only on click; the views disable them up front.
  const dataProblem = (datasetId: number | undefined) => datasetId == null || store.datasets.get(datasetId) ? null
    : `its dataset (id ${datasetId}) was deleted, so knockouts, the gate report and Try it have no test split to run on; import the file again and start a new run from this one`;
  // notes: the resume notes read once for a whole list (resume-notes.ts); speed: the run's average
  // training speed, read for a whole list in one query (list below)
  const summary = (r: RunRecord, notes = resumeNotes(store.settings), speed = meanSamplesPerSec(store.metrics.series(r.id, SPEED))): RunSummary => {
    const c = r.config as { model?: { template?: string }; data?: { datasetId?: number } };
    const l = live.get(r.id) ?? (r.status === 'running' ? { totalSteps: r.totalSteps, ...storedThroughput(store, r) } : undefined);
    const metrics: Record<string, number> = {};
    // val.* at the best checkpoint's step (bestStep: the tiles say "best val.loss (step 40)"), else the last
    const bestStep = bestCheckpointStep(store, r.id);
    for (const [k, v] of Object.entries(validationMetrics(store, r.id, bestStep ?? undefined))) metrics[`val.${k}`] = v;
    for (const [k, v] of Object.entries(lastMetrics(store, r.id, 'test.'))) metrics[`test.${k}`] = v;
    return {
      id: String(r.id), name: r.name ?? `run ${r.id}`, group: r.groupId, template: c.model?.template ?? '?',
      datasetId: c.data?.datasetId != null ? String(c.data.datasetId) : 'synthetic', status: r.status, seed: r.seed ?? 0,
      step: r.step, totalSteps: l?.totalSteps ?? r.totalSteps ?? null, device: r.provider ?? r.providerRequested ?? 'cpu', fallbackReason: r.fallbackReason,
      samplesPerSec: l?.samplesPerSec ?? null, meanSamplesPerSec: speed, etaSec: l?.etaSec ?? null, createdAt: r.createdAt, error: r.error?.split('\n--\n')[0] ?? null, metrics,
      gatesOff: gatesOff(r.config as Record<string, unknown> | null), resumeNote: notes[String(r.id)] ?? null,
      stopNote: describeStop(r.stop, r.config), bestStep, reachedStep: reachedStep(store, r), dataProblem: dataProblem(c.data?.datasetId),
      // MMoE's rating_* values are in rating points or (runs from before) scaled units: the views label the latter
      ...(Object.keys(metrics).some(isRatingMetric) || store.metrics.names(r.id).some(isRatingMetric) ? { ratingUnits: ratingUnitsOf(r.config) } : {}),
    };
  };
  // testClasses / testChannels: the per-class table and confusion matrix (classification) or the per-channel
  // errors (forecasting) the trainer wrote beside the checkpoints; null for other runs
  const detail = (r: RunRecord): RunDetail => ({
    ...summary(r), config: r.config as Record<string, unknown>, data: withSplitSizes(r.dataSummary ?? null),
    testClasses: testClassesOf(store, r.id), testChannels: testChannelsOf(store, r.id),
  });
  const series = (id: number, names?: string[], since = 0) => ({
    id: String(id),
    series: (names ?? store.metrics.names(id)).map((name) => {
      const s = store.metrics.series(id, name, since);
      return { name, steps: Array.from(s.steps), values: Array.from(s.values) };
    }),
  });
  const act = (f: () => void) => {
    try { f(); } catch (e) { throw e instanceof LabError ? e : new LabError('invalid-payload', (e as Error).message); }
  };
  return {
    available: true,
    start({ template, datasetId, config, seeds, name }) {
      try {
        const s = o.settings?.();
        const defaults = s ? { provider: runProvider(s.executionProvider), threads: s.threads } : {};
        const { groupId, runIds, warnings } = manager.createExperiment({ name, config: { ...defaults, ...runConfigOf(template, datasetId, config) }, seeds });
        // what the data checks said without refusing (too few windows): the app shows it beside Start
        return { runIds: runIds.map(String), group: seeds > 1 ? groupId : null, ...(warnings.length ? { warnings } : {}) };
      } catch (e) {
        throw new LabError('invalid-payload', (e as Error).message);
      }
    },
    list: () => {
      const notes = resumeNotes(store.settings);
      const runs = store.runs.list().reverse();
      const curves = store.metrics.seriesOfRuns(runs.map((r) => r.id), SPEED);
      return runs.map((r) => summary(r, notes, meanOf(curves.get(r.id))));
    },
    trainsHere: (id) => manager.isLive(Number(id)),
    get: (id) => detail(must(id)),
    pause: (id) => act(() => manager.pause(must(id).id)),
    resume: (id) => act(() => manager.resume(must(id).id)),
    cancel: (id) => act(() => manager.cancel(must(id).id)),
    // by id alone: a run whose stored row is damaged (left out of the list, named under it) can be deleted too
    delete: (id) => act(() => {
      if (!/^\d+$/.test(id) || !store.runs.plainColumns(Number(id))) throw new LabError('not-found', `no run '${id}'`);
      manager.delete(Number(id));
    }),
    metrics: (id, names, sinceStep) => series(must(id).id, names, sinceStep),
    compare: (ids) => {
      const runs = ids.map(must);
      return { runs: runs.map(detail), series: runs.map((r) => series(r.id)) };
    },
    export(id, format) {
      const run = must(id);
      if (format === 'onnx') {
        const r = exportRun(store, manager.files, run.id, join(o.paths.exports, exportFileName(run.id, 'onnx')));
        // the note says what the user must know about the file (another kept beside it, a checkpoint passed over)
        return { path: r.path, bytes: r.bytes, ...(r.note ? { note: r.note } : {}) };
      }
      if (format === 'metrics-csv') {
        const path = join(o.paths.exports, exportFileName(run.id, 'metrics-csv'));
        const lines = ['name,step,value'];
        for (const s of series(run.id).series) s.steps.forEach((step, i) => lines.push(`${JSON.stringify(s.name)},${step},${s.values[i]}`));
        const text = lines.join('\n') + '\n';
        writeFileSync(path, text);
        return { path, bytes: Buffer.byteLength(text) };
      }
      throw new LabError('not-available', 'the HTML run report is not built yet; export ONNX or the metrics CSV');
    },
    onProgress(listener: (p: RunProgress) => void) {
      foreignProgress.add(listener);
      const own = manager.subscribe((e) => {
        if (e.type === 'progress') listener({ id: String(e.runId), status: 'running', step: e.step, totalSteps: e.totalSteps, samplesPerSec: e.samplesPerSec, etaSec: e.etaSec, error: null });
        else if (e.type === 'status') {
          const r = store.runs.get(e.runId);
          if (r) listener({ id: String(r.id), status: r.status, step: r.step, totalSteps: live.get(r.id)?.totalSteps ?? null, samplesPerSec: null, etaSec: null, error: r.error?.split('\n--\n')[0] ?? null });
        }
      });
      return () => { own(); foreignProgress.delete(listener); };
    },
    onMetrics(listener: (m: MetricPoints) => void) {
      foreignMetrics.add(listener);
      // training points, and validation/test results as the val.* / test.* points trainer-link stores
      const own = manager.subscribe((e) => { if (e.type === 'metrics') listener({ id: String(e.runId), points: e.points }); });
      return () => { own(); foreignMetrics.delete(listener); };
    },
    // Gate statistics as they are stored (the app's gate panels grow with the run): this lab's trainers'
    // points (trainer-link's 'gate-stats' events) and those of runs other processes train (foreign-runs.ts).
    onGateStats(listener: (g: GatePoints) => void) {
      foreignGates.add(listener);
      const own = manager.subscribe((e) => {
        if (e.type === 'gate-stats') listener({ id: String(e.runId), points: e.points.map((p) => ({ step: p.step, gate: p.gate, stat: p.stat, value: p.value, vector: p.vector })) });
      });
      return () => { own(); foreignGates.delete(listener); };
    },
    // the queue waiting for a database that refuses writes (RunManager.onQueueHold): the Runs view's note
    onQueueHold: (listener) => manager.onQueueHold((h) => listener({ note: h?.note ?? null, since: h?.since ?? null })),
    settingsChanged: () => manager.schedule(),
    close: () => { stopForeign(); return manager.close(); },
  };
}
