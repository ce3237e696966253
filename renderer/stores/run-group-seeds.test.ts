// "New run from this" on one run of a 3-seed start starts 3 runs again; a sweep's other points and other
// starts in the same group are not counted.
import { describe, expect, it } from 'vitest';
import { seedsOfGroup } from './run-group-seeds';

const run = (id: string, group: string | null, name: string) => ({ id, group, name });

describe('seedsOfGroup', () => {
  it('counts the runs of the same start in the group, not other sweep points, and 1 for a run alone', () => {
    const all = [run('1', 'g', 'tsmixer on loads seed=0'), run('2', 'g', 'tsmixer on loads seed=1'), run('3', 'g', 'tsmixer on loads seed=2'), run('4', 'g', 'tsmixer on loads lr=0.01 seed=0'), run('5', null, 'alone')];
    expect(seedsOfGroup(all[1], all)).toBe(3);
    expect(seedsOfGroup(all[3], all)).toBe(1);
    expect(seedsOfGroup(all[4], all)).toBe(1);
  });

  it('never says more than the lab accepts per start', () => {
    const all = Array.from({ length: 70 }, (_, i) => run(String(i), 'g', `x seed=${i}`));
    expect(seedsOfGroup(all[0], all)).toBe(64);
  });
});
