// `gatelab train` on a CTR label whose two values are one value spelt two ways: exit 2, the advice to write
// it one way, no run (it queued and trained on the spellings, noted only in the data line).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
// demos recorded, none made: this test needs none
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-cli-label-spellings-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab train on a CTR label spelt two ways', () => {
  it('refuses before queueing (exit 2) with the trim/lowercase advice', async () => {
    const file = join(home, 'clicks.csv');
    writeFileSync(file, ['user,item,click', ...Array.from({ length: 120 }, (_, i) => `u${i % 17},i${i % 23},${i % 3 ? 'clicked' : '"Clicked "'}`)].join('\n'));
    expect((await gatelab(['import', file, '--home', home])).code).toBe(0);
    const r = await gatelab(['train', '--home', home, '--dataset', 'clicks', '--target', 'click', '--template', 'dnn', '--epochs', '1']);
    expect(r.err).toContain("gatelab train: the label 'click' has 2 values that are one once case and surrounding spaces are ignored ('Clicked ' / 'clicked')");
    expect(r.err).toContain("df['click'] = df['click'].str.strip().str.lower()) and import it again");
    expect(r.code).toBe(2);
    expect(JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out)).toEqual([]);
  });
});
