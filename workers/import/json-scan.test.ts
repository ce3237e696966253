// Where a JSON value ends in raw bytes: the cut the array reader makes between records.
import { describe, expect, it } from 'vitest';
import { JsonValueScan, ValueEnd } from './json-scan';

/** The end scanTo finds for a value starting at byte 0 of `text`, fed in pieces of `piece` bytes. */
function endOf(text: string, piece = text.length): { end: number; newlines: number } {
  const buf = Buffer.from(text);
  const scan = new JsonValueScan();
  expect(scan.begin(buf[0])).toBe(ValueEnd.No);
  for (let from = 1; from < buf.length; from += piece) {
    const part = buf.subarray(0, Math.min(buf.length, from + piece));
    const end = scan.scanTo(part, from);
    if (end >= 0) return { end, newlines: scan.newlines };
  }
  return { end: -1, newlines: scan.newlines };
}

describe('JsonValueScan', () => {
  it('an object ends at its own closing brace, not at braces, brackets or escaped quotes inside strings', () => {
    const item = '{"a": "x}]\\"{", "b": [1, {"c": 2}]}';
    expect(endOf(`${item}, {"d": 1}]`).end).toBe(item.length);
  });

  it('the same cut when the bytes arrive a few at a time (state carries over)', () => {
    const item = '{"a": "x}]\\\\", "b": [1, {"c": "\\""}]}';
    for (const piece of [1, 2, 3, 7]) expect(endOf(`${item},{}]`, piece).end).toBe(item.length);
  });

  it('a number ends before the comma, bracket or newline after it; a string at its closing quote', () => {
    expect(endOf('12.5e3, 4]').end).toBe(6);
    expect(endOf('-7]').end).toBe(2);
    expect(endOf('true\n,').end).toBe(4);
    expect(endOf('"a,b]"]').end).toBe(6);
  });

  it('counts the newlines inside a pretty-printed value (the reader numbers lines with them)', () => {
    expect(endOf('{\n  "a": [\n    1\n  ]\n},').newlines).toBe(4);
  });

  it('an unclosed value never ends', () => {
    expect(endOf('{"a": "never closed}').end).toBe(-1);
  });
});
