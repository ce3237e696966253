// Cells a number column reads as missing where pandas would not: '-' and '?' (values.ts MISSING_TOKENS), and
// dash runs '--', '---' (values.ts isDashRun), as weather-station exports (Davis WeatherLink) write a missing
// reading. pandas keeps each as text and makes the whole column text, so the import says what it did instead.

/** Dash-run spellings named in the note; more are counted but not listed (a file of many lengths says little more). */
const SPELLINGS_NAMED = 3;

export class MissingMarkers {
  /** Cells '-' or '?'. */
  private signs = 0;
  /** Cells that are dash runs, and their spellings (trimmed) in the order met. */
  private dashRuns = 0;
  private readonly spellings: string[] = [];
  /** More spellings than SPELLINGS_NAMED were met. */
  private moreSpellings = false;

  /** A cell read as missing: counted when it is '-' or '?' (not when it is empty, 'NA' and the like). */
  missing(raw: string): void {
    const t = raw.trim();
    if (t === '-' || t === '?') this.signs++;
  }

  /** A dash-run cell, read as missing. */
  dashRun(raw: string): void {
    this.dashRuns++;
    const t = raw.trim();
    if (this.spellings.includes(t)) return;
    if (this.spellings.length < SPELLINGS_NAMED) this.spellings.push(t); else this.moreSpellings = true;
  }

  get count(): number {
    return this.signs + this.dashRuns;
  }

  /** The note on them, or null when the column had none. */
  message(column: string): string | null {
    if (this.count === 0) return null;
    const cells = (n: number, what: string) => `${n.toLocaleString('en-US')} ${n === 1 ? 'cell' : 'cells'} ${what}`;
    const parts: string[] = [];
    if (this.signs > 0) parts.push(cells(this.signs, `'-' or '?'`));
    const named = this.spellings.map((s) => `'${s}'`);
    if (this.dashRuns > 0) parts.push(cells(this.dashRuns, [...named, ...(this.moreSpellings ? ['other runs of dashes'] : [])].join(' or ')));
    const read = this.count === 1 ? 'read as a missing value' : 'read as missing values';
    const dashes = this.dashRuns > 0
      ? `. Dashes alone are how weather-station exports (Davis WeatherLink) write a missing reading; pandas reads them so with na_values=[${named.join(', ')}${this.moreSpellings ? ', …' : ''}]`
      : '';
    return `column '${column}': ${parts.join(' and ')} ${read} (in a number column only: pandas would keep them as text and make the whole column text; in category columns they stay categories, as in pandas)${dashes}`;
  }
}
