// Gate statistics in Compare: the lab serves each run's stored gate series keyed `gate/stat` (a vector
// statistic per component, `router/load[2]`; main/lab/lab/compare-gates.ts). The picker lists them under
// "Gates" by the names the Runs view's gate panels use ("ff.gate · openness", "router (validation) ·
// entropy"), and a run that has no such statistic (an ablation with its gates off, another template)
// is named in the legend as such, not silently left out of the chart.
import type { RunMetrics, Series } from '../../common/lab-api';
import { gateLabel } from '../../common/analytics/gate-names';
import { statWords } from '../../common/analytics/stat-words';

/** The legend's note on a run that lacks the picked gate statistic. */
export const NO_SUCH_GATE = 'no such gate';

const KEY = /^(.+)\/([^/[]+)(?:\[(\d+)\])?$/;
/** The suffix main/lab/lab/compare-gates.ts gives series of older runs' means over training calls. */
const CALL_MEANS = ' (means over training calls)';

/** "ff.gate/openness" → "ff.gate · openness"; "router/load[1]" → "router · load · #2" (components counted from 1). */
export function compareGateLabel(key: string): string {
  // an older run's K-step means come as their own series (the lab's compare-gates.ts CALL_MEANS): named as
  // the statistic, with the note after it ("load CV²", not the raw "load_cv2 (means …)")
  if (key.includes(CALL_MEANS)) return compareGateLabel(key.replace(CALL_MEANS, '')) + CALL_MEANS;
  const m = KEY.exec(key);
  if (!m) return key;
  const base = `${gateLabel(m[1])} · ${statWords(m[2])}`;
  return m[3] === undefined ? base : `${base} · #${Number(m[3]) + 1}`;
}

/** Every gate statistic any of the runs has, in a stable order (gate, statistic, component). */
export function gateStatNames(gates: readonly RunMetrics[] | undefined): string[] {
  const names = new Set((gates ?? []).flatMap((r) => r.series.map((s) => s.name)));
  const comp = (n: string) => Number(KEY.exec(n)?.[3] ?? -1);
  const base = (n: string) => n.replace(/\[\d+\]$/, '');
  return [...names].sort((a, b) => (base(a) < base(b) ? -1 : base(a) > base(b) ? 1 : comp(a) - comp(b)));
}

/** The series of `name` of run `id`: a gate statistic when `name` is one the runs' gates have, else a metric. */
export function compareSeriesOf(data: { series: readonly RunMetrics[]; gates?: readonly RunMetrics[] }, id: string, name: string, isGate: boolean): Series | undefined {
  const from = isGate ? data.gates ?? [] : data.series;
  return from.find((s) => s.id === id)?.series.find((x) => x.name === name);
}
