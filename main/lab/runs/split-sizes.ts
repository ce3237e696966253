// A run's split sizes as numbers for its detail (runs.get): what its trainer sent with 'ready'. Runs stored
// before the sizes were kept still have their rows per class in each part (classification runs on a
// dataset: PartClassCounts, counted over every row of each part), whose sums are the same sizes; other old
// runs go without, and readers fall back to the data line's words.
import type { RunDataSummary } from '../store/index';
import type { SplitSizes } from '../../../common/trainer-protocol';

const sum = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

/** The run's samples in each part: stored, else summed from its rows per class, else undefined. */
export function splitSizesOf(summary: RunDataSummary): SplitSizes | undefined {
  if (summary.splitSizes) return summary.splitSizes;
  const c = summary.classCounts;
  return c ? { train: sum(c.train), validation: sum(c.validation), test: sum(c.test) } : undefined;
}

/** The stored data summary with its split sizes filled in where they can be derived (null stays null). */
export function withSplitSizes(summary: RunDataSummary | null): RunDataSummary | null {
  if (!summary) return null;
  const splitSizes = splitSizesOf(summary);
  return splitSizes ? { ...summary, splitSizes } : summary;
}
