// LabApi's analytics channels over the lab core's GateAnalytics (main/lab/analytics): built lazily on
// first use from the lab's store, run folders and dataset registry. Ids cross LabApi as strings.
import { LabError, type AnalyticsJobInfo, type AnalyticsJobs, type GateReportPaths, type RunKnockouts } from '../../../common/lab-api';
import { GateAnalytics, type AnalyticsJobStatus } from '../analytics/index';
import { RunFiles } from '../runs/run-files';
import type { LabPaths } from '../home';
import type { LabStore, RunRecord } from '../store/index';

const info = (j: AnalyticsJobStatus): AnalyticsJobInfo => ({
  id: j.id, runId: String(j.runId), kind: j.kind, state: j.state, done: j.done, total: j.total, label: j.label, error: j.error ?? null,
});

export class LabAnalytics {
  private core: GateAnalytics | null = null;

  constructor(private readonly store: LabStore | null, private readonly paths: LabPaths, private readonly resolveDataset?: (run: RunRecord) => Record<string, unknown>) {}

  knockouts(id: string): RunKnockouts {
    const { a, runId } = this.open(id);
    return { id, table: a.knockouts(runId) };
  }

  knockoutAll(id: string): AnalyticsJobInfo {
    const { a, runId } = this.open(id);
    const jobId = this.analysable(() => a.queueKnockoutAll(runId));
    return info(a.job(jobId)!);
  }

  jobs(id: string): AnalyticsJobs {
    const { a, runId } = this.open(id);
    return { id, jobs: a.jobsFor(runId).map(info) };
  }

  async report(id: string): Promise<GateReportPaths> {
    const { a, runId } = this.open(id);
    const { paths } = await this.analysable(() => a.report(runId));
    return { id, ...paths };
  }

  /** Cancels queued and running jobs (the lab is closing). */
  close(): void {
    if (!this.core) return;
    for (const run of new Set([...this.store!.runs.list()].map((r) => r.id))) for (const j of this.core.jobsFor(run)) this.core.cancel(j.id);
  }

  private open(id: string): { a: GateAnalytics; runId: number } {
    if (!this.store) throw new LabError('not-available', 'gate analytics need the lab store and run manager');
    const runId = /^\d+$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(runId) || !this.store.runs.get(runId)) throw new LabError('not-found', `no run '${id}'`);
    this.core ??= new GateAnalytics(this.store, new RunFiles(this.paths.checkpoints, this.paths.home), this.resolveDataset);
    return { a: this.core, runId };
  }

  /** A run that cannot be analysed yet (no checkpoint, dataset gone) is 'not-available', not an internal error. */
  private analysable<T>(f: () => T): T {
    try {
      const out = f();
      return out instanceof Promise ? (out.catch((e) => { throw wrap(e); }) as T) : out;
    } catch (e) {
      throw wrap(e);
    }
  }
}

const wrap = (e: unknown): LabError => (e instanceof LabError ? e : new LabError('not-available', (e as Error).message));
