// The loop the import's byte rewriters share (SkipInitialSpaces: UCI adult's ', '; WhitespaceToTabs: columns
// aligned by spaces): a chunk of the file is rewritten byte by byte, except that everything inside a quoted
// field's quotes is copied as it is, so a separator or a line break inside "Smith, J" stays part of the value.
// A rewriter says only what a byte outside quotes becomes, and when a quote there opens a quoted field.

export const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d, QUOTE = 0x22;

export abstract class QuoteAwareRewriter {
  /** Inside a quoted field's quotes: bytes are copied up to the closing quote (a "" right after reopens, by the rewriter). */
  protected open = false;

  push(chunk: Buffer): Buffer {
    // one byte more than the chunk: a rewriter may still owe a byte for what the previous chunk ended with (a tab)
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let o = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.open) {
        out[o++] = b;
        if (b === QUOTE) this.open = false;
        continue;
      }
      o = this.outsideQuotes(b, out, o);
    }
    return out.subarray(0, o);
  }

  /** Writes what byte `b`, read outside quotes, becomes into `out` from index `o` (nothing, itself, or more); returns the next free index. */
  protected abstract outsideQuotes(b: number, out: Buffer, o: number): number;
}
