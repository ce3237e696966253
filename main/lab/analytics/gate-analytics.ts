// The lab's gate analytics: knockouts of a trained run (one, or "all gates one by one" as a background
// job with progress), and the gate report (JSON + HTML + per-feature CSV in the run's folder). Each job
// runs in an analytics process; results are files beside the run's checkpoints.
import { KnockoutRowsRequest, type Intervention, type KnockoutRowsResult, type KnockoutTable, type GateReport } from '../../../common/analytics';
import { featureImportanceCsv, gateNamesFromConfig } from '../../../common/analytics';
import type { LabStore, RunRecord } from '../store/index';
import type { RunFiles } from '../runs/run-files';
import { startAnalyticsJob, type JobHandle } from './analytics-process';
import type { WorkerLauncher } from './worker-launcher';
import { gateReportHtml } from './report-html';
import { readKnockouts, readReport, saveKnockouts, saveReport } from './results';
import { attentionPairFor } from './attention-pair';
import { runGates, runTarget } from './run-target';
import { assertOneKnockout, type KnockoutRequest } from './knockout-request';
import { ABLATED_NOTE, gatesOff } from '../../../common/analytics/ablation';

/** An ablated run (every gate off) has no gate to knock out: say so now instead of a job that fails with "its gates: (none)". */
function assertGatesOn(store: LabStore, runId: number): void {
  const run = store.runs.get(runId);
  if (run && gatesOff(run.config as Record<string, unknown>)) throw new Error(`run ${runId}: ${ABLATED_NOTE}`);
}

export type AnalyticsJobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface AnalyticsJobStatus {
  id: number;
  runId: number;
  kind: 'knockout' | 'report';
  state: AnalyticsJobState;
  done: number;
  total: number;
  label: string;
  error?: string;
}

export interface KnockoutOptions {
  /** Absent: every knockout of every gate. */
  interventions?: Intervention[];
  /** Keep only the knockouts of this gate / mode / expert. */
  only?: { gate?: string; mode?: Intervention['mode']; expert?: number };
  seed?: number;
  resamples?: number;
  onProgress?(done: number, total: number, label: string): void;
}

type Listener = (job: AnalyticsJobStatus) => void;

export class GateAnalytics {
  private readonly jobs = new Map<number, AnalyticsJobStatus>();
  private readonly queue: Array<() => Promise<void>> = [];
  private readonly listeners = new Set<Listener>();
  private running: JobHandle<unknown> | null = null;
  private nextId = 1;
  private busy = false;

  /** `launch`: how job processes start (default fork(); the desktop app passes utilityProcess ones). */
  constructor(private readonly store: LabStore, private readonly files: RunFiles, private readonly resolveDataset?: (run: RunRecord) => Record<string, unknown>, private readonly launch?: WorkerLauncher) {}

  /** Runs knockouts now; returns their table and merges it into the run's stored table (`knockouts`). */
  async knockout(runId: number, o: KnockoutOptions = {}): Promise<KnockoutTable> {
    assertGatesOn(this.store, runId);
    const t = runTarget(this.store, this.files, runId, this.resolveDataset);
    const handle = startAnalyticsJob({ kind: 'knockout', spec: t.spec, checkpoint: t.checkpoint, interventions: o.interventions, only: o.only, seed: o.seed ?? 0, resamples: o.resamples ?? 1000 }, { onProgress: o.onProgress }, this.launch);
    this.running = handle;
    try {
      const table = await handle.result;
      saveKnockouts(this.files, runId, table);
      return table;
    } finally {
      this.running = null;
    }
  }

