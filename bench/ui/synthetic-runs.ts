// A RunsPort with synthetic runs, for the UI benchmark only: it measures the UI (first render,
// frame time under streaming, compare latency), not training, so the runs' numbers are generated:
// N live runs streaming points every 100 ms, and a set of completed runs with long curves.
import type { RunsPort } from '../../main/lab/lab/runs-port';
import type { MetricPoints, RunDetail, RunMetrics, RunProgress } from '../../common/lab-api';

function curve(n: number, seed: number, offset = 0): { steps: number[]; values: number[] } {
  const steps = new Array<number>(n);
  const values = new Array<number>(n);
  let s = seed * 9301 + 49297;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    steps[i] = offset + i;
    values[i] = 0.35 + 1.2 * Math.exp(-(offset + i) / 20000) + 0.05 * (s / 2147483648 - 0.5) + 0.01 * seed;
  }
  return { steps, values };
}

export function syntheticRuns(opts: { live: number; done: number; pointsPerRun: number; pointsPerTick: number }): RunsPort & { stop(): void } {
  const now = new Date().toISOString();
  const run = (i: number, live: boolean): RunDetail => ({
    id: `run-${i}`, name: live ? `live ${i}` : `tsmixer-gated g${Math.floor(i / 4)}`, group: live ? null : `group-${Math.floor(i / 4)}`,
    template: 'tsmixer-gated', datasetId: '1', status: live ? 'running' : 'completed', seed: i % 4, step: live ? 0 : opts.pointsPerRun,
    totalSteps: live ? 1_000_000 : opts.pointsPerRun, device: 'cpu', samplesPerSec: live ? 12000 : null, etaSec: live ? 600 : null,
    createdAt: now, error: null, metrics: {}, config: { template: 'tsmixer-gated', lr: 0.001 * (1 + (i % 3)), gate: { kind: 'sigmoid', enabled: i % 2 === 0 } },
  });
  const runs: RunDetail[] = [...Array.from({ length: opts.live }, (_, i) => run(i, true)), ...Array.from({ length: opts.done }, (_, i) => run(opts.live + i, false))];
  const series = new Map<string, RunMetrics>();
  for (const [k, r] of runs.entries()) {
    const n = r.status === 'running' ? 0 : opts.pointsPerRun;
    const train = curve(n, k);
    const val = curve(Math.floor(n / 100), k + 100);
    series.set(r.id, { id: r.id, series: [{ name: 'train.loss', ...train }, { name: 'val.loss', steps: val.steps.map((x) => x * 100), values: val.values }] });
  }
  const progressListeners = new Set<(p: RunProgress) => void>();
  const metricListeners = new Set<(m: MetricPoints) => void>();
  const timer = setInterval(() => {
    for (const r of runs.filter((x) => x.status === 'running')) {
      const c = curve(opts.pointsPerTick, Number(r.id.slice(4)), r.step);
      const s = series.get(r.id)!.series[0];
      s.steps.push(...c.steps);
      s.values.push(...c.values);
      r.step += opts.pointsPerTick;
      const points = c.steps.map((step, j) => ({ name: 'train.loss', step, value: c.values[j] }));
      for (const l of metricListeners) l({ id: r.id, points });
      for (const l of progressListeners) l({ id: r.id, status: r.status, step: r.step, totalSteps: r.totalSteps, samplesPerSec: r.samplesPerSec, etaSec: r.etaSec, error: null });
    }
  }, 100);
  const find = (id: string) => runs.find((r) => r.id === id)!;
  return {
    available: true,
    start: () => ({ runIds: [], group: null }),
    list: () => runs.map(({ config: _c, ...summary }) => summary),
    get: (id) => find(id),
    pause: () => {},
    resume: () => {},
    cancel: () => {},
    delete: () => {},
    metrics: (id) => series.get(id)!,
    compare: (ids) => ({ runs: ids.map(find), series: ids.map((id) => series.get(id)!) }),
    export: () => ({ path: '', bytes: 0 }),
    onProgress: (l) => (progressListeners.add(l), () => progressListeners.delete(l)),
    onMetrics: (l) => (metricListeners.add(l), () => metricListeners.delete(l)),
    close: () => clearInterval(timer),
    stop: () => clearInterval(timer),
  };
}
