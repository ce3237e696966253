// What a CTR model's probability is of, in the dataset's own words, as the Models form knows them before
// any run: "y = yes", "rating ≥ 4", "clicked = 1". The lab decides the positive class the same way when the
// run starts (common/models/target.ts): the dataset's label rule, else a boolean's true (as the file wrote
// it), else the larger of two numbers, else two words by their meaning, else the rarer (positive-choice.ts).
import type { DatasetDetail } from '../../common/lab-api';
import { positiveChoice } from './positive-choice';

/** "y = yes" for the dataset's target; null when it has none or the form cannot tell its positive value. */
export function positiveEvent(dataset: DatasetDetail | null | undefined): string | null {
  const target = dataset?.columnInfo.find((c) => c.role === 'target');
  if (!dataset || !target) return null;
  const rule = dataset.label;
  if (rule?.positiveAtLeast != null) return `${target.name} ≥ ${rule.positiveAtLeast}`;
  if (rule?.positive) return `${target.name} = ${rule.positive}`;
  const positive = positiveChoice(target)?.automatic;
  return positive === undefined ? null : `${target.name} = ${positive}`;
}
