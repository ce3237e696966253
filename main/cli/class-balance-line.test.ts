// `gatelab show` says how imbalanced a classification run's label is in each part, after its data (and modalities) line: the
// shares of a 3-class label whose rarest class is 5% of the file, from the rows per class its trainer counted.
// A run stored before the trainer sent those counts shows its data line alone. The commands run in this
// process (testing/gatelab.ts), in a home without the demos.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../engine/nn/random';
import { gatelab as cli } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { withoutDataFact } from './testing/older-run';

let home: string;
const gatelab = async (...args: string[]) => {
  const r = await cli([...args, '--home', home]);
  return { code: r.code, out: r.out + r.err };
};

// 400 tickets: 300 resolved, 80 escalated, 20 refund (class-id order sorts them: escalated, refund, resolved)
const FILE_COUNTS = { escalated: 80, refund: 20, resolved: 300 };

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-class-balance-');
  const rng = seededRandom(7, 'tickets');
  const outcomes = Object.entries(FILE_COUNTS).flatMap(([name, n]) => Array<string>(n).fill(name));
  const lines = ['wait_minutes,messages,outcome'];
  for (const outcome of outcomes) lines.push(`${(60 * rng.uniform()).toFixed(1)},${1 + Math.floor(9 * rng.uniform())},${outcome}`);
  writeFileSync(join(home, 'tickets.csv'), lines.join('\n') + '\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const pct = (n: number, total: number) => `${((100 * n) / total).toFixed(1)}%`;

describe('gatelab show: the class balance line', () => {
  it("follows the data line with each class's share of train / validation / test, from the counted rows", async () => {
    const r = await gatelab('train', '--dataset', join(home, 'tickets.csv'), '--target', 'outcome', '--template', 'concat-fusion', '--epochs', '1');
    expect(r.code, r.out).toBe(0);
    const json = JSON.parse((await gatelab('show', '1', '--json')).out.trim().split('\n').at(-1)!) as {
      data: { label: { classes: string[] }; classCounts: Record<'train' | 'validation' | 'test', number[]> };
    };
    const { classes } = json.data.label;
    const counts = json.data.classCounts;
    expect(classes).toEqual(['escalated', 'refund', 'resolved']);
    // the counts are the file's rows per class, split into the three parts
    expect(classes.map((_, c) => counts.train[c] + counts.validation[c] + counts.test[c])).toEqual(Object.values(FILE_COUNTS));
    const totals = (['train', 'validation', 'test'] as const).map((p) => counts[p].reduce((a, b) => a + b, 0));
    const shares = classes.map((name, c) => `'${name}' ${(['train', 'validation', 'test'] as const).map((p, i) => pct(counts[p][c], totals[i])).join(' / ')}`);
    const show = await gatelab('show', '1');
    expect(show.out).toMatch(/\n {2}data: fusion: [^\n]*\n {2}modalities: [^\n]*\n {2}class balance \(share of train \/ validation \/ test rows\): [^\n]*\n {2}metrics:/);
    expect(show.out).toContain(`\n  class balance (share of train / validation / test rows): ${shares.join(' · ')}\n`);
  }, 60_000);

  it('a run stored before the trainer counted its classes shows its data line alone', async () => {
    withoutDataFact(home, 1, 'classCounts');
    const show = await gatelab('show', '1');
    expect(show.code, show.out).toBe(0);
    expect(show.out).toMatch(/\n {2}data: fusion: [^\n]*\n {2}modalities: [^\n]*\n {2}metrics:/);
    expect(show.out).not.toContain('class balance');
  }, 30_000);
});
