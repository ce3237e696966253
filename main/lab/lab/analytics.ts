// LabApi's analytics channels over the lab core's GateAnalytics (main/lab/analytics): built lazily on
// first use from the lab's store, run folders and dataset registry. Ids cross LabApi as strings.
// The job list is kept in the database (analytics_jobs): every status and progress change of a core job
// is written there, so it survives a restart; jobs left queued or running by a quit or a crash are
// marked 'interrupted' when the lab starts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LabError, type KnockoutRowsPayload, type RunKnockoutChoices, type RunKnockoutRows, type AnalyticsComparison, type AnalyticsJobInfo, type AnalyticsJobs, type GateReportData, type GateReportPaths, type RunKnockouts } from '../../../common/lab-api';
import type { GateReport } from '../../../common/analytics';
import { GateAnalytics, readKnockouts, readReport, type AnalyticsJobStatus } from '../analytics/index';
import type { WorkerLauncher } from '../analytics/worker-launcher';
import { RunFiles } from '../runs/run-files';
import { isRefusal } from '../runs/refusal';
import type { LabPaths } from '../home';
import type { AnalyticsJobRecord, LabStore, RunRecord } from '../store/index';
import { runFlops } from './analytics-compare';
import { runKnockoutChoices } from '../analytics/knockout-choices';
import { rowsRuleValues, withRuleValues } from '../analytics/rule-target-values';

export const INTERRUPTED_AT_START = 'the lab stopped (quit or crash) while this job was queued or running; run it again';
export const INTERRUPTED_AT_CLOSE = 'the lab closed while this job was queued or running; run it again';

const info = (j: AnalyticsJobRecord): AnalyticsJobInfo => ({
  id: j.id, runId: String(j.runId), kind: j.kind, state: j.status, done: j.done, total: j.total, label: j.label, error: j.error,
  createdAt: j.createdAt, updatedAt: j.updatedAt,
});

export class LabAnalytics {
  private core: GateAnalytics | null = null;
  private files: RunFiles | null = null;
  /** Core job id (per lab session) -> analytics_jobs row id (stable across restarts). */
  private readonly rows = new Map<number, number>();
  private closed = false;

  constructor(private readonly store: LabStore | null, private readonly paths: LabPaths, private readonly resolveDataset?: (run: RunRecord) => Record<string, unknown>, private readonly workers?: WorkerLauncher) {
    // Jobs whose lab died (quit, crash) say so instead of showing "running" forever; jobs another live
    // lab process on this home is running are left to it.
    if (store && !store.readOnly) store.analyticsJobs.interruptOrphaned(INTERRUPTED_AT_START);
  }

  knockouts(id: string): RunKnockouts {
    const { a, runId } = this.open(id);
    return { id, table: a.knockouts(runId) };
  }

  /**
   * Every knockout the run's gates allow (Try it's What if), with or without a stored table. A run whose model
   * cannot be rebuilt here to list its gates offers its stored table's knockouts, if it has one.
   */
  knockoutChoices(id: string): RunKnockoutChoices {
    const { a, runId } = this.open(id);
    const listed = runKnockoutChoices(runId, this.store!.runs.get(runId)!);
    if (listed) return { id, ...listed };
    const table = a.knockouts(runId);
    if (table?.rows.length) return { id, choices: table.rows.map(({ gate, kind, mode, expert }) => ({ gate, kind, mode, ...(expert !== undefined ? { expert } : {}) })), none: null };
    return { id, choices: [], none: `the lab could not rebuild run ${runId}'s model from its stored config to list its gates, and the run has no knockout table to offer instead` };
  }

  knockoutAll(id: string): AnalyticsJobInfo {
    const { a, runId } = this.open(id);
    if (this.store!.readOnly) throw new LabError('not-available', `the lab database is open read-only, so analytics jobs cannot be recorded: ${this.store!.notice ?? 'reopen the lab'}`);
    const jobId = this.analysable(() => a.queueKnockoutAll(runId));
    return info(this.store!.analyticsJobs.get(this.rows.get(jobId)!)!);
  }

  /**
   * One knockout on chosen test rows (Try it's What if): checked as `gatelab knockout --rows` checks it. Under
   * a label rule each row has its rule column's value, read as `gatelab knockout --rows` reads it.
   */
  async knockoutRows(id: string, request: Omit<KnockoutRowsPayload, 'id'>): Promise<RunKnockoutRows> {
    const { a, runId } = this.open(id);
    const result = await this.analysable(() => a.knockoutRows(runId, request));
    const run = this.store!.runs.get(runId);
    const values = run && this.resolveDataset ? await rowsRuleValues({ store: this.store!, paths: this.paths, resolveDataset: this.resolveDataset }, run, result) : undefined;
    return { id, ...withRuleValues(result, values) };
  }

