// The Lab: LabApi implemented in plain Node over the lab core (dataset store, run manager, exports).
// Electron's IPC and serve mode's WebSocket both call `lab.dispatch(channel, payload)`; events go out
// through `lab.onEvent`. Parts of the core that are not built yet answer with a 'not-available' error.
import { exportedFiles } from './lab/exported-files';
import { LabError, type EventChannel, type EventData, type LabHandlers, type LabelRule, type SystemInfo } from '../../common/lab-api';
import { dispatch, type Reply } from '../../common/lab-api/dispatch';
import { labPaths, type LabPaths } from './home';
import type { DatasetsPort } from './lab/datasets-port';
import { missingRuns, type RunsPort } from './lab/runs-port';
import { Imports } from './lab/imports';
import { Uploads } from './lab/uploads';
import { LabSettings, memoryTable, type KeyValueTable } from './lab/settings';
import { cores, detectExecutionProviders, labWarnings } from './lab/system';
import { listGateKinds } from './lab/gates';
import { listTemplates, sizeOf } from './lab/templates';
import { openLabStore } from './lab/store-datasets';
import { openRunsPort } from './runs/runs-port';
import { storedGates } from './lab/gate-stats';
import { compareRuns } from './lab/compare-gates';
import { damagedRows } from './lab/damaged-rows';
import type { LabStore } from './store/index';
import type { TrainerLauncher } from './runs/trainer-process';
import type { WorkerLauncher } from './analytics/worker-launcher';
import { PausedAtQuit } from './lab/paused-at-quit';
import { TryIt } from './lab/try-it';
import { LabAnalytics } from './lab/analytics';
import { exportGateReport } from './lab/export-gate-report';
import { LabelRules } from './lab/label-rules';
import { checkPositiveRule } from './lab/positive-rule';
import { pointsAt } from './lab/compare-series';
import { writeRunReport } from './lab/report';
import { LabSplits } from './lab/splits';
import { datasetResolver } from './runs/dataset-runs';
import type { RunRecord } from './store/index';

/** The dataset's target column, or undefined: what a label rule is about. */
const targetOf = (detail: { columnInfo: readonly { name: string; role: string }[] }) => detail.columnInfo.find((c) => c.role === 'target')?.name;

export interface LabOptions {
  /** --home DIR; default $GATELAB_HOME or the app-data folder. */
  home?: string;
  face: SystemInfo['face'];
  version?: string;
  /** Inject a dataset store (tests); default: the lab's SQLite store under `home`. */
  datasets?: DatasetsPort;
  /** The run manager; default: the lab's own (trainer processes over the store). Tests and benches inject one. */
  runs?: RunsPort;
  /** How the lab's run manager starts trainers; default fork(). The desktop app passes utilityProcess trainers. */
  launcher?: TrainerLauncher;
  /** How Try it and gate analytics start their worker processes; default fork(). The desktop app passes utilityProcess ones. */
  workers?: WorkerLauncher;
}

type Listener = (event: EventChannel, data: unknown) => void;

export class Lab {
  readonly paths: LabPaths;
  private readonly listeners = new Set<Listener>();
  private readonly datasets: DatasetsPort;
  private readonly runs: RunsPort;
  private readonly uploads: Uploads;
  private readonly imports: Imports;
  private readonly settings: LabSettings;
  private readonly pausedAtQuit: PausedAtQuit;
  private readonly tryIt: TryIt;
  private readonly labels: LabelRules;
  private readonly analytics: LabAnalytics;
  private readonly splits: LabSplits;
  /** Stops the watcher of other processes' dataset changes. */
  private readonly stopForeignDatasets: () => void;
  /** Set when the database failed its start-up check and is open read-only: what to tell the user. */
  readonly notice: string | undefined;
  readonly handlers: LabHandlers;

  private constructor(opts: LabOptions, datasets: DatasetsPort, settings: KeyValueTable, notice: string | undefined, private readonly store: LabStore | null, resolveDataset?: (run: RunRecord) => Record<string, unknown>) {
    this.paths = labPaths(opts.home);
    this.datasets = datasets;
    this.runs = opts.runs ?? missingRuns;
    this.runs.onProgress((p) => this.emit('runs.progress', p));
    this.runs.onMetrics((m) => this.emit('runs.metrics', m));
    this.runs.onGateStats?.((g) => this.emit('runs.gateStats', g));
    this.runs.onQueueHold?.((h) => this.emit('runs.queueHold', h));
    // Beside the runs other processes train on this lab home (the runs port watches those), the datasets
    // they import, delete or edit there (`gatelab import`, `gatelab train --dataset`): reported like this
    // lab's own imports, so open windows list them live. Stopped by close(), before the store closes.
    this.stopForeignDatasets = datasets.watchForeign?.((id) => this.emit('datasets.changed', { id })) ?? (() => {});
    this.notice = notice;
    this.uploads = new Uploads(this.paths.home);
    this.settings = new LabSettings(settings);
    this.pausedAtQuit = new PausedAtQuit(settings, this.runs);
    this.labels = new LabelRules(settings);
    this.tryIt = new TryIt(store, this.runs, resolveDataset, opts.workers, this.paths);
    this.analytics = new LabAnalytics(store, this.paths, resolveDataset, opts.workers);
    this.splits = new LabSplits(store, this.paths);
    this.imports = new Imports(datasets, (p) => this.emit('import.progress', p), (id) => this.emit('datasets.changed', { id }));
    this.handlers = this.buildHandlers(opts);
  }

