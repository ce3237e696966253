// How a delimited file's bytes reach the tokenizer: its preamble lines dropped (preamble.ts), then the
// whitespace-aligned columns rewritten as tab-separated (whitespace-columns.ts) or the spaces after each
// delimiter dropped (initial-spaces.ts). One place, used by the sniff's sample, the import's stream and
// anything that reads the file's first row again (source-fields.ts), so all three read the same rows.
import { SkipInitialSpaces } from './initial-spaces';
import { SkipLines } from './preamble';
import { WHITESPACE, WhitespaceToTabs } from './whitespace-columns';

/** What the dataset's source records beside its delimiter (common/dataset-cache.ts SourceDescription). */
export interface SourceReading {
  delimiter: string;
  /** Lines before the table that are skipped (sep=, '#' comments); absent or 0: none. */
  preambleLines?: number;
  /** Spaces after each delimiter are dropped; absent: kept. */
  skipInitialSpace?: boolean;
}

/** A chunk-by-chunk rewrite of the stream for `reading`, or null when the bytes go to the tokenizer as they are. */
export function readingFilter(reading: SourceReading): ((chunk: Buffer) => Buffer) | null {
  const steps: Array<(chunk: Buffer) => Buffer> = [];
  if (reading.preambleLines) {
    const skip = new SkipLines(reading.preambleLines);
    steps.push((c) => (skip.done ? c : skip.push(c)));
  }
  if (reading.delimiter === WHITESPACE) {
    const tabs = new WhitespaceToTabs();
    steps.push((c) => tabs.push(c));
  } else if (reading.skipInitialSpace && reading.delimiter.length === 1) {
    const spaces = new SkipInitialSpaces(reading.delimiter.charCodeAt(0));
    steps.push((c) => spaces.push(c));
  }
  if (steps.length === 0) return null;
  return (chunk) => steps.reduce((c, step) => step(c), chunk);
}

/** A whole sample read as `reading` says (the same bytes when nothing is rewritten). */
export function readSample(sample: Buffer, reading: SourceReading): Buffer {
  const filter = readingFilter(reading);
  return filter ? filter(sample) : sample;
}
