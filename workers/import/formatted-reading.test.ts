// A plan made anew from another carries the later readings it is read without, and nothing else: an old
// dataset's decimal-comma column keeps reading '−1,5' as the bad value it was (parse-rules.ts).
import { describe, expect, it } from 'vitest';
import { laterReadingsOf } from './formatted-reading';

describe('laterReadingsOf', () => {
  it('copies every no-reading flag that is set, and only those', () => {
    expect(laterReadingsOf({ noOtherThousands: true, noAccountingNegatives: true, noUnicodeMinus: true })).toEqual({ noOtherThousands: true, noAccountingNegatives: true, noUnicodeMinus: true });
    expect(laterReadingsOf({ noUnicodeMinus: true, name: 'x', kind: 'number' } as never)).toEqual({ noUnicodeMinus: true });
    expect(laterReadingsOf({ noOtherThousands: false })).toEqual({});
  });
});
