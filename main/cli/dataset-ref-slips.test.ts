// The slips a new user makes naming a dataset on the command line: a name one letter off (or in another
// case) is refused with the name meant, and a dataset run without --template points at the command that
// lists the templates (`gatelab templates`; `gatelab help` lists commands, not templates).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gatelab } from './testing/gatelab';

let dir: string;
let home: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-dataset-slips-'));
  home = join(dir, 'lab');
  const rows = Array.from({ length: 40 }, (_, i) => `${150 + (i % 30)},${50 + (i % 17)},${i % 2 ? 'yes' : 'no'}`);
  writeFileSync(join(dir, 'athletes.csv'), ['height,weight,finished', ...rows].join('\n') + '\n');
  expect((await gatelab(['import', join(dir, 'athletes.csv'), '--home', home])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('naming a dataset on the command line', () => {
  it('suggests the dataset a misspelt or miscased name meant, and nothing for an unknown id', async () => {
    for (const typed of ['athlete', 'Athletes']) {
      const r = await gatelab(['train', '--dataset', typed, '--template', 'dlinear', '--home', home]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`No dataset '${typed}'\\. Known datasets: .*\\(athletes\\).*\\. Did you mean 'athletes'\\? Import one with`));
    }
    const byId = await gatelab(['datasets', 'show', '99', '--home', home]);
    expect(byId.code).toBe(2);
    expect(byId.err).not.toContain('Did you mean');
  });

  it('a dataset run without --template names gatelab templates as the list', async () => {
    const r = await gatelab(['train', '--dataset', 'athletes', '--home', home]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('a dataset run needs --template NAME (gatelab templates lists them; e.g. dlinear, finalmlp, gmu)');
  });

  it("advice to store a split names the dataset given with --dataset, not a stand-in id", async () => {
    // dataset 1 of this lab is athletes; the demos come after it, so ask on a demo: its name is what to paste
    const r = await gatelab(['train', '--dataset', 'Demo: click log (CTR)', '--template', 'dnn', '--set', 'split=stratified', '--home', home]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("a stratified split is stored with the dataset first: gatelab datasets split 'Demo: click log (CTR)' --kind stratified --column COLUMN");
    expect(r.err).not.toContain('gatelab datasets split 1 ');
  });
});
