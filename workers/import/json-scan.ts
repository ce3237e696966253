// Finds where one JSON value ends in a byte stream without parsing it: the JSON array reader cuts its
// items out of the file with it, so a 100 MB array is never one string (JSON.parse sees one item at a time).
// Works on UTF-8 or latin-1 bytes: every byte that matters ({ } [ ] " \ , whitespace) is ASCII.

export const isJsonSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Where a value ends relative to the byte just fed (plain numbers: the reader's inner loop compares them). */
export const ValueEnd = {
  /** Not yet. */
  No: 0,
  /** The value ends with this byte (a closing brace, bracket or quote). */
  Here: 1,
  /** The value (a number, true/false/null) ended before this byte, which belongs to what follows. */
  Before: -1,
} as const;
export type ValueEnd = (typeof ValueEnd)[keyof typeof ValueEnd];

/** The state of one value being scanned: nesting depth and whether inside a string. */
export class JsonValueScan {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Newlines passed by scanTo (a pretty-printed item spans lines). */
  newlines = 0;

  /** Starts a value at its first byte (never whitespace). */
  begin(c: number): ValueEnd {
    this.depth = 0; this.inString = false; this.escaped = false;
    return this.step(c);
  }

  step(c: number): ValueEnd {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 92) this.escaped = true; // backslash
      else if (c === 34) { this.inString = false; if (this.depth === 0) return ValueEnd.Here; }
      return ValueEnd.No;
    }
    if (c === 34) this.inString = true;
    else if (c === 123 || c === 91) this.depth++; // { [
    else if (c === 125 || c === 93) { // } ]
      if (this.depth === 0) return ValueEnd.Before; // the enclosing array's ] after a number
      if (--this.depth === 0) return ValueEnd.Here;
    } else if (this.depth === 0 && (c === 44 || isJsonSpace(c))) return ValueEnd.Before;
    return ValueEnd.No;
  }

  /**
   * Feeds `buf` from `from` on: the index just past the value's end (the byte after a closing brace, or the
   * byte that ended a number), or -1 when the buffer ends first (the state carries over to the next bytes).
   * The same rules as step, in one loop: the array reader spends its time here.
   */
  scanTo(buf: Uint8Array, from: number): number {
    let { depth, inString, escaped } = this;
    const n = buf.length;
    let i = from, end = -1;
    for (; i < n; i++) {
      const c = buf[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) { inString = false; if (depth === 0) { end = i + 1; break; } }
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) { end = i; break; }
        if (--depth === 0) { end = i + 1; break; }
      } else if (c === 10) {
        if (depth === 0) { end = i; break; } // the newline after a number: the reader counts it
        this.newlines++;
      } else if (depth === 0 && (c === 44 || c === 32 || c === 13 || c === 9)) { end = i; break; }
    }
    this.depth = depth; this.inString = inString; this.escaped = escaped;
    return end;
  }
}
