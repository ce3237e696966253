// "New run from this" starts as many seeds as the run's own start had (apart from models.svelte.ts, which
// must stay within 400 lines).
import type { RunSummary } from '../../common/lab-api';
import { MAX_SEEDS } from './models-validation';

/**
 * How many seeds the runs of `run`'s start had: the runs of its group with its name but for the seed (a
 * sweep's points are named apart), or 1 for a run started alone. "New run from this" starts as many again.
 */
export function seedsOfGroup(run: Pick<RunSummary, 'id' | 'group' | 'name'>, all: Pick<RunSummary, 'id' | 'group' | 'name'>[]): number {
  if (!run.group) return 1;
  // the lab names a group's runs "<name> [<sweep point>] seed=N": the same start differs only in the seed
  const start = (name: string) => name.replace(/\s+seed=\d+$/, '');
  const n = all.filter((r) => r.group === run.group && start(r.name) === start(run.name)).length;
  return Math.min(Math.max(n, 1), MAX_SEEDS);
}
