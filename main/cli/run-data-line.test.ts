// The run's data line and majority-class baseline as a user sees them (audit a15): printed when the run
// starts AND stored with it (`gatelab show`, --json), the 0/1 label named by its column and its 1, a yes/no
// label by the words its file wrote (the importer stores them as a boolean, 'false'/'true' in its dictionary), the
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

let home: string, file: string, yesNo: string;
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
  // a bank-marketing-like file: ';' delimited, quoted strings, the label 'y' written "yes"/"no" (30% yes)
  const bank = ['"age";"housing";"duration";"campaign";"y"'];
  for (let i = 0; i < 400; i++) bank.push(`${20 + (i % 50)};"${i % 3 ? 'yes' : 'no'}";${(rng.normal() * 100 + 300).toFixed(0)};${1 + (i % 7)};"${i % 10 < 3 ? 'yes' : 'no'}"`);
  yesNo = join(home, 'bank.csv');
  writeFileSync(yesNo, bank.join('\n') + '\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the run\'s data line and baseline are stored and shown', () => {
  it('a 99:1 label: "\'fraud\' = 1 is positive (0 negative)", the baseline next to the test metrics, in show and --json', async () => {
    const r = await gatelab('train', '--dataset', file, '--target', 'fraud', '--template', 'concat-fusion', '--epochs', '1');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/label: 'fraud' = 1 is positive \(0 negative\)/);
    expect(r.out).toMatch(/completed at step \d+: test .*\n {2}majority-class baseline: accuracy 0\.990 \(always '0'; positive rate 1\.0% on test\)/);
    const show = await gatelab('show', '1');
    expect(show.out).toMatch(/\n {2}majority-class baseline: accuracy 0\.990/);
    expect(show.out).toMatch(/\n {2}data: fusion: 800 train \/ 100 validation \/ 100 test samples; label: 'fraud' = 1 is positive \(0 negative\)/);
    const json = JSON.parse((await gatelab('runs', 'show', '1', '--json')).out.trim().split('\n').at(-1)!);
    expect(json.data).toMatchObject({ line: expect.stringMatching(/^fusion: 800 train/), logScaled: [], baseline: { accuracy: 0.99, majority: "'0'", positiveRate: 0.01 } });
  }, 60_000);

  it('gmu on a one-modality file is refused before it is queued, and --target is left as it was', async () => {
    const r = await gatelab('train', '--dataset', 'imbalanced', '--target', 'flag', '--template', 'gmu', '--epochs', '1');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/gmu fuses at least 2 modalities; for a one-modality dataset use concat-fusion/);
    expect(r.out).toMatch(/target of dataset \d+ left as it was: the run was refused/);
    expect(JSON.parse((await gatelab('runs', '--json')).out.trim().split('\n').at(-1)!)).toHaveLength(1); // no failed run left behind
    expect((await gatelab('datasets', 'show', 'imbalanced')).out).toMatch(/fraud\s+boolean\s+target/);
  }, 30_000);

  it("a yes/no label says 'yes' and 'no' (its file's words) in the data line, the baseline, the per-class table and show", async () => {
    const r = await gatelab('train', '--dataset', yesNo, '--target', 'y', '--template', 'concat-fusion', '--epochs', '1');
    expect(r.code, r.out).toBe(0);
    const dataset = (await gatelab('datasets', 'show', 'bank')).out;
    expect(dataset).toMatch(/\by\s+boolean\s+target/);
    // 'campaign' (a count of calls) stays a number: only campaign_id-like names are read as ids
    expect(dataset).toMatch(/campaign\s+int\s/);
    expect(r.out).toMatch(/label: 'y' = 'yes' is positive \('no' negative\)/);
    expect(r.out).toMatch(/majority-class baseline: accuracy [\d.]+ \(always 'no'; positive rate/);
    const id = /run (\d+) queued/.exec(r.out)![1];
    const show = (await gatelab('show', id)).out;
    expect(show).toMatch(/predicted: no\s+yes\n\s+no\s.*\n\s+yes\s/);
    expect(show).toMatch(/always 'no'/);
    expect(show).toMatch(/data: fusion: .*label: 'y' = 'yes' is positive \('no' negative\)/);
    expect(show).not.toMatch(/'true'|'false'|\(true\)/);
  }, 60_000);
});
