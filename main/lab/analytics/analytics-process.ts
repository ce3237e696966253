// Runs one analytics job in its own process (workers/analytics/entry.ts, started by the lab's worker
// launcher: fork with tsx, or a utilityProcess in the desktop app): session.run never blocks the lab's
// thread, and a native fault costs one job.
import { fileURLToPath } from 'node:url';
import { FromAnalytics, type AnalyticsJob, type GateReport, type KnockoutRowsResult, type KnockoutTable } from '../../../common/analytics';
import { Refusal } from '../runs/refusal';
import { parseMessage } from '../../../common/trainer-protocol';
import { trainerEnv } from '../runs/trainer-env';
import { forkWorkers, type WorkerLauncher } from './worker-launcher';

export const ANALYTICS_ENTRY = fileURLToPath(new URL('../../../workers/analytics/entry.ts', import.meta.url));

export interface JobHandle<T> {
  result: Promise<T>;
  /** Stops between evaluations (the process reports what it has); killed if it does not exit in 10 s. */
  cancel(): void;
}

export interface JobEvents {
  onProgress?(done: number, total: number, label: string): void;
}

export function startAnalyticsJob(job: AnalyticsJob & { kind: 'knockout' }, events?: JobEvents, launch?: WorkerLauncher): JobHandle<KnockoutTable>;
export function startAnalyticsJob(job: AnalyticsJob & { kind: 'report' }, events?: JobEvents, launch?: WorkerLauncher): JobHandle<GateReport>;
export function startAnalyticsJob(job: AnalyticsJob & { kind: 'rows' }, events?: JobEvents, launch?: WorkerLauncher): JobHandle<KnockoutRowsResult>;
export function startAnalyticsJob(job: AnalyticsJob, events: JobEvents = {}, launch: WorkerLauncher = forkWorkers): JobHandle<KnockoutTable | GateReport | KnockoutRowsResult> {
  const child = launch({
    entry: ANALYTICS_ENTRY,
    args: [`--gatelab-analytics=run-${job.spec.runId}`],
    name: `GateLab analytics (run ${job.spec.runId})`,
    env: trainerEnv(),
  });
  let killTimer: NodeJS.Timeout | undefined;
  const result = new Promise<KnockoutTable | GateReport | KnockoutRowsResult>((resolve, reject) => {
    let settled = false;
    child.onMessage((raw) => {
      if (settled) return;
      let m: FromAnalytics;
      try {
        m = parseMessage(FromAnalytics, raw, `the analytics process of run ${job.spec.runId}`);
      } catch (e) {
        settled = true;
        reject(e);
        return;
      }
      if (m.type === 'progress') events.onProgress?.(m.done, m.total, m.label);
      // what the job refused (rows outside the test split) stays a refusal: the CLI exits 2, as for its own checks
      else if (m.type === 'failed') { settled = true; reject(m.refused ? new Refusal(m.message) : new Error(m.message)); }
      else { settled = true; resolve(m.type === 'knockout' ? m.table : m.type === 'rows' ? m.result : m.report); }
    });
    child.onExit(({ code, signal, stderrTail }) => {
      clearTimeout(killTimer);
      if (!settled) { settled = true; reject(new Error(exitMessage(job, code, signal, stderrTail))); }
    });
  });
  child.send({ type: 'start', job });
  return {
    result,
    cancel() {
      if (child.connected) child.send({ type: 'cancel' });
      killTimer = setTimeout(() => child.kill(), 10_000);
      killTimer.unref();
    },
  };
}

const OUT_OF_MEMORY = /out of memory|OOMErrorHandler|Allocation failed|heap limit|std::bad_alloc/i;

/**
 * Why a job's process ended without a result, in the user's words: what it was doing, out of memory
 * when its stderr says so (V8's "heap out of memory", a native bad_alloc) or it was killed (the system's
 * OOM killer sends SIGKILL), and what to do. V8's GC trace and native stack (addresses of node internals)
 * are left out; the last lines of a JavaScript error are kept.
 */
export function exitMessage(job: Pick<AnalyticsJob, 'kind' | 'spec'>, code: number | null, signal: NodeJS.Signals | null, stderrTail: string): string {
  const run = job.spec.runId;
  const doing = job.kind === 'knockout' ? `knocking out gates of run ${run}` : job.kind === 'rows' ? `knocking out a gate of run ${run} on chosen test rows` : `computing the gate report of run ${run}`;
  const how = signal ?? `code ${code}`;
  if (OUT_OF_MEMORY.test(stderrTail) || signal === 'SIGKILL') {
    const what = OUT_OF_MEMORY.test(stderrTail) ? 'ran out of memory' : 'was killed (most often by the system when memory runs out)';
    return `the analytics process ${what} (${how}) while ${doing}; ` +
      `close other runs or programs to free memory and try again, or knock out one gate at a time (\`gatelab knockout ${run} --gate G\`)`;
  }
  const lines = stderrTail.split('\n');
  const nativeAt = lines.findIndex((l) => /^-+ Native stack trace -+$/.test(l.trim()) || /^<--- (Last few GCs|JS stacktrace) --->$/.test(l.trim()));
  const kept = (nativeAt >= 0 ? lines.slice(0, nativeAt) : lines).filter((l) => l.trim() && !/^\s*\d+: 0x[0-9a-f]+ /i.test(l));
  const said = lastLinesWithError(kept, 8);
  return `the analytics process exited (${how}) without a result while ${doing}${said.length ? `:\n${said.join('\n')}` : ''}`;
}

/**
 * The last `max` lines, but never without the error's own line: a long stack ended in eight `at …` frames
 * and the app showed only those, not what failed. The first line that is no frame is kept, then "…".
 */
function lastLinesWithError(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const errorAt = lines.findIndex((l) => !/^\s+at\s/.test(l));
  if (errorAt < 0 || errorAt >= lines.length - max) return lines.slice(-max);
  return [lines[errorAt], '…', ...lines.slice(-(max - 2))];
}
