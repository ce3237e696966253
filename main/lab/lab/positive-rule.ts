// The lab's check of a positive value sent with datasets.setRoles (the app's "Positive class" box, any
// client of serve): the same refusals, in the same words, as `gatelab datasets roles … --positive VALUE`
// (main/cli/datasets-positive-value.ts checkPositiveValue), both reading the target's values with heldValues
// (common/lab-api/held-values.ts) from what the lab shows of the column (column-info.ts). Refused before
// anything is stored: a value the target does not hold would otherwise stay the dataset's rule and fail
// every run started on it.
import { LabError, type ColumnInfo, type ColumnRole, type DatasetDetail, type LabelRule } from '../../../common/lab-api';
import { shellWord } from '../../../common/text/shell-word';
import { heldValues } from '../../../common/lab-api/held-values';

/** The target once `roles` apply: a column made the target, else the current target when no role change moves it. */
function targetAfter(detail: DatasetDetail, roles: Record<string, ColumnRole>): ColumnInfo | undefined {
  const named = Object.entries(roles).filter(([, role]) => role === 'target').at(-1)?.[0];
  const current = detail.columnInfo.find((c) => c.role === 'target')?.name;
  const target = named ?? (current !== undefined && roles[current] === undefined ? current : undefined);
  return detail.columnInfo.find((c) => c.name === target);
}

/**
 * Refuses (LabError 'invalid-payload') a rule whose positive value the target cannot take: no target, a value
 * it does not hold (its values listed), a target of more than two values. A threshold beside it is refused by
 * the payload's schema (SetRoles).
 */
export function checkPositiveRule(detail: DatasetDetail, roles: Record<string, ColumnRole>, rule: LabelRule | undefined): void {
  const positive = rule?.positive;
  if (positive === undefined || positive === null) return;
  const refuse = (message: string) => { throw new LabError('invalid-payload', message); };
  const asked = `positive ${shellWord(positive)}`; // quoted as the CLI quotes it
  const target = targetAfter(detail, roles);
  if (!target) refuse(`${asked} needs a target to read it on, and dataset '${detail.name}' has none: choose its target column first`);
  const values = heldValues(target!);
  if (!values) return; // the stats do not tell: the run's own check (common/models/target.ts) refuses a value it lacks
  const problem = positiveValueProblem(asked, target!.name, values, positive);
  if (problem) refuse(problem);
}

/**
 * Why `positive` cannot be the positive value of a target holding `values` (one it does not hold, or a target
 * of more than two values), said after `asked` ("positive 'x'" here, "--positive 'x'" in the CLI); undefined
 * when it can. One wording for the app's box and `gatelab datasets roles … --positive`.
 */
export function positiveValueProblem(asked: string, target: string, values: readonly string[], positive: string): string | undefined {
  const listed = values.slice(0, 8).map((v) => `'${v}'`).join(', ') + (values.length > 8 ? ', …' : '');
  if (!values.includes(positive)) return `${asked}: the target '${target}' holds no such value; its values: ${listed} (write it exactly, case and spaces included)`;
  if (values.length > 2) return `${asked}: the target '${target}' has ${values.length} values (${listed}); a positive value is chosen among two. To read '${positive}' against all the others, write it in the file as 1 and the others as 0, and import it again`;
  return undefined;
}
