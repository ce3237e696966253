// How imbalanced a classification run's label is, part by part, in one line: `gatelab show` prints it after
// the data line and the app's run page under it. An accuracy of 0.86 reads as a result until the label is
// 86% one class, and a macro-F1 moves with a rare class's few test rows: the shares say both. Worded from the
// rows per class the trainer counted (data-summary.ts PartClassCounts), named by the label's classes; runs
// stored before the trainer sent the counts get no line (their data line stands alone).
import type { LabelCoding, PartClassCounts } from './data-summary';

/** Up to this many classes are listed in class-id order; more list the most and the least frequent. */
const LISTED_CLASSES = 8;
/** With more classes than LISTED_CLASSES: how many of the most frequent, then of the rarest, in train. */
const MOST = 3;
const RAREST = 3;

const PARTS = ['train', 'validation', 'test'] as const;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * 14.9% of a part's rows, one decimal; a share that rounds to 0 or 100 says it is near, not at, it
 * ("<0.1% (3 rows)" keeps the few rows a rare class has), and an empty part has no share ("—").
 */
export function partShare(n: number, total: number): string {
  if (total <= 0) return '—';
  if (n === 0) return '0%';
  if (n === total) return '100%';
  const pct = (100 * n) / total;
  if (pct < 0.05) return `<0.1% (${count(n)} row${n === 1 ? '' : 's'})`;
  return pct >= 99.95 ? '>99.9%' : `${pct.toFixed(1)}%`;
}

/** "8.0% / 7.9% / 8.1%": class `c`'s share of each part's rows. */
function sharesOf(counts: PartClassCounts, totals: Record<(typeof PARTS)[number], number>, c: number): string {
  return PARTS.map((p) => partShare(counts[p][c], totals[p])).join(' / ');
}

/**
 * One line on the label's balance in each part, or null when the run has no counts, no class names, or
 * counts of another number of classes (nothing to name them by).
 * Binary: "class balance: 'clicked' = 1 (positive) is 14.9% of train, 14.8% of validation, 14.0% of test rows
 * (11,908 / 1,478 / 1,399)"; a label rule's positive class reads "'stars' ≥ 4".
 * More classes: "class balance (share of train / validation / test rows): 'escalated' 8.0% / 7.9% / 8.1% · …",
 * in class-id order; past LISTED_CLASSES the most and the least frequent in train, the rest counted.
 */
export function classBalanceLine(label: LabelCoding | undefined, counts: PartClassCounts | undefined): string | null {
  const names = label?.classes;
  if (!label || !names?.length || !counts || !PARTS.every((p) => counts[p].length === names.length)) return null;
  const totals = Object.fromEntries(PARTS.map((p) => [p, counts[p].reduce((a, b) => a + b, 0)])) as Record<(typeof PARTS)[number], number>;
  if (names.length === 2) {
    // the positive class's share is the number an AP, a positive rate or a 0.86 accuracy is read against
    // a binary label's classes are [negative, positive] (LabelCoding): the positive class is class 1
    const c = 1;
    const positive = label.positive ?? names[c];
    const who = label.positiveAtLeast !== undefined ? `'${label.column}' ${positive}` : `'${label.column}' = ${positive}`;
    const shares = PARTS.map((p) => `${partShare(counts[p][c], totals[p])} of ${p}`);
    return `class balance: ${who} (positive) is ${shares.slice(0, -1).join(', ')} and ${shares.at(-1)} rows (${PARTS.map((p) => count(counts[p][c])).join(' / ')})`;
  }
  const item = (c: number) => `'${names[c]}' ${sharesOf(counts, totals, c)}`;
  const head = 'class balance (share of train / validation / test rows)';
  if (names.length <= LISTED_CLASSES) return `${head}: ${names.map((_, c) => item(c)).join(' · ')}`;
  // many classes: the ends of the distribution are what imbalance is judged by (ties: class-id order)
  const byTrain = names.map((_, c) => c).sort((a, b) => counts.train[b] - counts.train[a] || a - b);
  const most = byTrain.slice(0, MOST);
  const rarest = byTrain.slice(-RAREST);
  const more = names.length - MOST - RAREST;
  return `${head}; ${names.length} classes, the ${MOST} most and the ${RAREST} least frequent in train: ` +
    `${[...most.map(item), `… ${more} more`, ...rarest.map(item)].join(' · ')}`;
}