  static async open(opts: LabOptions): Promise<Lab> {
    if (opts.datasets) return new Lab({ ...opts, runs: opts.runs ?? missingRuns }, opts.datasets, memoryTable(), undefined, null);
    const paths = labPaths(opts.home);
    const store = await openLabStore(paths);
    const settings = new LabSettings(store.settings);
    const runs = opts.runs ?? openRunsPort({ store: store.lab.store, registry: store.lab.registry, paths, launcher: opts.launcher, settings: () => settings.read() });
    return new Lab({ ...opts, runs }, store.datasets, store.settings, store.notice, store.lab.store, datasetResolver(store.lab.registry));
  }

  /** Validates and runs one request; never throws (errors come back as `{ ok: false }`). */
  dispatch(channel: unknown, payload: unknown): Promise<Reply> {
    return dispatch(this.handlers, channel, payload);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventChannel>(event: E, data: EventData<E>): void {
    for (const l of this.listeners) l(event, data);
  }

  /** Stops imports and uploads, lets the run manager interrupt its runs and flush metrics, stops watching other processes' datasets, then closes the store. */
  async close(): Promise<void> {
    this.imports.cancelAll();
    this.uploads.cancelAll();
    this.analytics.close();
    await this.runs.close();
    this.stopForeignDatasets();
    this.datasets.close();
    this.listeners.clear();
  }

  /**
   * The desktop app's quit: running runs are paused (each trainer writes a pause checkpoint), remembered so
   * the next start offers to resume them, then the lab closes. A run that does not pause within
   * `timeoutMs` is interrupted by close() instead (resumable from its last checkpoint).
   */
  async quitGracefully(timeoutMs = 15_000): Promise<string[]> {
    const paused = await this.pausedAtQuit.pauseRunning(timeoutMs);
    await this.close();
    return paused;
  }

  private withLabel<T extends { id: string }>(detail: T): T & { label?: LabelRule } {
    const label = this.labels.get(detail.id);
    return label ? { ...detail, label } : detail;
  }

  private buildHandlers(opts: LabOptions): LabHandlers {
    const d = this.datasets;
    const r = this.runs;
    const ok = { ok: true as const };
    return {
      'datasets.list': () => d.list(),
      'datasets.get': async ({ id }) => this.withLabel(await d.get(id)),
      'datasets.preview': ({ id, offset, limit }) => d.preview(id, offset, limit),
      'datasets.setRoles': async ({ id, roles, modalities, label }) => {
        const before = await d.get(id);
        if (label?.positive != null) checkPositiveRule(before, roles, label);
        const detail = await d.setRoles(id, roles, modalities);
        if (label) this.labels.set(id, label);
        // a rule is about one column's values: a new target sent without a rule drops the old one (the app and
        // the CLI drop it themselves; any other client of serve would leave it to fail or mislead later runs)
        else if (this.labels.get(id) && targetOf(before) !== targetOf(detail)) this.labels.set(id, { positiveAtLeast: null, positive: null });
        this.emit('datasets.changed', { id });
        return this.withLabel(detail);
      },
      'datasets.remove': async ({ id }) => {
        await d.remove(id);
        this.emit('datasets.changed', { id: null });
        return ok;
      },
      'datasets.setTypes': async ({ id, types, onInvalid }) => {
        if (!d.setTypes) throw new LabError('not-available', 'changing column types needs the lab\'s dataset store');
        const changed = await d.setTypes(id, types, onInvalid);
        this.emit('datasets.changed', { id });
        return { ...changed, dataset: this.withLabel(changed.dataset) };
      },
      'datasets.rename': ({ id, name }) => {
        if (!d.rename) throw new LabError('not-available', 'renaming needs the lab\'s dataset store');
        const renamed = d.rename(id, name);
        this.emit('datasets.changed', { id });
        return renamed;
      },
      'datasets.import': ({ path, name, onInvalid }) => ({ importId: this.imports.start(path, { name, onInvalid }) }),
      'splits.list': ({ datasetId }) => this.splits.list(datasetId),
      'splits.create': ({ datasetId, name, spec }) => this.splits.create(datasetId, name, spec),
      'splits.delete': ({ datasetId, id }) => this.splits.delete(datasetId, id),
      'import.begin': ({ name, size }) => ({ uploadId: this.uploads.begin(name, size) }),
      'import.chunk': ({ uploadId, offset, data }) => ({ received: this.uploads.chunk(uploadId, offset, data) }),
      'import.finish': ({ uploadId, name, onInvalid }) => {
        const file = this.uploads.finish(uploadId);
        return { importId: this.imports.start(file.path, { name, displayName: file.name, temporary: true, onInvalid }) };
      },
      'import.cancel': ({ importId }) => {
        if (!this.imports.cancel(importId) && !this.uploads.cancel(importId)) throw new LabError('not-found', `no import or upload '${importId}' in progress`);
        return ok;
      },
      'templates.list': () => listTemplates(),
      'gates.list': () => listGateKinds(),
      'models.size': ({ template, config }) => sizeOf(template, config),
      // The dataset's label rule and split seed are filled in by the run manager (main/lab/runs/dataset-defaults.ts).
      'runs.start': (req) => r.start(req),
      'runs.list': () => r.list(),
      'runs.get': ({ id }) => r.get(id),
      'runs.pause': async ({ id }) => (await r.pause(id), ok),
      'runs.resume': async ({ id }) => (await r.resume(id), ok),
      'runs.cancel': async ({ id }) => (await r.cancel(id), ok),
      'runs.delete': async ({ id }) => (await r.delete(id), ok),
      'runs.metrics': ({ id, names, sinceStep }) => r.metrics(id, names, sinceStep),
      'runs.gates': ({ id, points }) => {
        if (r.gates) return r.gates(id);
        if (!this.store || !r.available) throw new LabError('not-available', 'gate statistics need the run manager');
        // points: the app's panels ask for ~4 per pixel (thinned per step bucket); Compare and reports read all
        return storedGates(this.store, id, points);
      },
      'runs.pausedAtQuit': ({ clear }) => this.pausedAtQuit.take(clear ?? false),
      // metrics and gate statistics, decimated for display (compare-gates.ts)
      'runs.compare': ({ ids, points }) => compareRuns((x) => r.compare(x), (id) => this.handlers['runs.gates']({ id }), ids, points),
      'runs.pointsAt': ({ ids, name, step }) => pointsAt(r, ids, name, step),
      'runs.export': async ({ id, format }) => {
        if (format === 'gate-report') return exportGateReport(this.paths.exports, id, await this.analytics.report(id));
        if (format !== 'report') return r.export(id, format);
        // The self-contained HTML report is the app's (main/lab/lab/report*): curves, metrics, config, gates.
        const run = await r.get(id);
        const series = (await r.metrics(id)).series;
        const gates = await this.handlers['runs.gates']({ id });
        let datasetName: string | undefined;
        try { datasetName = run.datasetId === 'synthetic' ? undefined : (await d.get(run.datasetId)).name; } catch { /* deleted since */ }
        return writeRunReport(this.paths.exports, run, series, gates.gates, datasetName);
      },
      'runs.exports': () => exportedFiles(this.paths.exports),
      'runs.try': ({ id, rows }) => this.tryIt.predict(id, rows),
      'analytics.knockouts': ({ id }) => this.analytics.knockouts(id),
      'analytics.knockoutChoices': ({ id }) => this.analytics.knockoutChoices(id),
      'analytics.knockoutRows': ({ id, ...request }) => this.analytics.knockoutRows(id, request),
      'analytics.knockoutAll': ({ id }) => this.analytics.knockoutAll(id),
      'analytics.jobs': ({ id }) => this.analytics.jobs(id),
      'analytics.report': ({ id }) => this.analytics.report(id),
      'analytics.reportData': ({ id, generate }) => this.analytics.reportData(id, generate ?? false),
      'analytics.compare': ({ ids }) => this.analytics.compare(ids),
      'settings.get': () => this.settings.read(),
      'settings.set': (patch) => {
        const next = this.settings.write(patch);
        this.runs.settingsChanged?.();
        return next;
      },
      'lab.damaged': () => damagedRows(this.store),
      'system.info': () => ({
        version: opts.version ?? '0.1.0',
        face: opts.face,
        platform: `${process.platform}-${process.arch}`,
        cores: cores(),
        home: this.paths.home,
        executionProviders: detectExecutionProviders(),
        unavailable: r.available ? [] : ['runs'],
        notice: this.notice ?? null,
        ...labWarnings(this.store),
      }),
    };
  }
}
