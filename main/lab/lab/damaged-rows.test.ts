// `lab.damaged`: the app asks which runs, datasets and saved models its lists leave out (a stored JSON
// column that does not parse) and gets one sentence each in the app's words, over the real dispatch
// (payload and result validated). A real temp lab home, damaged by hand as a bad disk or edit would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../lab';
import { labPaths } from '../home';
import { openLabDatasets } from '../datasets/index';
import { DEMO_VERSION } from '../datasets/demo-install';
import { appReason } from './damaged-rows';

let home: string;
let lab: Lab;
let dataset: number;
let run: number;
let model: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-lab-damaged-'));
  const opened = await openLabDatasets(labPaths(home), { demos: false });
  try {
    opened.store.settings.set('demo.installedVersion', DEMO_VERSION);
    writeFileSync(join(home, 'prices.csv'), 'day,price\n' + Array.from({ length: 10 }, (_, i) => `${i},${i * 1.5}`).join('\n') + '\n');
    dataset = (await opened.registry.importDataset(join(home, 'prices.csv'))).dataset.id;
    opened.store.db.prepare(`UPDATE dataset_columns SET stats = '{"min": ' WHERE dataset_id = ? AND name = 'price'`).run(dataset);
    run = opened.store.runs.create({ config: { template: 'demo-gated' }, seed: 1 });
    opened.store.runs.setStatus(run, 'cancelled');
    opened.store.db.prepare(`UPDATE runs SET data_summary = '{"line": ' WHERE id = ?`).run(run);
    model = opened.store.models.create({ name: 'gated', family: 'fusion', template: 'demo-gated', config: {} });
    opened.store.db.prepare(`UPDATE models SET config = '[' WHERE id = ?`).run(model);
  } finally {
    opened.close();
  }
  lab = await Lab.open({ home, face: 'test' });
});
afterAll(async () => {
  await lab.close();
  rmSync(home, { recursive: true, force: true });
});

describe('lab.damaged', () => {
  it('names each damaged run, dataset and saved model once, in words for the app', async () => {
    const reply = await lab.dispatch('lab.damaged', {});
    expect(reply).toEqual({
      ok: true,
      result: [
        { kind: 'run', id: String(run), reason: `Run ${run} could not be read (its stored data summary is damaged) and is left out of this list; the rest of the lab is unaffected.` },
        { kind: 'dataset', id: String(dataset), reason: `Dataset ${dataset} could not be read (its stored stats of column 'price' are damaged) and is left out of this list; the rest of the lab is unaffected.` },
        { kind: 'model', id: String(model), reason: `Saved model ${model} could not be read (its stored config is damaged) and is left out of the saved models; the rest of the lab is unaffected.` },
      ],
    });
    // the lists the app shows leave them out and still answer
    expect(await lab.dispatch('runs.list', {})).toEqual({ ok: true, result: [] });
    expect(await lab.dispatch('datasets.list', {})).toEqual({ ok: true, result: [] });
  });

  it('refuses a payload that is not empty, as every channel does', async () => {
    const reply = await lab.dispatch('lab.damaged', { kind: 'run' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('says a damaged config in the app\'s words', () => {
    expect(appReason({ kind: 'run', id: 3, column: 'config' })).toBe('Run 3 could not be read (its stored config is damaged) and is left out of this list; the rest of the lab is unaffected.');
  });
});
