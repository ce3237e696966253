// Runs one analytics job in its own process (workers/analytics/entry.ts, forked with tsx like a
// trainer): session.run never blocks the lab's thread, and a native fault costs one job.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FromAnalytics, type AnalyticsJob, type GateReport, type KnockoutTable } from '../../../common/analytics';
import { parseMessage } from '../../../common/trainer-protocol';
import { trainerEnv } from '../runs/trainer-env';

export const ANALYTICS_ENTRY = fileURLToPath(new URL('../../../workers/analytics/entry.ts', import.meta.url));

export interface JobHandle<T> {
  result: Promise<T>;
  /** Stops between evaluations (the process reports what it has); killed if it does not exit in 10 s. */
  cancel(): void;
}

export interface JobEvents {
  onProgress?(done: number, total: number, label: string): void;
}

export function startAnalyticsJob(job: AnalyticsJob & { kind: 'knockout' }, events?: JobEvents): JobHandle<KnockoutTable>;
export function startAnalyticsJob(job: AnalyticsJob & { kind: 'report' }, events?: JobEvents): JobHandle<GateReport>;
export function startAnalyticsJob(job: AnalyticsJob, events: JobEvents = {}): JobHandle<KnockoutTable | GateReport> {
  const child = fork(ANALYTICS_ENTRY, [`--gatelab-analytics=run-${job.spec.runId}`], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: trainerEnv(),
  });
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => { tail = (tail + s).slice(-4096); });
  let killTimer: NodeJS.Timeout | undefined;
  const result = new Promise<KnockoutTable | GateReport>((resolve, reject) => {
    let settled = false;
    child.on('message', (raw) => {
      let m: FromAnalytics;
      try {
        m = parseMessage(FromAnalytics, raw, `the analytics process of run ${job.spec.runId}`);
      } catch (e) {
        settled = true;
        reject(e);
        return;
      }
      if (m.type === 'progress') events.onProgress?.(m.done, m.total, m.label);
      else if (m.type === 'failed') { settled = true; reject(new Error(m.message)); }
      else { settled = true; resolve(m.type === 'knockout' ? m.table : m.report); }
    });
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      if (!settled) reject(new Error(`the analytics process of run ${job.spec.runId} exited (${signal ?? `code ${code}`}) without a result${tail ? `:\n${tail.trim().split('\n').slice(-8).join('\n')}` : ''}`));
    });
    child.on('error', (e) => { if (!settled) { settled = true; reject(e); } });
  });
  child.send({ type: 'start', job });
  return {
    result,
    cancel() {
      if (child.connected) child.send({ type: 'cancel' });
      killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      killTimer.unref();
    },
  };
}
