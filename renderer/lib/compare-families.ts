// Which compared runs' values can share an axis and a ranking. A forecasting run's loss is an MSE on
// normalised series; a CTR or fusion run's loss is a classification logloss (a fusion regression's, the MSE of
// its standardized target): overlaid on one axis and
// ranked in one "best" table they read as one scale, which they are not. Runs are grouped by what
// their loss measures; the view draws and ranks each group on its own and says why.
import { TEMPLATES } from '../../common/models';
import { runLabel } from './run-label';
import { isRatingMetric } from './rating-units';

export interface LossKind { key: string; label: string }

const KINDS: Record<string, LossKind> = {
  forecasting: { key: 'forecasting', label: 'forecasting MSE' },
  recsys: { key: 'classification', label: 'classification logloss' },
  fusion: { key: 'classification', label: 'classification logloss' },
};

// A fusion run that regresses a number (common/models/regression-target.ts) trains on the MSE of its
// standardized target, not a logloss. Its config may say only `task: auto`, so the run is known by what it
// reports: rmse/r2 are a regression's scores alone (forecasting reports mse/mae only).
const REGRESSION_SCORE = /(^|\.)(rmse|r2)$/;
const FUSION_REGRESSION: LossKind = { key: 'regression', label: 'regression MSE (standardized target)' };

/** What a template's training loss measures (`metrics`: the run's reported ones); unknown templates are their own kind. */
export function lossKind(template: string, metrics?: Readonly<Record<string, number>>): LossKind {
  // MMoE trains on the click's logloss plus the rating's MSE: a sum no single-task loss compares with
  if (template === 'mmoe') return { key: 'multi-task', label: 'MMoE multi-task loss (click logloss + rating MSE)' };
  // An early-exit MLP sums every exit's logloss and its exit gates' loss: ~K times a single logloss
  if (template === 'early-exit-mlp') return { key: 'early-exit', label: 'early-exit loss (every exit’s logloss + exit-gate loss)' };
  const family = TEMPLATES.find((t) => t.id === template)?.family;
  if (family === 'fusion' && metrics && Object.keys(metrics).some((m) => REGRESSION_SCORE.test(m))) return FUSION_REGRESSION;
  return (family && KINDS[family]) ?? { key: `template:${template}`, label: `${template} loss` };
}

/** Metrics whose scale is the family's loss (train loss, val.loss, test.loss): the rest (AUC, MSE, lr…) are named for what they are. */
export const isLossMetric = (metric: string): boolean => /(^|\.)loss$/.test(metric);

export interface MetricGroup<R> { key: string; label: string; runs: R[] }

/**
 * The compared runs split into groups whose `metric` values are comparable: one group unless the metric
 * is a loss and the runs span loss kinds. `warning` says so in words (null when all are comparable).
 */
export function comparableGroups<R extends { template: string; ratingUnits?: 'rating' | 'scaled'; metrics?: Readonly<Record<string, number>> }>(runs: readonly R[], metric: string): { groups: MetricGroup<R>[]; warning: string | null } {
  if (isRatingMetric(metric)) return ratingGroups(runs);
  if (!isLossMetric(metric)) return { groups: [{ key: 'all', label: '', runs: [...runs] }], warning: null };
  const by = new Map<string, MetricGroup<R>>();
  for (const r of runs) {
    const k = lossKind(r.template, r.metrics);
    if (!by.has(k.key)) by.set(k.key, { key: k.key, label: k.label, runs: [] });
    by.get(k.key)!.runs.push(r);
  }
  const groups = [...by.values()];
  if (groups.length < 2) return { groups: [{ key: 'all', label: groups[0]?.label ?? '', runs: [...runs] }], warning: null };
  return {
    groups,
    warning: `These runs' losses are not comparable: ${groups.map((g) => g.label).join(' vs ')}. Each is drawn and ranked on its own; pick a metric they share (e.g. a test metric) to compare across them.`,
  };
}

const UNITS = { rating: 'rating points', scaled: 'scaled (standard deviations of the rating)' } as const;

/**
 * MMoE's rating metrics of runs in rating points and of runs from before in scaled units (RunSummary
 * ratingUnits): an RMSE of 0.9 stars and one of 0.9 standard deviations are not one scale. Scaled runs
 * alone still get their label, so the chart says "(scaled)".
 */
function ratingGroups<R extends { ratingUnits?: 'rating' | 'scaled' }>(runs: readonly R[]): { groups: MetricGroup<R>[]; warning: string | null } {
  const scaled = runs.filter((r) => r.ratingUnits === 'scaled');
  const points = runs.filter((r) => r.ratingUnits !== 'scaled');
  if (!scaled.length) return { groups: [{ key: 'all', label: '', runs: [...runs] }], warning: null };
  if (!points.length) return { groups: [{ key: 'all', label: UNITS.scaled, runs: [...runs] }], warning: null };
  return {
    groups: [{ key: 'rating', label: UNITS.rating, runs: points }, { key: 'scaled', label: UNITS.scaled, runs: scaled }],
    warning: `These runs' rating metrics are in different units: ${UNITS.rating} vs ${UNITS.scaled} (runs created before rating points keep scaled units). Each is drawn and ranked on its own.`,
  };
}

/**
 * A seed group's legend name: its runs' ids and name without the seed suffix, then the settings that set
 * the group apart from the other groups (`settings`, e.g. ["lr=0.01", "lookback=192"]) that its name does
 * not already say, then how many runs it pools: "#4–#6 · gmu on reviews · hard gate (3 seeds)". A lone run
 * is named as everywhere else (run-label.ts), so a run and its "New run from this" child with one name stay
 * two legend entries.
 */
export function groupLabel(members: readonly { id?: string; name: string; seed: number }[], settings: readonly string[] = []): string {
  if (members.length === 1) return runLabel(members[0]);
  const base = members[0].name.replace(/\s*(·\s*)?seed[= ]\d+$/i, '');
  // in id order whatever order they were ticked in (the picker lists newest first): #39–#42, not #42,#41,#40,#39
  const ids = members.map((m) => m.id).filter((id): id is string => !!id).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const numeric = ids.map(Number);
  const consecutive = ids.length > 2 && numeric.every((n, i) => Number.isInteger(n) && (i === 0 || n === numeric[i - 1] + 1));
  const which = ids.length === 0 ? '' : consecutive ? `#${ids[0]}–#${ids.at(-1)} · ` : `${ids.map((id) => `#${id}`).join(',')} · `;
  // a sweep's names carry its point ("dlinear sweep lr=0.01 lookback=192"): its settings are not said twice
  const extra = settings.filter((w) => !saysAlready(base, w));
  const seeds = new Set(members.map((m) => m.seed)).size;
  // runs of one config that repeat a seed are not that many seeds
  const count = seeds === members.length ? `${members.length} seeds` : `${members.length} runs, ${seeds} ${seeds === 1 ? 'seed' : 'seeds'}`;
  return `${which}${[base, ...extra].join(' · ')} (${count})`;
}

/** `name` has the phrase `words` as whole words ("lr=0.01" is in "sweep lr=0.01 x", not in "lr=0.015"). */
export function saysAlready(name: string, words: string): boolean {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s·,(])${escaped}($|[\\s·,)])`).test(name);
}
