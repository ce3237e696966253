// A bank-marketing file's `campaign` (the number of calls, 1–15) was imported as ids (categorical) because
// the id-name rule (common/data/id-names.ts) listed the word: a model then learned each count as a level
// with no order. A count keeps its numbers; a column written as an id (`campaign_id`) is still read as ids.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets } from './index';

const home = mkdtempSync(join(tmpdir(), 'gatelab-id-named-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('an int column named like a campaign', () => {
  it("'campaign' (a count of calls) stays int; 'campaign_id' is read as ids", async () => {
    const lines = ['age;campaign;campaign_id;y'];
    for (let i = 0; i < 60; i++) lines.push(`${20 + (i % 50)};${1 + (i % 15)};${7000 + (i % 9)};${i % 10 < 3 ? 'yes' : 'no'}`);
    writeFileSync(join(home, 'bank.csv'), lines.join('\n') + '\n');
    const lab = await openLabDatasets(labPaths(home), { demos: false });
    try {
      const { dataset } = await lab.registry.importDataset(join(home, 'bank.csv'));
      const column = (name: string) => dataset.columns.find((c) => c.name === name)!;
      expect(column('campaign').type).toBe('int');
      expect(column('campaign_id').type).toBe('categorical');
    } finally { lab.close(); }
  });
});
