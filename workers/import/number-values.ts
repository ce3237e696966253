// The distinct values of a number column, counted as the stored column is read back once at the end of the
// import (NumberColumn.finish, the same pass that fills the histogram): no second pass over the file. They
// are the facts the trainer reads to classify or regress a fusion target (common/models/regression-reading.ts),
// so they are counted as it counts them: the stored values (Float32 where the column is), imputed means
// included, infinities and missing values left out.
import { NUMBER_DISTINCT_CAP, type NumberValueStats } from '../../common/dataset-cache';

export class NumberValueCounter {
  /** The distinct values while there are at most NUMBER_DISTINCT_CAP; null once there are more. */
  private seen: Set<number> | null = new Set();
  private fractions = false;

  add(values: ArrayLike<number>): void {
    // both facts settled (more than the cap, a fraction seen): nothing left to learn from the rest
    if (this.seen === null && this.fractions) return;
    let previous = NaN;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      // a run of one value (a sorted column, a label) is looked up once: the Set lookup is the cost here
      if (v === previous || !(v > -Infinity && v < Infinity)) continue; // NaN fails too: the trainer reads neither as a value
      previous = v;
      if (!this.fractions && !Number.isInteger(v)) this.fractions = true;
      if (this.seen !== null && !this.seen.has(v)) {
        this.seen.add(v);
        if (this.seen.size > NUMBER_DISTINCT_CAP) {
          this.seen = null;
          if (this.fractions) return;
        }
      }
    }
  }

  result(): NumberValueStats {
    return { distinct: this.seen?.size ?? NUMBER_DISTINCT_CAP + 1, fractions: this.fractions };
  }
}
