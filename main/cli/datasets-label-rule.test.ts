// Only the app could store a dataset's label rule ("binary label: value ≥ t" on its target). `gatelab
// datasets roles ID rating=target --positive-at-least 4` stores the same rule, where the app keeps it: a run
// on the dataset then trains on `rating ≥ 4`, as the app's would. A rule it cannot take is refused, nothing
// stored; a new target drops the old target's rule, as the app's Target box does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-label-rule-');
  const rows = Array.from({ length: 200 }, (_, i) => `u${i % 20},i${(i * 7) % 30},${1 + ((i * 3) % 5)},${['drama', 'comedy', 'horror'][i % 3]}`);
  writeFileSync(join(home, 'ratings.csv'), ['user,item,rating,genre', ...rows].join('\n') + '\n');
  expect((await gatelab(['import', join(home, 'ratings.csv'), '--home', home])).code).toBe(0);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);
const shown = async () => lastJson((await gatelab(['datasets', 'show', 'ratings', '--home', home, '--json'])).out) as { label: { positiveAtLeast: number | null; positive: string | null }; columns: Array<{ name: string; role: string }> };
const target = (d: { columns: Array<{ name: string; role: string }> }) => d.columns.find((c) => c.role === 'target')?.name;

describe('gatelab datasets roles … --positive-at-least N', () => {
  it('refuses a rule with no target, on a non-numeric target, or without a number (exit 2, nothing stored)', async () => {
    const none = await gatelab(['datasets', 'roles', 'ratings', '--positive-at-least', '4', '--home', home]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--positive-at-least 4 needs a target to read it on, and dataset \d+ 'ratings' has none: name its column, e.g. gatelab datasets roles ratings rating=target --positive-at-least 4/);
    const words = await gatelab(['datasets', 'roles', 'ratings', 'genre=target', '--positive-at-least', '4', '--home', home]);
    expect(words.code).toBe(2);
    expect(words.err).toMatch(/the target 'genre' is categorical, not a number, so no value is ≥ 4; a label rule reads a numeric target/);
    const typo = await gatelab(['datasets', 'roles', 'ratings', 'rating=target', '--positive-at-least', 'four', '--home', home]);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/--positive-at-least takes the value from which a row counts as positive .*; got 'four'/);
    const d = await shown();
    expect([target(d), d.label.positiveAtLeast]).toEqual([undefined, null]);
  });

  it('stores the rule as the app does: datasets show says it, and a run trains on rating ≥ 4', async () => {
    const set = await gatelab(['datasets', 'roles', 'ratings', 'rating=target', '--positive-at-least', '4', '--home', home]);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain("roles updated; label rule: 'rating' ≥ 4 is positive (1), below it negative (0)");
    expect((await shown()).label).toEqual({ positiveAtLeast: 4, positive: null });
    expect((await gatelab(['datasets', 'show', 'ratings', '--home', home])).out).toContain("Label rule: 'rating' ≥ 4 is positive (1)");
    const run = await gatelab(['train', '--dataset', 'ratings', '--template', 'lr', '--epochs', '1', '--set', 'max-steps=2', '--home', home, '--json']);
    expect(run.code, run.err).toBe(0);
    const id = (lastJson(run.out) as { run: number }).run;
    const config = (lastJson((await gatelab(['show', String(id), '--home', home, '--json'])).out) as { config: { model: { positiveAtLeast?: number } } }).config;
    expect(config.model.positiveAtLeast).toBe(4);
  }, 120_000);

  it('a new target drops the rule (it was for another column); none removes it', async () => {
    expect((await gatelab(['datasets', 'roles', 'ratings', '--positive-at-least', '3', '--home', home])).code).toBe(0);
    expect((await shown()).label).toEqual({ positiveAtLeast: 3, positive: null });
    const moved = await gatelab(['datasets', 'roles', 'ratings', 'item=target', '--home', home]);
    expect(moved.code, moved.err).toBe(0);
    expect(moved.out).toContain("label rule 'rating' ≥ 3 removed: it was for 'rating', which is no longer the target");
    expect((await shown()).label).toEqual({ positiveAtLeast: null, positive: null });
    await gatelab(['datasets', 'roles', 'ratings', 'rating=target', '--positive-at-least', '4', '--home', home]);
    const removed = await gatelab(['datasets', 'roles', 'ratings', '--positive-at-least', 'none', '--home', home, '--json']);
    expect(removed.code, removed.err).toBe(0);
    expect(lastJson(removed.out).label).toEqual({ positiveAtLeast: null, positive: null });
  });
});

