// A sweep's runs were named "run lr=0.01" (a file without a name) or "my sweep lr=0.01 k=2", unlike a
// `train --set` run ("lr on shop · lr=0.01"). Each is now named as train names one, then with the values that
// set its point apart from the others, in the same words (common/runs/change-words.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithClickFile } from './testing/click-file';

let home: string;
beforeAll(async () => {
  let file: string;
  ({ home, file } = await labHomeWithClickFile('gatelab-sweep-names-'));
  expect((await gatelab(['import', file, '--home', home])).code).toBe(0);
  expect((await gatelab(['datasets', 'roles', 'shop', 'click=target', '--home', home])).code).toBe(0);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const names = async () => (JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out) as Array<{ name: string }>).map((r) => r.name);

describe('gatelab sweep: the runs\' names', () => {
  it('without a name in the file: "template on dataset · the swept values that differ", seeds last', async () => {
    const file = join(home, 'unnamed.json');
    // epochs has one value: the same in every run, so no name says it
    writeFileSync(file, JSON.stringify({
      config: { template: 'lr', data: { kind: 'dataset', datasetId: 'shop' }, 'max-steps': 2 }, seeds: 2,
      sweep: { params: { 'optimizer.lr': [0.1, 0.01], epochs: [1] } },
    }));
    const r = await gatelab(['sweep', file, '--home', home]);
    expect(r.code, r.err).toBe(0);
    expect(await names()).toEqual(['lr on shop · lr=0.1 seed=1', 'lr on shop · lr=0.1 seed=2', 'lr on shop · lr=0.01 seed=1', 'lr on shop · lr=0.01 seed=2']);
  }, 120_000);

  it("with the file's name, that name then the same words", async () => {
    const file = join(home, 'named.json');
    writeFileSync(file, JSON.stringify({
      name: 'lr sweep', config: { model: { template: 'lr' }, data: { kind: 'dataset', datasetId: 'shop' }, epochs: 1, 'max-steps': 2 },
      sweep: { params: { lr: [0.5, 0.05] } },
    }));
    const r = await gatelab(['sweep', file, '--home', home]);
    expect(r.code, r.err).toBe(0);
    expect((await names()).slice(4)).toEqual(['lr sweep · lr=0.5', 'lr sweep · lr=0.05']);
  }, 120_000);
});
