// Cold start on real MovieLens-100k ratings: a split that holds out users (users 1..400 train, the rest
// test, as a given split by user does) makes every test user unseen; a random split makes almost none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitOfAssignment } from '../../common/models/run-binding';
import { coldStartNote, percent, unseenShares } from './cold-start';
import { MOVIELENS, movielens } from './fixtures/movielens';
import { runDataFrom } from './run-data';

const LIMIT = 20_000;
const raw = readFileSync(join(MOVIELENS, 'u.data'), 'latin1').trim().split('\n').slice(0, LIMIT).map((l) => l.split('\t'));

describe('cold start in a recommendation run', () => {
  it('a split by user: every test user unseen; items counted from the raw file', () => {
    const data = movielens('u.data', LIMIT);
    // users ≤ 400 train (every 10th of their rows validation), the others test
    const assignment = Uint8Array.from(raw, (r, i) => (Number(r[0]) > 400 ? 2 : i % 10 === 0 ? 1 : 0));
    const split = splitOfAssignment(assignment);
    // independently: the share of test rows whose item never occurs in a training row
    const trainItems = new Set(raw.filter((_, i) => assignment[i] === 0).map((r) => r[1]));
    const test = raw.filter((_, i) => assignment[i] === 2);
    const itemShare = test.filter((r) => !trainItems.has(r[1])).length / test.length;
    expect(itemShare).toBeGreaterThan(0);
    const [user, item] = unseenShares(data, ['user', 'item'], split);
    expect(user.test).toBe(1);
    expect(user.val).toBe(0); // validation rows are users of the training part
    expect(item.test).toBeCloseTo(itemShare, 12);
    expect(coldStartNote(data, ['user', 'item', 'gender'], split)).toBe(
      `share of rows whose value is unseen in training: validation user 0%, item ${percent(item.val)}; test user 100%, item ${percent(itemShare)}`);
    // and in the run's data line
    const run = runDataFrom(data, () => 'categorical', split, { family: 'recsys', fields: ['user', 'item', 'gender'], numeric: [], multiHot: [], label: { column: 'rating', positiveAtLeast: 4 } });
    expect(run.data.describe).toMatch(/; share of rows whose value is unseen in training: validation user 0%, item (<1|\d+)%; test user 100%, item \d+%$/);
  });

  it('later fields are named only when some of their values are unseen; shares below 1% read "<1%"', () => {
    const data = movielens('u.data', LIMIT);
    const split = splitOfAssignment(Uint8Array.from(raw, (_, i) => [0, 0, 0, 0, 0, 0, 0, 0, 1, 2][i % 10]));
    const note = coldStartNote(data, ['user', 'item', 'gender', 'occupation'], split)!;
    expect(note).toMatch(/^share of rows whose value is unseen in training: validation user (<1|\d+)%, item (<1|\d+)%; test user (<1|\d+)%, item (<1|\d+)%$/);
    expect(percent(0.001)).toBe('<1%');
    expect(percent(0)).toBe('0%');
    expect(percent(0.034)).toBe('3%');
  });

  it('a click log whose fields are not users or items: only the fields with unseen values are named', () => {
    // C1 and C2 (few values, all seen in training) would read "0% of C1, 0% of C2"; C3 has a value only test rows hold
    const n = 40;
    const code = (values: number[], dictionary: string[]) => ({ values: Int32Array.from(values), dictionary });
    const columns: Record<string, { values: Int32Array; dictionary: string[] }> = {
      C1: code(Array.from({ length: n }, (_, r) => r % 2), ['a', 'b']),
      C2: code(Array.from({ length: n }, (_, r) => r % 3), ['x', 'y', 'z']),
      C3: code(Array.from({ length: n }, (_, r) => (r >= 36 ? 1 : 0)), ['p', 'q']),
    };
    const data = { rows: n, names: Object.keys(columns), column: (name: string) => columns[name] } as unknown as Parameters<typeof coldStartNote>[0];
    const split = splitOfAssignment(Uint8Array.from({ length: n }, (_, r) => (r >= 36 ? 2 : r >= 32 ? 1 : 0)));
    expect(coldStartNote(data, ['C1', 'C2', 'C3'], split)).toBe('share of rows whose value is unseen in training: validation C3 0%; test C3 100%');
    expect(coldStartNote(data, ['C1', 'C2'], split)).toBeNull();
    // a field named like an entity with a handful of values (a device type) is a category, not a user: no "device 0%"
    const device: typeof columns = { ...columns, device: code(Array.from({ length: n }, (_, r) => r % 3), ['mobile', 'desktop', 'tablet']) };
    const withDevice = { ...data, names: Object.keys(device), column: (name: string) => device[name] } as typeof data;
    expect(coldStartNote(withDevice, ['device', 'C3'], split)).toBe('share of rows whose value is unseen in training: validation C3 0%; test C3 100%');
  });
});
