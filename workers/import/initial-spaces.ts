// UCI adult's ', ' separator (`39, State-gov, 77516, ...`): read plainly, every category but the first
// column's keeps a leading space, and ' >50K' becomes the positive label. When (nearly) every line writes
// exactly one space after each delimiter, the spaces after a delimiter are not part of the value, as pandas'
// skipinitialspace reads them. The stream is rewritten without them (SkipInitialSpaces), so a quoted value
// after ', ' ('1, "Smith, J"') starts with its quote and is read as one field. Recorded in the dataset's
// source (skipInitialSpace), and only under the initialSpaces rule, so an older dataset reads as it did.

import { CR, LF, QUOTE, QuoteAwareRewriter, SPACE } from './quoted-bytes';

/** Share of the sampled lines (of 2 fields or more) that must write one space after every delimiter. */
const NEARLY_ALL = 0.95;

/** Whether the sample's rows, split plainly by a one-character delimiter, write one space after (nearly) every delimiter. */
export function hasInitialSpaces(rows: readonly string[][], delimiter: string): boolean {
  if (delimiter.length !== 1 || delimiter === ' ' || delimiter === '\t') return false;
  const split = rows.filter((r) => r.length >= 2);
  if (split.length < 2) return false;
  const spaced = split.filter((r) => r.every((f, i) => i === 0 || (f.length >= 2 && f[0] === ' ' && f[1] !== ' '))).length;
  return spaced >= NEARLY_ALL * split.length;
}

/** Drops the spaces right after each delimiter outside quotes, chunk by chunk. */
export class SkipInitialSpaces extends QuoteAwareRewriter {
  private quotedField = false;
  /** Right after a delimiter: spaces are dropped until the field's first other byte. */
  private skipping = false;
  /** At a field's first byte (after a delimiter, its spaces, or a line start): a quote there opens a quoted field. */
  private fieldStart = true;

  constructor(private readonly delimiter: number) { super(); }

  protected outsideQuotes(b: number, out: Buffer, o: number): number {
    if (this.skipping && b === SPACE) return o;
    this.skipping = false;
    out[o++] = b;
    if (b === this.delimiter) { this.skipping = true; this.fieldStart = true; this.quotedField = false; return o; }
    if (b === LF || b === CR) { this.fieldStart = true; this.quotedField = false; return o; }
    if (b === QUOTE && (this.fieldStart || this.quotedField)) { this.open = true; this.quotedField = true; }
    this.fieldStart = false;
    return o;
  }
}

/** The import note; `example`: a value as written after its delimiter (' State-gov'). */
export function initialSpacesNote(delimiter: string, example?: string): string {
  const e = example?.trim() ? ` ('${example}' reads '${example.trim()}')` : '';
  return `every field after a '${delimiter}' starts with one space ('${delimiter} ', as UCI adult writes it): the spaces after each delimiter are not part of the values${e}, as pandas' skipinitialspace reads them`;
}
