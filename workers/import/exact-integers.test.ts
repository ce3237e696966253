// The quoting of integers beyond ±2^53 before JSON.parse: exact digits kept, everything else untouched.
import { describe, expect, it } from 'vitest';
import { quoteUnsafeIntegers } from './exact-integers';

describe('quoteUnsafeIntegers', () => {
  it('quotes top-level integers beyond ±2^53 and nothing else', () => {
    const line = '{"id": 1152921504606846977, "neg":-9007199254740993, "safe": 9007199254740991, "f": 12345678901234567.5, "e": 12345678901234567e2}';
    const v = JSON.parse(quoteUnsafeIntegers(line));
    expect(v).toEqual({ id: '1152921504606846977', neg: '-9007199254740993', safe: 9007199254740991, f: 12345678901234567.5, e: 12345678901234567e2 });
  });

  it('leaves strings, nested values and lines without long digit runs alone', () => {
    const nested = '{"s": "x\\" 1152921504606846977", "v": [1152921504606846977, 2], "o": {"k": 1152921504606846977}}';
    expect(quoteUnsafeIntegers(nested)).toBe(nested);
    const plain = '{"a": 1, "b": "c"}';
    expect(quoteUnsafeIntegers(plain)).toBe(plain);
    expect(() => JSON.parse(quoteUnsafeIntegers('{"a": 11529215046068469771'))).toThrow(); // broken JSON stays broken
  });
});
