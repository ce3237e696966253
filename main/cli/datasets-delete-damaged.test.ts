// `gatelab datasets delete N` of a dataset whose stored row is damaged: the way out its name refusal names
// (registry-name-holder.ts) works. Its row and folder go, it says what was damaged, the other datasets and
// their folders stay, and its name is free again. Real temp lab home, in-process (testing/gatelab.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { DEMO_VERSION } from '../lab/datasets/demo-install';

const home = mkdtempSync(join(tmpdir(), 'gatelab-datasets-delete-damaged-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab datasets delete of a damaged dataset', () => {
  it('deletes it and its folder, says what was damaged, keeps the others, and frees its name', async () => {
    const paths = labPaths(home);
    const lab = await openLabDatasets(paths, { demos: false });
    let broken: { id: number; dir: string };
    let other: { id: number; dir: string };
    try {
      lab.store.settings.set('demo.installedVersion', DEMO_VERSION); // no demos
      const add = async (name: string, k: number) => {
        writeFileSync(join(home, `${name}.csv`), 'x,y\n' + Array.from({ length: 8 }, (_, i) => `${i},${i * k}`).join('\n') + '\n');
        const { dataset } = await lab.registry.importDataset(join(home, `${name}.csv`));
        return { id: dataset.id, dir: join(paths.datasets, dataset.sourceHash) };
      };
      broken = await add('readings', 3);
      other = await add('other', 5);
      lab.store.db.prepare(`UPDATE datasets SET validation = '{"issues": [' WHERE id = ?`).run(broken.id);
    } finally {
      lab.close();
    }
    // the refusal names the command
    const refused = await gatelab(['datasets', 'rename', String(other.id), 'readings', '--home', home]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`delete dataset ${broken.id} if you no longer need it (gatelab datasets delete ${broken.id})`);

    const r = await gatelab(['datasets', 'delete', String(broken.id), '--home', home]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Deleted dataset ${broken.id} 'readings' (its stored validation was damaged) and its files\n`);
    expect(existsSync(broken.dir)).toBe(false);
    expect(existsSync(other.dir)).toBe(true);
    const listed = await gatelab(['datasets', '--home', home, '--json']);
    expect([listed.err, (JSON.parse(listed.out) as Array<{ id: number }>).map((d) => d.id)]).toEqual(['', [other.id]]);
    expect(await gatelab(['datasets', 'rename', String(other.id), 'readings', '--home', home])).toMatchObject({ code: 0 });
  });
});
