// `gatelab datasets roles ID loan_status=target --positive 'Charged Off'`: which value of a two-valued target
// is the positive class, stored with the dataset's label rule (main/lab/lab/label-rules.ts) so every new run on
// it reads the same positive (`--set positive=…` on a run overrides it), as `--positive-at-least` stores a
// threshold (datasets-label-rule.ts). The positive class is what AP, F1 and Try it's P(…) describe: a loan
// file's words would otherwise decide nothing, and a credit-risk user predicts 'Charged Off', not 'Fully Paid'.
import { LabelRules } from '../lab/lab/label-rules';
import { positiveValueProblem } from '../lab/lab/positive-rule';
import { heldValues } from '../../common/lab-api/held-values';
import { columnInfoOf } from '../lab/lab/column-info';
import type { LabStore } from '../lab/store/index';
import type { Dataset } from '../lab/datasets/registry';
import type { RoleChange } from './role-assignment';
import { shellWord } from '../../common/text/shell-word';

/** The value `--positive` asks for: the text, null for `none` (no choice), undefined when not given. */
export function typedPositive(typed: string | true | undefined): string | null | undefined {
  if (typed === undefined) return undefined;
  if (typed === true || typed === '') throw new Error(`--positive takes the target's value that counts as positive, exactly as the column holds it (e.g. --positive 'Charged Off'), or none to remove the choice`);
  return typed === 'none' ? null : typed;
}

/**
 * Refuses a positive value the roles cannot take, before anything is stored: no target, a threshold given
 * too (two rules), a value the target does not hold (its values listed), or a target of more than two values.
 * `ref` is the dataset as the user typed it.
 */
export function checkPositiveValue(d: Dataset, changes: readonly RoleChange[], positive: string | null | undefined, threshold: number | null | undefined, ref: string): void {
  if (positive === undefined || positive === null) return;
  const named = changes.filter((c) => c.role === 'target').at(-1)?.column;
  const current = d.columns.find((c) => c.role === 'target')?.name;
  const target = named ?? (current !== undefined && !changes.some((c) => c.column === current) ? current : undefined);
  const example = `gatelab datasets roles ${shellWord(ref)} COLUMN=target --positive ${shellWord(positive)}`;
  if (target === undefined) throw new Error(`--positive ${shellWord(positive)} needs a target to read it on, and dataset ${d.id} '${d.name}' has none: name its column, e.g. ${example}`);
  if (threshold !== undefined && threshold !== null) throw new Error(`--positive and --positive-at-least are two label rules: keep one (--positive names a value of a two-valued target; --positive-at-least thresholds a number)`);
  const column = d.columns.find((c) => c.name === target);
  // read as the app's Positive class box reads them (positive-rule.ts), so both refuse the same values
  const values = column && heldValues(columnInfoOf(column));
  if (!values) return; // the stats do not tell: the run's own check (common/models/target.ts) refuses a value it lacks
  const problem = positiveValueProblem(`--positive ${shellWord(positive)}`, target, values, positive);
  if (problem) throw new Error(problem);
}

/**
 * Stores the positive value asked for (dropping a threshold: one rule per target), removes it for `none`, or
 * drops the stored one when the target changed (a value of one column means nothing for another; the app's
 * Target box drops it alike). `before` is the dataset before the change. Says what it did, or ''.
 */
export function storePositiveValue(store: LabStore, before: Dataset, after: Dataset, positive: string | null | undefined): string {
  const rules = new LabelRules(store.settings);
  const id = String(after.id);
  const had = rules.get(id)?.positive ?? null;
  const target = after.columns.find((c) => c.role === 'target')?.name;
  if (positive === undefined) {
    const wasTarget = before.columns.find((c) => c.role === 'target')?.name;
    if (had === null || wasTarget === target) return '';
    rules.set(id, { positiveAtLeast: rules.get(id)?.positiveAtLeast ?? null, positive: null });
    return `positive value '${had}' removed: it was for '${wasTarget}', which is no longer the target`;
  }
  rules.set(id, { positiveAtLeast: null, positive });
  if (positive === null) return had === null ? '' : `positive value removed: runs pick the positive of '${target ?? '?'}' by its words, else the rarer value`;
  return `label: '${target}' = '${positive}' is positive (1), the other value negative (0), for every new run on this dataset (--set positive=… on a run overrides it)`;
}