  /**
   * One knockout on chosen test rows: each row's prediction as trained and with the gate forced, and the
   * gate's value on it (nothing is stored). The knockout is checked as `gatelab knockout` checks it, before
   * the job starts; rows outside the test split are refused by the job, in Try it's words.
   */
  async knockoutRows(runId: number, request: KnockoutRequest & { rows: number[] }): Promise<KnockoutRowsResult> {
    assertGatesOn(this.store, runId);
    const t = runTarget(this.store, this.files, runId, this.resolveDataset);
    const run = this.store.runs.get(runId)!;
    const gates = runGates(run.config);
    if (gates) assertOneKnockout(runId, gates, request, gateNamesFromConfig(run.config as Record<string, unknown>, run.dataSummary), run);
    // a model whose gates cannot be listed here is checked by the job; the request's shape is checked now (zod: a refusal)
    const rowsRequest = KnockoutRowsRequest.parse(Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)));
    return startAnalyticsJob({ kind: 'rows', spec: t.spec, checkpoint: t.checkpoint, rowsRequest }, {}, this.launch).result;
  }

  /** The stored knockout table of a run, if any. */
  knockouts(runId: number): KnockoutTable | null {
    return readKnockouts(this.files, runId);
  }

  /** Builds the gate report (with the stored knockout table and training-time expert load) and writes its files. */
  async report(runId: number, onProgress?: KnockoutOptions['onProgress'], o: { pairAttention?: boolean } = {}): Promise<{ report: GateReport; paths: { json: string; html: string; csv: string | null } }> {
    const t = runTarget(this.store, this.files, runId, this.resolveDataset);
    const loadOverTraining: Record<string, { step: number; load: number[]; firstStep?: number }[]> = {};
    // points an older GateLab stored as call means (migrations/0007): the HTML says which they are
    const loadFirstSteps: Record<string, Record<number, number | null>> = {};
    for (const { gate, stat } of this.store.metrics.gateNames(runId)) {
      if (stat !== 'load') continue;
      const points = this.store.metrics.gateStats(runId, gate, stat).filter((p) => p.vector);
      // an older run's call means carry their first step into the report's JSON, so the app can mark them too
      loadOverTraining[gate] = points.map((p) => ({ step: p.step, load: Array.from(p.vector!), ...(p.firstStep != null ? { firstStep: p.firstStep } : {}) }));
      loadFirstSteps[gate] = Object.fromEntries(points.map((p) => [p.step, p.firstStep]));
    }
    const knockout = readKnockouts(this.files, runId) ?? undefined;
    const handle = startAnalyticsJob({ kind: 'report', spec: t.spec, checkpoint: t.checkpoint, knockout, loadOverTraining }, { onProgress }, this.launch);
    const report = await handle.result;
    // gated attention: the same measure for the sibling run with the output gate switched (its report, made once)
    if (report.attention.length && o.pairAttention !== false) {
      report.attentionPair = await attentionPairFor(this.store.runs.get(runId)!, this.store.runs.list(),
        async (id) => readReport(this.files, id) ?? (await this.report(id, undefined, { pairAttention: false })).report);
    }
    // the data line names the columns the trainer left out: channels and fields are named by those it kept
    const names = gateNamesFromConfig(t.spec.config, this.store.runs.get(runId)?.dataSummary);
    return { report, paths: saveReport(this.files, runId, report, gateReportHtml(report, names, { ablated: gatesOff(t.spec.config), loadFirstSteps }), featureImportanceCsv(report)) };
  }

  /** "Knock out all gates one by one" as a background job; returns its id (see `job`, `subscribe`). */
  queueKnockoutAll(runId: number, o: Omit<KnockoutOptions, 'onProgress'> = {}): number {
    assertGatesOn(this.store, runId);
    runTarget(this.store, this.files, runId, this.resolveDataset); // fail now, not in the background, when the run cannot be analysed
    const status: AnalyticsJobStatus = { id: this.nextId++, runId, kind: 'knockout', state: 'queued', done: 0, total: 0, label: 'queued' };
    this.jobs.set(status.id, status);
    this.emit(status);
    this.queue.push(async () => {
      if (status.state === 'cancelled') return;
      Object.assign(status, { state: 'running', label: 'starting' });
      this.emit(status);
      try {
        await this.knockout(runId, { ...o, onProgress: (done, total, label) => { Object.assign(status, { done, total, label }); this.emit(status); } });
        if (status.state === 'running') status.state = 'done';
      } catch (e) {
        if (status.state === 'running') Object.assign(status, { state: 'failed', error: (e as Error).message });
      }
      this.emit(status);
    });
    void this.drain();
    return status.id;
  }

  job(id: number): AnalyticsJobStatus | undefined {
    const j = this.jobs.get(id);
    return j && { ...j };
  }

  jobsFor(runId: number): AnalyticsJobStatus[] {
    return [...this.jobs.values()].filter((j) => j.runId === runId).map((j) => ({ ...j }));
  }

  cancel(id: number): void {
    const j = this.jobs.get(id);
    if (!j || j.state === 'done' || j.state === 'failed') return;
    const wasRunning = j.state === 'running';
    j.state = 'cancelled';
    if (wasRunning) this.running?.cancel();
    this.emit(j);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.busy || this.queue.length) await new Promise((r) => setTimeout(r, 20));
  }

  private emit(j: AnalyticsJobStatus): void {
    for (const l of this.listeners) l({ ...j });
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length) await this.queue.shift()!();
    } finally {
      this.busy = false;
    }
  }
}
