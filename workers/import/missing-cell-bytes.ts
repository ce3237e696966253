// The cells a category, text or boolean column reads as missing (common/data/missing-cells.ts), matched in a
// field's bytes so the import's hot path makes no string for a cell that is none of them; and the note on the
// cells a new import reads as missing that an import before the pandasMissingCells rule kept as categories
// ('n/a', 'None'), since a user who meant them as a category must learn they are gone.
import { basename } from 'node:path';
import { MISSING_CELLS, PANDAS_MISSING_CELLS } from '../../common/data/missing-cells';
import { pyString } from '../../common/text/python-string';
import { readArguments, type FileReading } from './pandas-read';
import { WHITESPACE } from './whitespace-columns';

/** One list of missing cells, as the importer compares them: exactly (case counts, spaces too). */
export class MissingCells {
  private readonly set: ReadonlySet<string>;
  /** The list's cells as bytes, by first byte: the candidates for a field starting with that byte. */
  private readonly byFirstByte = new Map<number, Array<{ bytes: Buffer; index: number }>>();
  private readonly longest: number;

  constructor(readonly cells: readonly string[]) {
    this.set = new Set(cells);
    cells.forEach((cell, index) => {
      if (cell === '') return;
      const bytes = Buffer.from(cell, 'latin1'); // every cell of the lists is ASCII: one byte each in any file encoding we read as bytes
      const list = this.byFirstByte.get(bytes[0]) ?? [];
      list.push({ bytes, index });
      this.byFirstByte.set(bytes[0], list);
    });
    this.longest = Math.max(...cells.map((c) => c.length));
  }

  /** Whether `cell` is one of the list. */
  has(cell: string): boolean {
    return this.set.has(cell);
  }

  /** The index in `cells` of the field b[s..e), -1 when it is none of them (an empty field: the index of ''). */
  indexOfBytes(b: Uint8Array, s: number, e: number): number {
    const len = e - s;
    if (len === 0) return this.cells.indexOf('');
    if (len > this.longest) return -1;
    const candidates = this.byFirstByte.get(b[s]);
    if (!candidates) return -1;
    for (const { bytes, index } of candidates) {
      if (bytes.length !== len) continue;
      let k = 1;
      while (k < len && b[s + k] === bytes[k]) k++;
      if (k === len) return index;
    }
    return -1;
  }
}

/** GateLab's first list: a dataset imported before the pandasMissingCells rule. */
export const FIRST_MISSING_CELLS = new MissingCells(MISSING_CELLS);
/** pandas' default na_values: every new import. */
export const PANDAS_NA_VALUES = new MissingCells(PANDAS_MISSING_CELLS);

/** The reading of a parse under `pandasMissingCells` (the rule's value for the dataset: parse-rules.ts). */
export const missingCellsUnder = (pandasMissingCells: boolean): MissingCells => (pandasMissingCells ? PANDAS_NA_VALUES : FIRST_MISSING_CELLS);

const FIRST = new Set(MISSING_CELLS);
/** Spellings named in the note; more are counted ('-nan', '1.#IND' are seldom many). */
const SPELLINGS_NAMED = 3;

/**
 * Counts a column's cells read as missing that an import before the pandasMissingCells rule kept as values,
 * by spelling, for the import's note: "column 'emp_length': 2,310 cells 'n/a' read as missing, as pandas does".
 */
export class PandasMissingCount {
  private readonly counts = new Map<string, number>();

  /** A cell read as missing (its spelling as in the list): counted when the first list kept it as a value. */
  add(cell: string): void {
    if (!FIRST.has(cell)) this.counts.set(cell, (this.counts.get(cell) ?? 0) + 1);
  }

  get count(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /**
   * The note, or null when the column had none of them. `file` and `reading` (a delimited file's: pandas-read.ts)
   * make the pandas line that keeps them; other formats get none (pandas' read_json applies no na_values).
   */
  message(column: string, file: string, reading: FileReading | undefined): string | null {
    const n = this.count;
    if (n === 0) return null;
    const spellings = [...this.counts.entries()].sort((a, b) => b[1] - a[1]).map(([cell]) => cell);
    const named = spellings.slice(0, SPELLINGS_NAMED).map((c) => `'${c}'`).join(' or ') + (spellings.length > SPELLINGS_NAMED ? ' or other spellings of missing' : '');
    const cells = `${n.toLocaleString('en-US')} ${n === 1 ? 'cell' : 'cells'}`;
    const them = n === 1 ? 'it' : 'them';
    const pandas = reading ? `; pandas keeps them with \`${keepingRead(basename(file), reading)}\` (only empty cells missing, in every column)` : '';
    return `column '${column}': ${cells} ${named} read as missing, as pandas' read_csv does (its default na_values). `
      + `To keep ${them} as a category, write ${them} another way in the file (any spelling not in that list, e.g. 'none' or 'unknown') and import it again${pandas}`;
  }
}

/** pd.read_csv of the file with only empty cells missing: its separator as the import read it, and what else it needs. */
function keepingRead(name: string, reading: FileReading): string {
  const sep = reading.delimiter === ',' ? '' : reading.delimiter === '\t' ? ", sep='\\t'" : reading.delimiter === WHITESPACE ? ", sep=r'\\s+'" : ", sep=None, engine='python'";
  return `pd.read_csv(${pyString(name)}${sep}, keep_default_na=False, na_values=['']${readArguments(reading)})`;
}
