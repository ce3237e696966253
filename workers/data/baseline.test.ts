// The majority-class baseline names its class twice: `majority` as the data line says it ("'0'", quoted for
// reading) and `majorityClass` as the file writes it ("0"), which a script compares with its own labels.
import { describe, expect, it } from 'vitest';
import { TEST, TRAIN, type SplitResult } from '../../common/data';
import type { TargetCoding } from '../../common/models/target';
import { majorityBaseline } from './baseline';

// rows 0-5 train, 6-9 test; labels: train mostly class 1, test half and half
const labels = [1, 1, 1, 0, 2, 1, 1, 0, 1, 0];
const split = { assignment: Uint8Array.from(labels.map((_, r) => (r < 6 ? TRAIN : TEST))), counts: { train: 6, val: 0, test: 4 } } as SplitResult;
const labelOf = (r: number) => labels[r];

describe('majorityBaseline: the class in both spellings', () => {
  it('classes: the name unquoted', () => {
    const t: TargetCoding = { kind: 'classes', column: 'mood', names: ['calm', 'neutral', 'angry'], labelOf };
    expect(majorityBaseline(t, split)).toEqual({ accuracy: 0.5, majority: "'neutral'", majorityClass: 'neutral' });
  });

  it("binary: the file's word; a threshold rule: the rule", () => {
    const binary = (r: number) => Math.min(labels[r], 1);
    expect(majorityBaseline({ kind: 'binary', column: 'click', positive: '1', negative: '0', labelOf: binary }, split))
      .toMatchObject({ majority: "'1'", majorityClass: '1', positiveRate: 0.5 });
    expect(majorityBaseline({ kind: 'binary', column: 'rating', positive: '≥ 4', negative: '< 4', rule: 4, labelOf: binary }, split))
      .toMatchObject({ majority: "'rating' ≥ 4", majorityClass: 'rating ≥ 4' });
  });
});
