// A refusal's dataset command ("gatelab datasets split ID --kind chronological") names the dataset given to
// --dataset, so the command works when pasted; a data file given to --dataset is left as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { withDatasetInAdvice } from './advice-dataset';
import { labHomeWithDemos } from '../lab/testing/lab-home';

// a lab without the demos (generating them would take most of the test's time)
let home: string;
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-advice-id-'); }, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the dataset in a refusal\'s advice', () => {
  it('is the id or name typed, quoted for a shell when it needs it; a file is left alone', () => {
    const msg = 'or gatelab datasets split ID --kind chronological --ratios 0.7,0.1,0.2 to store one; gatelab datasets roles ID <column>=ignore)';
    expect(withDatasetInAdvice(msg, '3')).toBe('or gatelab datasets split 3 --kind chronological --ratios 0.7,0.1,0.2 to store one; gatelab datasets roles 3 <column>=ignore)');
    expect(withDatasetInAdvice(msg, "Demo: grid load (it's)")).toContain("gatelab datasets split 'Demo: grid load (it'\\''s)' --kind");
    const file = join(home, 'f.csv');
    writeFileSync(file, 'a\n1\n');
    expect(withDatasetInAdvice(msg, file)).toBe(msg);
    expect(withDatasetInAdvice('IDs: gatelab datasets show IDX', 'x')).toBe('IDs: gatelab datasets show IDX');
  });

  it('gatelab train --set split=ett on a short series: the suggested split command names the dataset, and works pasted', async () => {
    const file = join(home, 'meter.csv');
    writeFileSync(file, `time,kW\n${Array.from({ length: 400 }, (_, h) => `${new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ')},${(5 + Math.sin(h / 4)).toFixed(3)}`).join('\n')}\n`);
    expect((await gatelab(['import', file, '--home', home])).code).toBe(0);
    const r = await gatelab(['train', '--dataset', 'meter', '--template', 'linear', '--set', 'split=ett', '--home', home]);
    expect(r.code).toBe(2);
    const advice = /gatelab datasets split (\S+) --kind chronological --ratios 0\.7,0\.1,0\.2/.exec(r.err);
    expect(advice?.[1]).toBe('meter');
    expect((await gatelab(['datasets', 'split', advice![1], '--kind', 'chronological', '--ratios', '0.7,0.1,0.2', '--home', home])).code).toBe(0);
  });
});