describe("gatelab datasets roles … --positive VALUE", () => {
  it('stores the positive value of a two-valued target (refusing one it lacks), and a run trains with it', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${1000 + i * 37},${i % 7 === 0 ? 'Charged Off' : 'Fully Paid'}`);
    writeFileSync(join(home, 'loan.csv'), ['amount,loan_status', ...rows].join('\n') + '\n');
    expect((await gatelab(['import', join(home, 'loan.csv'), '--home', home])).code).toBe(0);
    const typo = await gatelab(['datasets', 'roles', 'loan', 'loan_status=target', '--positive', 'charged off', '--home', home]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain("--positive 'charged off': the target 'loan_status' holds no such value; its values: 'Charged Off', 'Fully Paid'");
    const set = await gatelab(['datasets', 'roles', 'loan', 'loan_status=target', '--positive', 'Fully Paid', '--home', home, '--json']);
    expect(set.code, set.err).toBe(0);
    expect(lastJson(set.out).label).toEqual({ positiveAtLeast: null, positive: 'Fully Paid' });
    const run = await gatelab(['train', '--dataset', 'loan', '--template', 'concat-fusion', '--epochs', '1', '--set', 'max-steps=2', '--home', home, '--json']);
    expect(run.code, run.err).toBe(0);
    const id = (lastJson(run.out) as { run: number }).run;
    const config = (lastJson((await gatelab(['show', String(id), '--home', home, '--json'])).out) as { config: { model: { positive?: string } } }).config;
    expect(config.model.positive).toBe('Fully Paid');
  }, 120_000);
});

describe('gatelab train --target on a dataset with a label rule', () => {
  it('a refused run keeps the rule; a new target given to a run drops it (it was for the old column)', async () => {
    expect((await gatelab(['datasets', 'roles', 'ratings', 'rating=target', '--positive-at-least', '4', '--home', home])).code).toBe(0);
    // refused once the target is set (a CTR label of three genres): the target and the rule are put back
    const refused = await gatelab(['train', '--dataset', 'ratings', '--template', 'lr', '--target', 'genre', '--home', home]);
    expect(refused.code).toBe(2);
    expect(refused.out + refused.err).toMatch(/target of dataset \d+ left as it was: the run was refused/);
    expect(refused.out + refused.err).not.toContain('label rule of'); // a change set back is not said
    expect((await shown()).label).toEqual({ positiveAtLeast: 4, positive: null });
    expect(target(await shown())).toBe('rating');
    // 'item' read by the rule of 'rating' (item ≥ 4) would be a label nobody chose
    const moved = await gatelab(['train', '--dataset', 'ratings', '--template', 'concat-fusion', '--target', 'genre', '--epochs', '1', '--set', 'max-steps=2', '--home', home, '--json']);
    expect(moved.code, moved.err).toBe(0);
    expect(moved.out + moved.err).toContain("label rule of 'rating' removed: it was for that column, which is no longer the target");
    expect((await shown()).label).toEqual({ positiveAtLeast: null, positive: null });
    const id = (lastJson(moved.out) as { run: number }).run;
    const config = (lastJson((await gatelab(['show', String(id), '--home', home, '--json'])).out) as { config: { model: { positiveAtLeast?: number } } }).config;
    expect(config.model.positiveAtLeast).toBeUndefined();
  }, 120_000);
});
