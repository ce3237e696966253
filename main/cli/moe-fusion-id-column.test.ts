// MoE fusion puts one expert per modality. A dataset with an id-like column (one value per row, no modality
// set) gave that column's group an expert before queueing, while the trainer drops id columns: the run was
// queued and failed at step 0 ("experts must equal the number of modalities (2), got 3"). The lab now counts
// the modalities the trainer keeps (common/models/usable-columns.ts fusionModalitiesByCounts).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';

const home = mkdtempSync(join(tmpdir(), 'gatelab-moe-ids-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function writeSites(): string {
  const file = join(home, 'sites.csv');
  const lines = ['site_id,region,x1,x2,good'];
  for (let i = 0; i < 120; i++) lines.push(`S${String(i).padStart(5, '0')},${['east', 'west', 'north'][i % 3]},${((i * 37) % 17) / 4},${((i * 11) % 13) / 3},${i % 2}`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('moe-fusion on a dataset with an id column', () => {
  it('counts one expert per modality the trainer keeps, trains, and refuses a count that includes the id', async () => {
    const file = writeSites();
    expect((await gatelab(['import', file, '--home', home])).code).toBe(0);
    // the user groups the features into two modalities; site_id, left without one, would be a third group
    const roles = await gatelab(['datasets', 'roles', 'sites', 'region=feature:place', 'x1=feature:measure', 'x2=feature:measure', 'good=target', '--home', home]);
    expect(roles.code, roles.err).toBe(0);
    const trained = await gatelab(['train', '--dataset', 'sites', '--home', home, '--template', 'moe-fusion', '--epochs', '1', '--json']);
    expect(trained.code, trained.err).toBe(0);
    const result = JSON.parse(trained.out.trim().split('\n').at(-1)!);
    expect(result.status).toBe('completed');
    const wrong = await gatelab(['train', '--dataset', 'sites', '--home', home, '--template', 'moe-fusion', '--set', 'router.experts=3', '--epochs', '1']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/\b2\b/);
  }, 120_000);

  it('refuses a gated fusion before queueing when a modality the roles make holds only an id, saying which went', async () => {
    const roles = await gatelab(['datasets', 'roles', 'sites', 'site_id=feature:ids', 'region=feature:rest', 'x1=feature:rest', 'x2=feature:rest', 'good=target', '--home', home]);
    expect(roles.code, roles.err).toBe(0);
    const before = JSON.parse((await gatelab(['runs', '--json', '--home', home])).out.trim().split('\n').at(-1)!) as unknown[];
    const refused = await gatelab(['train', '--dataset', 'sites', '--home', home, '--template', 'gmu', '--epochs', '1']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/gmu fuses at least 2 modalities/);
    expect(refused.err).toContain("('sites' has 2 modalities by its roles, but the data leaves one modality: rest: left out: site_id (an id: one value per row), modality 'ids' (no column left))");
    // the advice splits the modality left on the user's own columns (region, the categories among x1 and x2), and
    // moe-fusion says only the modalities problem (its experts count follows from it)
    expect(refused.err).toContain('give another column group a modality (gatelab datasets roles sites region=feature:categories)');
    const moe = await gatelab(['train', '--dataset', 'sites', '--home', home, '--template', 'moe-fusion', '--epochs', '1']);
    expect(moe.code).toBe(2);
    expect(moe.err).toMatch(/moe-fusion fuses at least 2 modalities/);
    expect(moe.err).not.toMatch(/router\.experts/);
    const after = JSON.parse((await gatelab(['runs', '--json', '--home', home])).out.trim().split('\n').at(-1)!) as unknown[];
    expect(after).toHaveLength(before.length); // nothing queued, nothing failed
  }, 120_000);
});
