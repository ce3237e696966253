// Pure helpers behind the gate-analytics panels: the knockout rows of several runs aligned by gate and
// mode, the layout of an accuracy-vs-FLOPs scatter, sorting per-sample fusion weights, and a colour scale.
import type { KnockoutRow, KnockoutTable } from '../../common/analytics/knockout';
import { knockoutLabel, type GateNames } from '../../common/analytics/gate-names';
import { niceTicks } from './scale';

export { knockoutLabel };

/** The stable id of a knockout (gate id, mode, expert index): what aligns runs; never shown. */
export const knockoutKey = (r: Pick<KnockoutRow, 'gate' | 'mode' | 'expert'>): string =>
  `${r.gate} ${r.mode}${r.expert !== undefined ? ` ${r.expert}` : ''}`;

export interface AlignedKnockout {
  key: string;
  /** In the user's words (modality names, "only expert 2"), from the first run that has this knockout. */
  label: string;
  gate: string;
  /** Per compared run, in order: its row for this gate and mode, or null (not run, or that run has no such gate). */
  cells: (KnockoutRow | null)[];
}

/**
 * The union of every run's knockouts (gate × mode), each with its row per run, aligned by id (not by
 * label: two runs may name a modality differently); ordered by gate id, then mode. `names[i]` names run i's gates.
 */
export function alignKnockouts(tables: readonly (KnockoutTable | null)[], names: readonly (GateNames | undefined)[] = []): AlignedKnockout[] {
  const by = new Map<string, AlignedKnockout>();
  tables.forEach((t, i) => {
    for (const r of t?.rows ?? []) {
      const key = knockoutKey(r);
      let a = by.get(key);
      if (!a) by.set(key, (a = { key, label: knockoutLabel(r, names[i]), gate: r.gate, cells: tables.map(() => null) }));
      a.cells[i] = r;
    }
  });
  return [...by.values()].sort((a, b) => a.gate.localeCompare(b.gate) || a.key.localeCompare(b.key, undefined, { numeric: true }));
}

export interface ScatterPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  /** Drawn hollow: an estimate (e.g. dense FLOPs before the gate report measured them). */
  hollow?: boolean;
}

export interface ScatterLayout {
  width: number;
  height: number;
  pad: { l: number; r: number; t: number; b: number };
  xTicks: { value: number; px: number }[];
  yTicks: { value: number; px: number }[];
  points: (ScatterPoint & { cx: number; cy: number })[];
}

/** Linear axes over the points' range (padded 5%, so no point sits on an edge); larger y is higher up. */
export function scatterLayout(points: readonly ScatterPoint[], width: number, height: number): ScatterLayout {
  const pad = { l: 56, r: 16, t: 12, b: 34 };
  const range = (vs: number[]): [number, number] => {
    let lo = Math.min(...vs), hi = Math.max(...vs);
    if (!Number.isFinite(lo)) return [0, 1];
    if (lo === hi) { const d = lo === 0 ? 1 : Math.abs(lo) * 0.1; lo -= d; hi += d; }
    const m = 0.05 * (hi - lo);
    return [lo - m, hi + m];
  };
  const [x0, x1] = range(points.map((p) => p.x));
  const [y0, y1] = range(points.map((p) => p.y));
  const px = (x: number) => pad.l + ((x - x0) / (x1 - x0)) * (width - pad.l - pad.r);
  const py = (y: number) => height - pad.b - ((y - y0) / (y1 - y0)) * (height - pad.t - pad.b);
  return {
    width, height, pad,
    xTicks: niceTicks(x0, x1, 4).map((value) => ({ value, px: px(value) })),
    yTicks: niceTicks(y0, y1, 4).map((value) => ({ value, px: py(value) })),
    points: points.map((p) => ({ ...p, cx: px(p.x), cy: py(p.y) })),
  };
}

export type SortDirection = 'asc' | 'desc';

/** Rows sorted by a numeric key (missing values last whatever the direction); ties keep their order. */
export function sortBy<T>(rows: readonly T[], key: (r: T) => number | undefined, dir: SortDirection): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((a, b) => (a.k === undefined ? (b.k === undefined ? a.i - b.i : 1) : b.k === undefined ? -1 : sign * (a.k - b.k) || a.i - b.i))
    .map((x) => x.r);
}

/** White-ish (0) to the gate colour (1), for values in [lo, hi]. */
export function heat(v: number, lo: number, hi: number): string {
  const t = Math.max(0, Math.min(1, hi > lo ? (v - lo) / (hi - lo) : 0));
  return `rgb(${Math.round(255 - 23 * t)}, ${Math.round(248 - 104 * t)}, ${Math.round(235 - 223 * t)})`;
}

export const percent = (v: number, digits = 1): string => `${(100 * v).toFixed(digits)}%`;
