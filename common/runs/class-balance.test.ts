// The class-balance line `gatelab show` and the run page print: the label's shares per part, named by its
// classes; nothing for a run without counts (stored before them) or whose counts do not match its classes.
import { describe, expect, it } from 'vitest';
import { classBalanceLine, partShare } from './class-balance';

const clicked = { column: 'clicked', classes: ['0', '1'], positive: '1', negative: '0' };
// the demo click log's rows per class, as a `lr` run's trainer counted them
const clicks = { train: [68092, 11908], validation: [8522, 1478], test: [8601, 1399] };

describe('classBalanceLine', () => {
  it("binary: the positive class's share of each part and its rows, in one line", () => {
    expect(classBalanceLine(clicked, clicks)).toBe(
      "class balance: 'clicked' = 1 (positive) is 14.9% of train, 14.8% of validation and 14.0% of test rows (11,908 / 1,478 / 1,399)",
    );
  });

  it("a label rule's positive class is named by its rule", () => {
    const stars = { column: 'stars', classes: ['< 4', '≥ 4'], positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 };
    expect(classBalanceLine(stars, { train: [300, 700], validation: [40, 60], test: [0, 100] }))
      .toBe("class balance: 'stars' ≥ 4 (positive) is 70.0% of train, 60.0% of validation and 100% of test rows (700 / 60 / 100)");
  });

  it('more classes: each class with its share of train / validation / test, in class-id order', () => {
    const outcome = { column: 'outcome', classes: ['escalated', 'refund', 'resolved'] };
    expect(classBalanceLine(outcome, { train: [640, 160, 7200], validation: [79, 21, 900], test: [81, 19, 900] })).toBe(
      "class balance (share of train / validation / test rows): 'escalated' 8.0% / 7.9% / 8.1% · 'refund' 2.0% / 2.1% / 1.9% · 'resolved' 90.0% / 90.0% / 90.0%",
    );
  });

  it('many classes: the most and the least frequent in train, the rest counted', () => {
    const names = Array.from({ length: 12 }, (_, i) => `c${i}`);
    // c0 the most frequent down to c11 the rarest, except c5, rarer than all
    const train = names.map((_, i) => (i === 5 ? 1 : 1200 - 100 * i));
    const line = classBalanceLine({ column: 'y', classes: names }, { train, validation: train, test: train })!;
    expect(line).toMatch(/^class balance \(share of train \/ validation \/ test rows\); 12 classes, the 3 most and the 3 least frequent in train: 'c0' /);
    expect(line.split(' · ').map((s) => s.match(/'(c\d+)'|… \d+ more/)![0])).toEqual(["'c0'", "'c1'", "'c2'", '… 6 more', "'c10'", "'c11'", "'c5'"]);
  });

  it('nothing for a run stored before the counts, without class names, or with counts of other classes', () => {
    expect(classBalanceLine(clicked, undefined)).toBeNull();
    expect(classBalanceLine(undefined, clicks)).toBeNull();
    expect(classBalanceLine({ column: 'clicked' }, clicks)).toBeNull();
    expect(classBalanceLine({ column: 'y', classes: ['a', 'b', 'c'] }, clicks)).toBeNull();
  });
});

describe('partShare', () => {
  it('keeps a rare class visible and says near-all is not all; an empty part has no share', () => {
    expect(partShare(3, 80_000)).toBe('<0.1% (3 rows)');
    expect(partShare(1, 80_000)).toBe('<0.1% (1 row)');
    expect(partShare(79_999, 80_000)).toBe('>99.9%');
    expect([partShare(0, 10), partShare(10, 10), partShare(0, 0), partShare(1, 8)]).toEqual(['0%', '100%', '—', '12.5%']);
  });
});
