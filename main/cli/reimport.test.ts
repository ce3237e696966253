// `gatelab import` of bytes already imported, as a user runs it: the existing dataset is returned, and
// options that would have changed it are named as not applied, with what to do. The commands run in this
// process (testing/gatelab.ts: the same main(), stdout and stderr apart, the exit code bin/gatelab.js
// would give), without a child's second of start-up each.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab as cli } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

async function gatelab(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await cli([...args, '--home', home]);
  return { code: r.code, stdout: r.out, stderr: r.err };
}

let home: string, file: string;
beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-reimport-'); // demos recorded, none made: this test needs none
  file = join(home, 'sales.csv');
  writeFileSync(file, 'aisle,units,price\n1,10,2.5\n2,,3.5\n1,12,2.5\n2,9,NA\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab import of the same file again', () => {
  it('names the options it did not apply and how to apply them; silent when nothing differs', async () => {
    const first = await gatelab(['import', file, '--json']);
    expect(first.code).toBe(0);
    const id = JSON.parse(first.stdout).id;

    const again = await gatelab(['import', file, '--json', '--on-invalid', 'impute', '--types', 'aisle=categorical,units=int', '--roles', 'price=target']);
    expect(again.code).toBe(0);
    const j = JSON.parse(again.stdout);
    expect(j).toMatchObject({ id, created: false, optionsNotApplied: ['--on-invalid impute', '--types aisle=categorical', '--roles price=target'] });
    expect(again.stderr).toContain(`already imported as dataset ${id} 'sales' with the same content; the options --on-invalid impute, --types aisle=categorical, --roles price=target were not applied`);
    expect(again.stderr).toContain(`gatelab datasets delete ${id}`);
    expect(again.stderr).toContain(`gatelab datasets roles ${id}`);

    const same = await gatelab(['import', file, '--delimiter', ',', '--types', 'units=int']); // what was sniffed anyway
    expect(same).toMatchObject({ code: 0, stderr: '' });
    expect(same.stdout).toMatch(/^Already imported: dataset \d+ 'sales'/);
  });

  it('--date-order on the same bytes is named as not applied; deleting and importing again applies it', async () => {
    // 1 to 3 July 2016, hourly: inference reads day first (regular steps); month first is 7 Jan, 7 Feb, 7 Mar
    const dated = join(home, 'hourly.csv');
    const rows = Array.from({ length: 72 }, (_, h) => `0${1 + Math.floor(h / 24)}/07/2016 ${String(h % 24).padStart(2, '0')}:00,${h}`);
    writeFileSync(dated, `date,v\n${rows.join('\n')}\n`);
    const { id } = JSON.parse((await gatelab(['import', dated, '--json'])).stdout);
    expect((await gatelab(['import', dated, '--date-order', 'dmy'])).stderr).toBe(''); // the order it was read in anyway
    const again = await gatelab(['import', dated, '--json', '--date-order', 'mdy']);
    expect(JSON.parse(again.stdout)).toMatchObject({ id, created: false, optionsNotApplied: ['--date-order mdy'] });
    expect(again.stderr).toContain(`the options --date-order mdy were not applied. To import it with them, delete it first (gatelab datasets delete ${id}), then import again (--date-order cannot be changed in place`);
    expect((await gatelab(['datasets', 'delete', String(id)])).code).toBe(0);
    const month = JSON.parse((await gatelab(['import', dated, '--json', '--date-order', 'mdy'])).stdout);
    expect(month.created).toBe(true);
    expect(month.columns[0].stats.min).toBe(Date.UTC(2016, 0, 7) / 1000);
  });

  it('after deleting the dataset, the import applies the options', async () => {
    const { id } = JSON.parse((await gatelab(['import', file, '--json'])).stdout);
    expect((await gatelab(['datasets', 'delete', String(id)])).code).toBe(0);
    const r = await gatelab(['import', file, '--json', '--on-invalid', 'impute', '--types', 'aisle=categorical']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ created: true });
    expect(j.optionsNotApplied).toBeUndefined();
    expect(j.columns[0]).toMatchObject({ name: 'aisle', type: 'categorical' });
  });
});
