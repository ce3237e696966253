// The words a boolean column's file wrote for false and true. The column stores codes 0/1 and the dictionary
// ['false', 'true'] (what code readers expect), so without these a yes/no label was described to the user as
// "true"/"false", words their file never used. Counted per word of WORDS (case folded; the first spelling met
// is kept, 'Yes' or 'yes'), so the hot byte path only bumps a counter.
import type { ColumnStats } from '../../common/dataset-cache';

/** The words a boolean column reads, with their codes; any case. */
export const WORDS: ReadonlyArray<readonly [string, number]> = [['true', 1], ['false', 0], ['yes', 1], ['no', 0], ['t', 1], ['f', 0], ['y', 1], ['n', 0], ['1', 1], ['0', 0]];

/** The WORDS index of a trimmed string ('1.0' reads as '1'), or -1. */
export function wordIndex(t: string): number {
  const w = t === '1.0' ? '1' : t === '0.0' ? '0' : t.toLowerCase();
  return WORDS.findIndex(([word]) => word === w);
}

export class BooleanWords {
  private readonly counts = new Float64Array(WORDS.length);
  private readonly spelt: (string | undefined)[] = [];

  /** Whether no row was read as WORDS[k] yet: its spelling is then given to `count` (no string per row on the hot path). */
  isNew(k: number): boolean {
    return this.counts[k] === 0;
  }

  /** One row read as WORDS[k]; `text`: the cell as written, trimmed (kept from the first row only). */
  count(k: number, text?: string): void {
    if (this.counts[k]++ === 0) this.spelt[k] = text;
  }

  /** The most frequent spelling of each code, for ColumnStats.booleanWords; undefined when no row had a value. */
  words(): ColumnStats['booleanWords'] {
    const best = [-1, -1];
    this.counts.forEach((n, k) => {
      const code = WORDS[k][1];
      if (n > 0 && (best[code] < 0 || n > this.counts[best[code]])) best[code] = k;
    });
    if (best[0] < 0 && best[1] < 0) return undefined;
    return { ...(best[0] >= 0 ? { false: this.spelt[best[0]] } : {}), ...(best[1] >= 0 ? { true: this.spelt[best[1]] } : {}) };
  }
}
