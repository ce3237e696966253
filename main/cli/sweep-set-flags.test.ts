// `gatelab sweep` refuses a point's config in the same words as `gatelab train`: a gate's advice names the
// flag for the slot that holds the gate (`--set router.load=0`), which the user can paste as is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
// demos recorded, none made: this test needs none
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-sweep-flags-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab sweep refusing a gate field', () => {
  it('prints the qualified flag (--set router.load=0), exits 2 and queues nothing', async () => {
    const file = join(home, 'load.json');
    writeFileSync(file, JSON.stringify({ config: { model: { template: 'moe-dnn', router: { kind: 'topk-router', noisy: false, load: 0.1 } }, epochs: 1 }, seeds: 1 }));
    const r = await gatelab(['sweep', file, '--home', home]);
    expect(r.err).toContain('model.router.load: the CV² load loss needs noisy top-k gating');
    expect(r.err).toContain('--set router.load=0 (the importance loss balances without noise)');
    expect(r.err).not.toMatch(/--set load=/);
    expect(r.code).toBe(2);
    expect(JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out)).toEqual([]);
  });
});