  jobs(id: string): AnalyticsJobs {
    const { runId } = this.open(id);
    return { id, jobs: this.store!.analyticsJobs.forRun(runId).map(info) };
  }

  async report(id: string): Promise<GateReportPaths> {
    const { a, runId } = this.open(id);
    const { paths } = await this.analysable(() => a.report(runId));
    return { id, ...paths };
  }

  /** The stored gate report as data; with `generate`, writes it first when the run has none. */
  async reportData(id: string, generate: boolean): Promise<GateReportData> {
    const { a, runId } = this.open(id);
    const stored = this.storedReport(runId);
    if (stored) return { id, report: stored, paths: this.reportPaths(id, runId) };
    if (!generate) return { id, report: null, paths: null };
    const { report, paths } = await this.analysable(() => a.report(runId));
    return { id, report, paths: { id, ...paths } };
  }

  /** Per run: its knockout table and FLOPs per sample (measured by its gate report, else dense). */
  compare(ids: string[]): AnalyticsComparison {
    return {
      runs: ids.map((id) => {
        const { runId } = this.open(id);
        const run = this.store!.runs.get(runId)!;
        const knockout = this.hasResults(runId) ? readKnockouts(this.files!, runId) : null;
        return { id, knockout, flops: runFlops(run, this.storedReport(runId)) };
      }),
    };
  }

  /** The lab is closing: jobs in flight are marked interrupted (the user did not cancel them), then stopped. */
  close(): void {
    this.closed = true;
    if (!this.core || !this.store) return;
    const active = [...this.rows].filter(([core]) => /queued|running/.test(this.core!.job(core)?.state ?? ''));
    if (active.length && !this.store.readOnly) this.store.analyticsJobs.interruptUnfinished(INTERRUPTED_AT_CLOSE, active.map(([, row]) => row));
    for (const [core] of active) this.core.cancel(core);
  }

  private open(id: string): { a: GateAnalytics; runId: number } {
    if (!this.store) throw new LabError('not-available', 'gate analytics need the lab store and run manager');
    const runId = /^\d+$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(runId) || !this.store.runs.get(runId)) throw new LabError('not-found', `no run '${id}'`);
    if (!this.core) {
      this.files = new RunFiles(this.paths.checkpoints, this.paths.home);
      this.core = new GateAnalytics(this.store, this.files, this.resolveDataset, this.workers);
      this.core.subscribe((j) => this.record(j));
    }
    return { a: this.core, runId };
  }

  /** Writes a core job's status to its row (creating the row on its first report, i.e. when it is queued). */
  private record(j: AnalyticsJobStatus): void {
    if (this.closed || !this.store?.db.open || this.store.readOnly) return;
    const table = this.store.analyticsJobs;
    const row = this.rows.get(j.id);
    if (row === undefined) {
      const created = table.create(j.runId, j.kind, j.state);
      this.rows.set(j.id, created);
      table.update(created, { done: j.done, total: j.total, label: j.label, error: j.error ?? null });
      return;
    }
    table.update(row, { status: j.state, done: j.done, total: j.total, label: j.label, error: j.error ?? null });
  }

  /** gate-report.json of a run, or null (none yet, or written by an older GateLab in a shape this one cannot read). */
  private storedReport(runId: number): GateReport | null {
    if (!this.hasResults(runId)) return null;
    try {
      return readReport(this.files!, runId);
    } catch {
      return null;
    }
  }

  /** Whether the run has an analytics folder (reading results creates it, which Compare should not do for every run). */
  private hasResults(runId: number): boolean {
    return existsSync(join(this.files!.dir(runId), 'analytics'));
  }

  private reportPaths(id: string, runId: number): GateReportPaths {
    const dir = join(this.files!.dir(runId), 'analytics'); // where results.ts saveReport writes them
    const csv = join(dir, 'feature-importance.csv'); // only for models with feature gates (results.ts)
    return { id, html: join(dir, 'gate-report.html'), json: join(dir, 'gate-report.json'), csv: existsSync(csv) ? csv : null };
  }

  /** A run that cannot be analysed yet (no checkpoint, dataset gone) is 'not-available', not an internal error; a refused request is 'invalid-payload' (wrap). */
  private analysable<T>(f: () => T): T {
    try {
      const out = f();
      return out instanceof Promise ? (out.catch((e) => { throw wrap(e); }) as T) : out;
    } catch (e) {
      throw wrap(e);
    }
  }
}

/**
 * A request the lab refuses (What if's rows outside the test split, a gate the run does not have) is
 * 'invalid-payload', as runs.try refuses rows: the app shows it as the request's error, in the lab's words.
 * Anything else is a run that cannot be analysed yet (no checkpoint, dataset gone): 'not-available'.
 */
const wrap = (e: unknown): LabError => (e instanceof LabError ? e : new LabError(isRefusal(e) ? 'invalid-payload' : 'not-available', (e as Error).message));
