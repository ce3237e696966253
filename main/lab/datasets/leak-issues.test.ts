// The leakage warning among a dataset's issues, as the app's Validation tab and `gatelab datasets show` read
// them (currentIssues): judged under the roles as they are, through a real import and the registry's role
// change. A feature that copies the target is named once the target is set, and the warning goes when the
// feature is set to ignore; a merely useful feature and a series' channels are never named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { currentIssues } from './current-issues';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-leak-issues-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** 600 reviews: stars (given with the recommendation: 1–2 no, 4–5 yes), a size that agrees 70% of the time, a note. */
function reviews(): string {
  const lines = ['stars,size,note,recommended'];
  for (let i = 0; i < 600; i++) {
    const yes = i % 5 !== 0;
    const stars = yes ? 4 + (i % 2) : 1 + (i % 2);
    const size = (i * 7) % 10 < 7 === yes ? 'M' : 'L';
    lines.push(`${stars},${size},n${i % 31},${yes ? 'yes' : 'no'}`);
  }
  const file = join(home, 'reviews.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const leaks = (issues: ReturnType<typeof currentIssues>) => issues.filter((i) => i.severity === 'warning' && i.message.includes('leaks the answer'));

describe('the leakage warning under the current roles', () => {
  it('names the feature that decides the target once a target is set, and not after it is ignored', async () => {
    const { dataset } = await lab.registry.importDataset(reviews());
    expect(leaks(currentIssues(dataset))).toEqual([]); // no target yet: nothing to leak
    const withTarget = lab.registry.setColumns(dataset.id, [{ column: 'recommended', role: 'target' }]);
    const [warning, ...more] = leaks(currentIssues(withTarget));
    expect(more).toEqual([]); // 'size' (70%) and 'note' are not named
    expect(warning).toMatchObject({ kind: 'note', severity: 'warning', column: 'stars', count: 600 });
    expect(warning.message).toMatch(/^'stars' alone predicts 'recommended' for 100% of 600 rows \(majority class: 80%\)/);
    expect(warning.message).toContain(`gatelab datasets roles ${dataset.id} stars=ignore`);
    const ignored = lab.registry.setColumns(dataset.id, [{ column: 'stars', role: 'ignore' }]);
    expect(leaks(currentIssues(ignored))).toEqual([]);
  });

  it('leaves a series alone: a time column and no family (the channels are the target\'s own neighbours)', async () => {
    const lines = ['date,load,load_copy'];
    for (let i = 0; i < 300; i++) lines.push(`2021-01-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,${i % 24},${(i % 24) * 2}`);
    const file = join(home, 'loads.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { dataset } = await lab.registry.importDataset(file);
    const withTarget = lab.registry.setColumns(dataset.id, [{ column: 'load', role: 'target' }]);
    expect(withTarget.columns.find((c) => c.name === 'date')?.role).toBe('time');
    expect(leaks(currentIssues(withTarget))).toEqual([]);
    // the same table without its time role is a regression table: the copy is named
    const table = lab.registry.setColumns(dataset.id, [{ column: 'date', role: 'ignore' }]);
    expect(leaks(currentIssues(table)).map((i) => i.column)).toEqual(['load_copy']);
  });
});
