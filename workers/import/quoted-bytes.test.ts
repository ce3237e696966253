// The import's byte rewriters read a file in chunks of any size: a chunk may end inside a quoted value or
// right after the spaces that make a tab, and the rewritten text must be what the whole file gives.
import { describe, expect, it } from 'vitest';
import { SkipInitialSpaces } from './initial-spaces';
import { WhitespaceToTabs } from './whitespace-columns';
import type { QuoteAwareRewriter } from './quoted-bytes';

/** The text pushed one byte a chunk. */
const byteByByte = (r: QuoteAwareRewriter, text: string) => Buffer.concat([...Buffer.from(text)].map((b) => r.push(Buffer.from([b])))).toString();

describe('a rewriter fed one byte at a time', () => {
  it("WhitespaceToTabs: the tab owed for a run of spaces comes out with the next field's first byte", () => {
    const text = '  1.5   2 \t "a  b"   x\r\n 3  "q ""x"" y" 4\n';
    expect(byteByByte(new WhitespaceToTabs(), text)).toBe('1.5\t2\t"a  b"\tx\r\n3\t"q ""x"" y"\t4\n');
  });

  it("SkipInitialSpaces: a delimiter, its spaces and a line break inside quotes stay in the value", () => {
    const text = '1, "a,  b\nc", d\n2,  "e ""f"", g"\n';
    expect(byteByByte(new SkipInitialSpaces(0x2c), text)).toBe('1,"a,  b\nc",d\n2,"e ""f"", g"\n');
  });
});
