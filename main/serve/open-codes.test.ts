// npm start's single-use codes: valid once, and only for a minute (a clock the test controls).
import { describe, expect, it } from 'vitest';
import { OPEN_CODE_MS, OpenCodes } from './open-codes';

describe('open codes', () => {
  it('a code opens once, within a minute; unknown codes never', () => {
    let now = 0;
    const codes = new OpenCodes(() => now);
    const a = codes.issue();
    const b = codes.issue();
    expect(a).not.toBe(b);
    expect(codes.redeem(a)).toBe(true);
    expect(codes.redeem(a)).toBe(false);
    now = OPEN_CODE_MS; // exactly a minute later: expired
    expect(codes.redeem(b)).toBe(false);
    const c = codes.issue();
    now += OPEN_CODE_MS - 1;
    expect(codes.redeem(c)).toBe(true);
    expect(codes.redeem('')).toBe(false);
    expect(codes.redeem('not-a-code')).toBe(false);
  });
});
