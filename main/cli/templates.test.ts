// What a new user types before training: the template list, one template's options, `VERB --help`
// (which must never start a run), and `train --target` on a raw fusion CSV with no roles set.
// The list and --help run as real processes; the rest call the CLI in-process (testing/gatelab.ts).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_IDS, TEMPLATES, defaultModelConfig, type TemplateId } from '../../common/models';
import { DATA_SHAPED_FIELDS } from '../../common/runs/new-run-config';
import { gatelab, gatelabProcess } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

describe('gatelab templates, --help and train --target', () => {
  it('lists every template by family and shows one template\'s options with the dataset-shaped ones marked', async () => {
    const list = gatelabProcess(['templates']);
    expect(list.code).toBe(0);
    for (const id of TEMPLATE_IDS) expect(list.out).toContain(id);
    const one = await gatelab(['templates', 'finalmlp']);
    expect(one.out).toMatch(/gate1\.enabled = true/);
    expect(one.out).toMatch(/fields \(from the dataset\)/);
    // an option without a default is listed too, with its values: how a fusion target is read
    const fusion = await gatelab(['templates', 'gmu']);
    expect(fusion.out).toMatch(/^task \(optional\): How the target is read: .*'auto' \(the default: /m);
    expect(fusion.out).toMatch(/^  task = auto \| classification \| regression$/m);
    expect(one.out).not.toMatch(/^task/m); // a recommendation template has no such field
    const bad = await gatelab(['templates', 'finalmpl']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown template 'finalmpl' \(did you mean 'finalmlp'\?\); known templates: .*finalmlp/);
    // another spelling of an id is that template (`final-mlp`, `FinalMLP`)
    expect((await gatelab(['templates', 'Final-MLP'])).out).toMatch(/^finalmlp \(recsys\)/);
  });

  it("marks as '(from the dataset)' exactly the fields the lab fills from a dataset of the template's family", async () => {
    for (const t of TEMPLATES) {
      const shown = (await gatelab(['templates', t.id])).out;
      const marked = [...shown.matchAll(/^(\S+) \(from the dataset\)/gm)].map((m) => m[1]);
      const keys = Object.keys(defaultModelConfig(t.id as TemplateId, {}) as object);
      expect([t.id, marked]).toEqual([t.id, DATA_SHAPED_FIELDS[t.family].filter((k) => keys.includes(k))]);
    }
  });

  it('VERB --help prints the usage and trains nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-help-'));
    try {
      const r = gatelabProcess(['train', '--help', '--home', home]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage: gatelab train .*--template NAME/);
      expect(readdirSync(home)).toEqual([]); // no lab was even opened
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('train --target on a CSV without roles: text becomes one modality, the rest tabular', async () => {
    const home = await labHomeWithDemos(['forecasting'], 'gatelab-target-'); // the demo another family's template is refused on
    try {
      const words = ['great fit love it', 'poor quality returned', 'nice colour', 'too small sadly', 'perfect dress', 'cheap fabric'];
      const rows = ['review,age,size,liked'];
      for (let i = 0; i < 600; i++) rows.push(`"${words[i % 6]} ${i}",${20 + (i % 40)},${['S', 'M', 'L'][i % 3]},${i % 6 === 1 || i % 6 === 3 || i % 6 === 5 ? 0 : 1}`);
      const csv = join(home, 'reviews.csv');
      writeFileSync(csv, rows.join('\n'));
      const noTarget = await gatelab(['train', '--home', home, '--dataset', csv, '--template', 'gmu', '--epochs', '1', '--json']);
      // refused before a run is queued, naming --target and the likely column; the dataset the command imported is
      // removed again, so the roles advice starts from importing the file (not a dataset name that is gone)
      expect(JSON.parse(noTarget.out.trim().split('\n').at(-1)!).error).toMatch(/needs a target column: pass --target COLUMN, or gatelab import \S*reviews\.csv, then gatelab datasets roles ID <column>=target \(the column 'liked' looks like one\)/);
      expect((await gatelab(['runs', '--home', home, '--json'])).out.trim().split('\n').at(-1)).toBe('[]');
      // a demo made for another family says which templates fit it
      const demos = JSON.parse((await gatelab(['datasets', '--home', home, '--json'])).out.trim().split('\n').at(-1)!) as Array<{ id: number; family: string | null }>;
      const grid = demos.find((d) => d.family === 'forecasting');
      if (grid) expect(JSON.parse((await gatelab(['train', '--home', home, '--dataset', String(grid.id), '--template', 'finalmlp', '--json'])).out.trim().split('\n').at(-1)!).error)
        .toMatch(/needs categorical fields: .* \('Demo: grid load \(forecasting\)' is a forecasting dataset: `gatelab templates` lists the forecasting templates\)/);
      expect(grid).toBeDefined();
      // a template that cannot regress is refused before queuing, exit 2, and the refused run's --target did
      // not stay set on the dataset
      const scores = join(home, 'scores.csv');
      writeFileSync(scores, ['review,score', ...Array.from({ length: 300 }, (_, i) => `"text ${i}",${(i * 0.37).toFixed(2)}`)].join('\n'));
      const exitOnly = await gatelab(['train', '--home', home, '--dataset', scores, '--target', 'score', '--template', 'early-exit-mlp', '--set', 'task=regression', '--json']);
      expect(exitOnly.code).toBe(2);
      expect(JSON.parse(exitOnly.out.trim().split('\n').at(-1)!).error).toMatch(/early-exit-mlp classifies .* for a number to regress use concat-fusion/);
      expect((await gatelab(['runs', '--home', home, '--json'])).out.trim().split('\n').at(-1)).toBe('[]');
      // nothing was imported: the refused run's file, and the --target set on it, are not kept
      const kept = JSON.parse((await gatelab(['datasets', '--home', home, '--json'])).out) as Array<{ name: string }>;
      expect(kept.map((d) => d.name)).not.toContain('scores');
      // a continuous target (300 distinct fractions) is regressed by a fusion template that can: R² on the test rows
      const regressed = await gatelab(['train', '--home', home, '--dataset', scores, '--target', 'score', '--template', 'concat-fusion', '--epochs', '1', '--json']);
      const regression = JSON.parse(regressed.out.trim().split('\n').at(-1)!);
      expect(regression.status).toBe('completed');
      expect(regression.test.r2).toEqual(expect.any(Number));
      const typo = await gatelab(['train', '--home', home, '--dataset', csv, '--target', 'like', '--template', 'gmu', '--epochs', '1', '--json']);
      expect(JSON.parse(typo.out.trim().split('\n').at(-1)!).error).toMatch(/--target 'like': dataset ID has no such column \(did you mean 'liked'\?\); its columns: .*liked/); // imported by this call and removed again: ID, the id its import prints
      const ok = await gatelab(['train', '--home', home, '--dataset', csv, '--target', 'liked', '--template', 'gmu', '--epochs', '6', '--json']);
      const result = JSON.parse(ok.out.trim().split('\n').at(-1)!);
      expect(result.status).toBe('completed');
      expect(result.test.auc).toBeGreaterThan(0.9); // the text says it all; the GMU must have found it
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
