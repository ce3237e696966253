// A fusion run names which columns went to which modality, on its own line after the data line: printed
// when the run starts and by `gatelab show` (a knockout's "gmu closed (tabular only)" means these columns).
// A run stored before the trainer sent its modalities shows its data line alone. The commands run in this
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

const LINE = 'modalities: text (title, body: hashed n-grams, 2^12 buckets); tabular (price, brand)';

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-modalities-');
  // two free-text columns (the text modality) beside a number and a category (the tabular one)
  const rng = seededRandom(4, 'shop');
  const words = ['great', 'cheap', 'broken', 'lovely', 'slow', 'fast', 'bad', 'good', 'nice', 'awful'];
  const phrase = (n: number) => Array.from({ length: n }, () => words[Math.floor(rng.uniform() * words.length)]).join(' ');
  const lines = ['title,body,price,brand,liked'];
  for (let i = 0; i < 300; i++) lines.push(`"${phrase(3)}","${phrase(8)}",${(5 + 45 * rng.uniform()).toFixed(2)},${['acme', 'zeta', 'orbit'][i % 3]},${i % 2}`);
  writeFileSync(join(home, 'shop.csv'), lines.join('\n') + '\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe("a fusion run's modalities line", () => {
  it('follows the data line in train and show, and --json keeps each modality\'s columns', async () => {
    const r = await gatelab('train', '--dataset', join(home, 'shop.csv'), '--target', 'liked', '--template', 'gmu', '--epochs', '1');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/gmu: [\d,]+ parameters; fusion: 240 train .*\nmodalities: .*\ntraining on cpu/);
    expect(r.out).toContain(`\n${LINE}\n`);
    const show = await gatelab('show', '1');
    expect(show.out).toMatch(/\n {2}data: fusion: 240 train [^\n]*\n {2}modalities: text \(title, body: hashed n-grams, 2\^12 buckets\); tabular \(price, brand\)\n {2}class balance: [^\n]*\n {2}metrics:/);
    const json = JSON.parse((await gatelab('runs', 'show', '1', '--json')).out.trim().split('\n').at(-1)!);
    expect(json.data.modalities).toEqual([
      { name: 'text', columns: [{ name: 'title', kind: 'text', width: 4096 }, { name: 'body', kind: 'text', width: 4096 }] },
      { name: 'tabular', columns: [{ name: 'price', kind: 'number', width: 1 }, { name: 'brand', kind: 'one-hot', width: expect.any(Number) }] },
    ]);
  }, 60_000);

  it('train --json without --follow says it on stderr after the data line, as the lines without --json do', async () => {
    const r = await cli(['train', '--dataset', 'shop', '--template', 'gmu', '--epochs', '1', '--json', '--home', home]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/gmu: [\d,]+ parameters; fusion: 240 train [^\n]*\nmodalities: /);
    expect(r.err).toContain(`\n${LINE}\n`);
    // stdout stays the one JSON line
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'completed' });
  }, 60_000);

  it('a run stored before modalities were kept shows its data line alone', async () => {
    withoutDataFact(home, 1, 'modalities');
    const show = await gatelab('show', '1');
    expect(show.code, show.out).toBe(0);
    expect(show.out).toMatch(/\n {2}data: fusion: 240 train [^\n]*\n {2}class balance: [^\n]*\n {2}metrics:/);
    expect(show.out).not.toContain('modalities:');
  }, 30_000);
});
