// What a CTR model's probability is of, in the dataset's own words, as the Models form knows them before
// any run: "y = yes", "rating ≥ 4", "clicked = 1". The lab decides the positive class the same way when the
// run starts (common/models/target.ts): the dataset's label rule, else a boolean's true (as the file wrote
// it), else the larger of two numbers, else two words by their meaning (positive-class.ts), else the rarer.
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import { positiveByWords } from '../../common/models/positive-class';

/** "y = yes" for the dataset's target; null when it has none or the form cannot tell its positive value. */
export function positiveEvent(dataset: DatasetDetail | null | undefined): string | null {
  const target = dataset?.columnInfo.find((c) => c.role === 'target');
  if (!dataset || !target) return null;
  const rule = dataset.label;
  if (rule?.positiveAtLeast != null) return `${target.name} ≥ ${rule.positiveAtLeast}`;
  if (rule?.positive) return `${target.name} = ${rule.positive}`;
  const positive = positiveValue(target);
  return positive === null ? null : `${target.name} = ${positive}`;
}

function positiveValue(c: ColumnInfo): string | null {
  if (c.type === 'boolean') return c.booleanWords?.true ?? 'true';
  if (c.type === 'int' || c.type === 'float') {
    const two = c.numberValues?.distinct === 2 || (c.min === 0 && c.max === 1);
    return two && c.max !== null ? String(c.max) : null;
  }
  const labels = c.histogram?.labels;
  if (c.distinct !== 2 || labels?.length !== 2) return null;
  const [a, b] = [...labels].sort();
  const byWords = positiveByWords(a, b);
  if (byWords !== undefined) return byWords;
  // the rarer of two values no word decides ("Charged Off"/"Fully Paid"), the later one on a tie
  const count = (v: string) => c.histogram!.counts[labels.indexOf(v)];
  return count(a) < count(b) ? a : b;
}
