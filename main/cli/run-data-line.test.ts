// The run's data line and majority-class baseline as a user sees them (audit a15): printed when the run
// starts AND stored with it (`gatelab show`, --json), the 0/1 label named by its column and its 1, the
// baseline beside the test metrics on a 99:1 file; and a gated fusion on a one-modality file refused
// before it is queued, with --target left as it was. The commands run in this process (testing/gatelab.ts:
// the same main() and trainer processes, the exit code bin/gatelab.js would give) in a home without the
// demos (they play no part), without a child's second of start-up each.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../engine/nn/random';
import { gatelab as cli } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string, file: string;
const gatelab = async (...args: string[]) => {
  const r = await cli([...args, '--home', home]);
  return { code: r.code, out: r.out + r.err };
};

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-dataline-');
  const rng = seededRandom(8, 'fraud');
  const lines = ['f0,f1,flag,fraud'];
  for (let i = 0; i < 1000; i++) lines.push(`${rng.normal().toFixed(3)},${rng.normal().toFixed(3)},${i % 2},${i % 100 === 42 ? 1 : 0}`);
  file = join(home, 'imbalanced.csv');
  writeFileSync(file, lines.join('\n') + '\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the run\'s data line and baseline are stored and shown', () => {
  it('a 99:1 label: "\'fraud\' = 1 (true) is positive", the baseline next to the test metrics, in show and --json', async () => {
    const r = await gatelab('train', '--dataset', file, '--target', 'fraud', '--template', 'concat-fusion', '--epochs', '1');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/label: 'fraud' = 1 \(true\) is positive/);
    expect(r.out).toMatch(/completed at step \d+: test .*\n {2}majority-class baseline: accuracy 0\.990 \(always 'false'; positive rate 1\.0% on test\)/);
    const show = await gatelab('show', '1');
    expect(show.out).toMatch(/\n {2}majority-class baseline: accuracy 0\.990/);
    expect(show.out).toMatch(/\n {2}data: fusion: 800 train \/ 100 validation \/ 100 test samples; label: 'fraud' = 1 \(true\) is positive/);
    const json = JSON.parse((await gatelab('runs', 'show', '1', '--json')).out.trim().split('\n').at(-1)!);
    expect(json.data).toMatchObject({ line: expect.stringMatching(/^fusion: 800 train/), logScaled: [], baseline: { accuracy: 0.99, majority: "'false'", positiveRate: 0.01 } });
  }, 60_000);

  it('gmu on a one-modality file is refused before it is queued, and --target is left as it was', async () => {
    const r = await gatelab('train', '--dataset', 'imbalanced', '--target', 'flag', '--template', 'gmu', '--epochs', '1');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/gmu fuses at least 2 modalities; for a one-modality dataset use concat-fusion/);
    expect(r.out).toMatch(/target of dataset \d+ left as it was: the run was refused/);
    expect(JSON.parse((await gatelab('runs', '--json')).out.trim().split('\n').at(-1)!)).toHaveLength(1); // no failed run left behind
    expect((await gatelab('datasets', 'show', 'imbalanced')).out).toMatch(/fraud\s+boolean\s+target/);
  }, 30_000);
});
