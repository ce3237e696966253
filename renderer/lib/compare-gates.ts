// Gate statistics in Compare: the lab serves each run's stored gate series keyed `gate/stat` (a vector
// statistic per component, `router/load[2]`; main/lab/lab/compare-gates.ts). The picker lists them under
// "Gates" by the names the Runs view's gate panels use ("ff.gate · openness", "router (validation) ·
// entropy"), and a run that has no such statistic (an ablation with its gates off, another template)
// is named in the legend as such, not silently left out of the chart.
import type { RunDetail, RunMetrics, Series } from '../../common/lab-api';
import { gateLabel, gateNamesFromConfig, statComponentNames, type GateNames } from '../../common/analytics/gate-names';
import { statWords } from '../../common/analytics/stat-words';
import { CALL_MEANS } from '../../common/analytics/gate-words';
import { binLabels } from './gate-charts';

/** The legend's note on a run that lacks the picked gate statistic. */
export const NO_SUCH_GATE = 'no such gate';

const KEY = /^(.+)\/([^/[]+)(?:\[(\d+)\])?$/;

/**
 * A run's names for its gates' components (channels, experts, modalities, from its config and data summary)
 * and its statistics (with their component counts), as the Runs view names them.
 */
export interface GateNaming { names: GateNames; series: readonly string[] }

/** Each run's naming in Compare (runs without a config, e.g. never started, name nothing). */
export function gateNamingOf(data: { runs: readonly Pick<RunDetail, 'id' | 'config' | 'data'>[]; gates?: readonly RunMetrics[] } | null): GateNaming[] {
  if (!data) return [];
  return data.runs.flatMap((r) => {
    const series = data.gates?.find((g) => g.id === r.id)?.series.map((s) => s.name) ?? [];
    return r.config ? [{ names: gateNamesFromConfig(r.config, r.data), series }] : [];
  });
}

/** What every run that has statistic `key` calls it (f per run), or null when they differ or one cannot say. */
function agreed(key: string, runs: readonly GateNaming[], f: (r: GateNaming) => string | null): string | null {
  const words = runs.filter((r) => r.series.includes(key)).map(f);
  return words.length && words.every((w) => w !== null && w === words[0]) ? words[0] : null;
}

/**
 * "ff.gate/openness" → "ff.gate · openness"; "block0.gate/openness_by_channel[0]" → "block 1 gate · openness
 * by channel · load_1": a component by the name the runs give it (their channel, expert or modality, as the
 * Runs view's heatmaps and `gatelab show` name it) when every run that has it agrees, else "#1" (counted
 * from 1: runs on different datasets name channel 0 differently).
 */
export function compareGateLabel(key: string, runs: readonly GateNaming[] = []): string {
  // an older run's K-step means come as their own series (the lab's compare-gates.ts appends CALL_MEANS):
  // named as the statistic, with the note after it ("load CV²", not the raw "load_cv2 (means …)")
  if (key.includes(CALL_MEANS)) return compareGateLabel(key.replace(CALL_MEANS, ''), runs.map((r) => ({ ...r, series: r.series.map((s) => s.replace(CALL_MEANS, '')) }))) + CALL_MEANS;
  const m = KEY.exec(key);
  if (!m) return key;
  const [, gate, stat, index] = m;
  const base = `${agreed(key, runs, (r) => gateLabel(gate, r.names)) ?? gateLabel(gate)} · ${statWords(stat)}`;
  if (index === undefined) return base;
  const i = Number(index);
  const width = (r: GateNaming) => r.series.filter((s) => s.startsWith(`${gate}/${stat}[`)).length;
  // a histogram's component is a bin, named by its edges as the Runs view's heatmap rows are ("0.4–0.5", not "#5")
  const component = (r: GateNaming) => (/hist/i.test(stat) ? binLabels(width(r))[i] : statComponentNames(gate, stat, width(r), r.names)?.[i]);
  const named = agreed(key, runs, (r) => component(r) ?? null);
  return `${base} · ${named ?? `#${i + 1}`}`;
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
