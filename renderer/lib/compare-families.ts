// Which compared runs' values can share an axis and a ranking. A forecasting run's loss is an MSE on
// normalised series; a CTR or fusion run's loss is a classification logloss: overlaid on one axis and
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

/** What a template's training loss measures; unknown templates are their own kind. */
export function lossKind(template: string): LossKind {
  // MMoE trains on the click's logloss plus the rating's MSE: a sum no single-task loss compares with
  if (template === 'mmoe') return { key: 'multi-task', label: 'MMoE multi-task loss (click logloss + rating MSE)' };
  // An early-exit MLP sums every exit's logloss and its exit gates' loss: ~K times a single logloss
  if (template === 'early-exit-mlp') return { key: 'early-exit', label: 'early-exit loss (every exit’s logloss + exit-gate loss)' };
  const family = TEMPLATES.find((t) => t.id === template)?.family;
  return (family && KINDS[family]) ?? { key: `template:${template}`, label: `${template} loss` };
}

/** Metrics whose scale is the family's loss (train loss, val.loss, test.loss): the rest (AUC, MSE, lr…) are named for what they are. */
export const isLossMetric = (metric: string): boolean => /(^|\.)loss$/.test(metric);

export interface MetricGroup<R> { key: string; label: string; runs: R[] }

/**
 * The compared runs split into groups whose `metric` values are comparable: one group unless the metric
 * is a loss and the runs span loss kinds. `warning` says so in words (null when all are comparable).
 */
export function comparableGroups<R extends { template: string; ratingUnits?: 'rating' | 'scaled' }>(runs: readonly R[], metric: string): { groups: MetricGroup<R>[]; warning: string | null } {
  if (isRatingMetric(metric)) return ratingGroups(runs);
  if (!isLossMetric(metric)) return { groups: [{ key: 'all', label: '', runs: [...runs] }], warning: null };
  const by = new Map<string, MetricGroup<R>>();
  for (const r of runs) {
    const k = lossKind(r.template);
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
 * A seed group's legend name: its runs' ids and name without the seed suffix, e.g. "#4–#6 · gmu on
 * reviews (3 seeds)"; a lone run is named as everywhere else (run-label.ts), so a run and its "New run
 * from this" child with one name stay two legend entries.
 */
export function groupLabel(members: readonly { id?: string; name: string; seed: number }[]): string {
  if (members.length === 1) return runLabel(members[0]);
  const base = members[0].name.replace(/\s*(·\s*)?seed[= ]\d+$/i, '');
  const ids = members.map((m) => m.id).filter((id): id is string => !!id);
  const numeric = ids.map(Number);
  const consecutive = ids.length > 2 && numeric.every((n, i) => Number.isInteger(n) && (i === 0 || n === numeric[i - 1] + 1));
  const which = ids.length === 0 ? '' : consecutive ? `#${ids[0]}–#${ids.at(-1)} · ` : `${ids.map((id) => `#${id}`).join(',')} · `;
  return `${which}${base} (${members.length} seeds)`;
}
