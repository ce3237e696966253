// `gatelab datasets roles ID rating=target --positive-at-least 4`: the command line's way to the app's
// "binary label: value ≥ t" on a dataset's target (MovieLens: a rating ≥ 4 is a click). Stored where the app
// stores it (main/lab/lab/label-rules.ts, the lab's key-value settings), so every run on the dataset
// (app, `gatelab train`, `gatelab sweep`), Try it's `P(rating ≥ 4)` and exports read it alike. As in the
// app, a rule is for one column: changing the target drops it. `--positive-at-least none` removes it.
import { LabelRules } from '../lab/lab/label-rules';
import type { LabStore } from '../lab/store/index';
import type { Dataset } from '../lab/datasets/registry';
import type { RoleChange } from './role-assignment';
import { shellWord } from '../../common/text/shell-word';

const NUMBER_TYPES = new Set<string>(['int', 'float']);

/** The threshold `--positive-at-least` asks for: a number, null for `none` (no rule), undefined when not given. */
export function typedThreshold(typed: string | true | undefined): number | null | undefined {
  if (typed === undefined) return undefined;
  if (typed === 'none') return null;
  const t = typed === true ? NaN : Number(typed);
  if (typed === true || typed.trim() === '' || !Number.isFinite(t)) {
    throw new Error(`--positive-at-least takes the value from which a row counts as positive (e.g. --positive-at-least 4 for a rating ≥ 4), or none to remove the rule${typed === true ? '' : `; got '${typed}'`}`);
  }
  return t;
}

/** The dataset's target once `changes` are made: the column a change makes the target, else the one it has and keeps. */
function targetAfter(d: Dataset, changes: readonly RoleChange[]): string | undefined {
  const named = changes.filter((c) => c.role === 'target').at(-1)?.column;
  if (named !== undefined) return named;
  const current = d.columns.find((c) => c.role === 'target')?.name;
  return current !== undefined && !changes.some((c) => c.column === current) ? current : undefined;
}

/**
 * Refuses a threshold the roles cannot take, before anything is stored: no target to read it on, or a target
 * whose values are no numbers (a rule compares them with t). `ref` is the dataset as the user typed it.
 */
export function checkLabelRule(d: Dataset, changes: readonly RoleChange[], threshold: number | null | undefined, ref: string): void {
  if (threshold === undefined || threshold === null) return;
  const target = targetAfter(d, changes);
  if (target === undefined) {
    throw new Error(`--positive-at-least ${threshold} needs a target to read it on, and dataset ${d.id} '${d.name}' has none: name its column, e.g. gatelab datasets roles ${shellWord(ref)} rating=target --positive-at-least ${threshold}`);
  }
  const column = d.columns.find((c) => c.name === target);
  if (column && !NUMBER_TYPES.has(column.type)) {
    throw new Error(`--positive-at-least ${threshold}: the target '${target}' is ${column.type}, not a number, so no value is ≥ ${threshold}; a label rule reads a numeric target (a rating, a score). Leave the option out and the target's values are the classes, or make a numeric column the target`);
  }
}

/**
 * Stores the rule the command asked for, or drops the stored one when the target changed (a threshold chosen
 * for one column means nothing for another). `before` is the target before the change. Says what it did, or ''.
 */
export function storeLabelRule(store: LabStore, before: Dataset, after: Dataset, threshold: number | null | undefined): string {
  const rules = new LabelRules(store.settings);
  const id = String(after.id);
  const target = after.columns.find((c) => c.role === 'target')?.name;
  const had = rules.get(id)?.positiveAtLeast ?? null;
  if (threshold !== undefined) {
    rules.set(id, { positiveAtLeast: threshold });
    if (threshold === null) return had === null ? '' : `label rule removed: runs read the target '${target ?? '?'}' as it is`;
    return `label rule: '${target}' ≥ ${threshold} is positive (1), below it negative (0), for every new run on this dataset (--set positiveAtLeast=T on a run overrides it)`;
  }
  const wasTarget = before.columns.find((c) => c.role === 'target')?.name;
  if (had === null || wasTarget === target) return '';
  rules.set(id, { positiveAtLeast: null });
  return `label rule '${wasTarget}' ≥ ${had} removed: it was for '${wasTarget}', which is no longer the target`;
}

/** The stored rule's threshold, null without one: what `datasets show` and `roles` say and print in --json. */
export function labelRuleOf(store: LabStore, datasetId: number): number | null {
  return new LabelRules(store.settings).get(String(datasetId))?.positiveAtLeast ?? null;
}
