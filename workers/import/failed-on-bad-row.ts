// Under 'reject' a delimited import fails at its first bad row (a short row, a value that does not fit a
// type the user set), and the error offers onInvalid 'drop' (the app's "Drop bad rows" button). When a quote
// further down is never closed, that advice is a trap: the import with bad rows dropped reads on and fails
// at the quote, since from there on the rest of the file is one value. So the failure is held while the
// tokenizer reads the rest of the file (rows are no longer parsed), and an unclosed quote found there is
// the error: it names the quote first, then the row the import stopped at, and offers no bad-row policy.
import { ImportError } from '../../common/dataset-cache';

export class FailedOnBadRow {
  private error: ImportError | null = null;
  private what = '';

  get failed(): boolean {
    return this.error !== null;
  }

  /** The first bad row's error (later ones are not looked at), and what was wrong with it in a few words ("line 5 has 2 fields"). */
  fail(error: ImportError, what: string): void {
    if (this.error) return;
    this.error = error;
    this.what = what;
  }

  /** The end of the file came without an unclosed quote: the bad row's own error stands. */
  throwIfFailed(): void {
    if (this.error) throw this.error;
  }

  /**
   * What reading the rest of the file threw: an unclosed quote (or a row grown past the tokenizer's limit,
   * which is one) becomes the error, naming the bad row after it; anything else (a cancel) is thrown as is.
   */
  withQuote(e: unknown): unknown {
    if (!(e instanceof ImportError) || (e.code !== 'unclosed_quote' && e.code !== 'row_too_large') || !this.error) return e;
    const bad = this.error;
    const message = `${e.message.replace(/\.?$/, '.')} Fix the quote first: the row at line ${bad.line} is bad too (${this.what}), but dropping or padding bad rows cannot get past a quote that is never closed`;
    return new ImportError(e.code, message, { file: e.file, line: e.line, column: e.column });
  }
}
