// Fusion inputs a user did not choose on purpose, through the real importer and cache: a categorical with
// more values than the one-hot cap keeps its most frequent ones (an audit's user_id became a 54,730-wide
// one-hot and a 9.5-minute epoch), an all-empty column is left out (CTR and forecasting leave it out too),
// both said in the data line; the text width follows the run's textBuckets. A run built before these rules
// is re-derived as it trained (resume, analytics, export), and the export agrees with the trainer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../main/lab/import';
import { seededRandom } from '../../engine/nn/random';
import { labDatasetRun } from './run-data';
import { readDatasetCache } from './cache';
import { runPipeline, shapeMismatch } from '../../main/lab/runs/run-pipeline';
import { TRAIN, type VocabularyState } from '../../common/data';

let home: string;
const USERS = 1200;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-fusion-cols-'));
  const rng = seededRandom(11, 'fusion-columns');
  const lines = ['user_id,review,notes,age,label'];
  for (let i = 0; i < 6000; i++) {
    const good = rng.uniform() < 0.5;
    // user u0 writes most, then u1, ...: a frequency order the cap keeps; 1,200 users over 6,000 rows is no id
    const user = `u${Math.min(USERS - 1, Math.floor(USERS * rng.uniform() ** 2))}`;
    lines.push(`${user},"${good ? 'lovely soft fit' : 'poor cheap fit'}",,${20 + rng.int(50)},${good ? 'yes' : 'no'}`);
  }
  writeFileSync(join(home, 'reviews.csv'), lines.join('\n'));
  await importFile(join(home, 'reviews.csv'), join(home, 'reviews'), { columnTypes: { review: 'text', user_id: 'categorical' } });
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

const payload = () => ({
  cacheDir: join(home, 'reviews'),
  columns: readDatasetCache(join(home, 'reviews')).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'label' ? 'target' : 'feature', modality: null })),
});
const tokensOf = (p: ReturnType<typeof runPipeline>, column: string) => (p.fitted.steps.find((s) => s.target === column)!.state as VocabularyState).tokens;

describe('fusion columns', () => {
  it('a new run: the wide categorical capped at 1,000 + other, the empty column left out, both in the data line; the export agrees', () => {
    const config = { model: { template: 'concat-fusion' }, data: {} };
    const r = labDatasetRun(payload(), config);
    const cap = /; user_id: ([\d,]+) categories → top 1,000 \+ other \(one-hot of the most frequent values in the training rows; --set maxCategories=N changes the cap\)/.exec(r.data.describe);
    expect(cap, r.data.describe).not.toBeNull();
    expect(Number(cap![1].replace(/,/g, ''))).toBeGreaterThan(1000);
    expect(r.data.describe).toMatch(/; left out: notes \(all missing\)(;|$)/);
    // tabular: user_id's 1,000 values + other, age; no notes column
    expect(r.model.modalities).toEqual([{ name: 'tabular', dim: 1001 + 1 }, { name: 'text', dim: 4096 }]);
    const exported = runPipeline(payload(), { ...config, model: r.model });
    expect(exported.mismatch).toBeNull();
    expect(shapeMismatch(exported, r.model)).toBeNull();
    const kept = tokensOf(exported, 'user_id');
    expect(kept).toHaveLength(1000);
    // the most frequent in the training rows: none left out is more frequent than one kept
    const col = exported.data.column('user_id'), counts = new Map<string, number>();
    exported.split.assignment.forEach((part, r) => { if (part === TRAIN && col.values[r] >= 0) counts.set(col.dictionary![col.values[r]], (counts.get(col.dictionary![col.values[r]]) ?? 0) + 1); });
    const keptSet = new Set(kept);
    const rarestKept = Math.min(...kept.map((t) => counts.get(t)!));
    expect(Math.max(...[...counts].filter(([t]) => !keptSet.has(t)).map(([, n]) => n))).toBeLessThanOrEqual(rarestKept);
    expect(kept[0]).toBe('u0');
  }, 60_000);

  it('--set maxCategories and textBuckets: the widths the run asked for', () => {
    const config = { model: { template: 'concat-fusion', maxCategories: 50, textBuckets: 512 }, data: {} };
    const r = labDatasetRun(payload(), config);
    expect(r.data.describe).toMatch(/; user_id: [\d,]+ categories → top 50 \+ other /);
    expect(r.model.modalities).toEqual([{ name: 'tabular', dim: 51 + 1 }, { name: 'text', dim: 512 }]);
    expect(shapeMismatch(runPipeline(payload(), { ...config, model: r.model }), r.model)).toBeNull();
  }, 60_000);

  it('a run built before the cap and the empty-column rule keeps its inputs: resumed, analysed and exported alike', () => {
    const now = labDatasetRun(payload(), { model: { template: 'concat-fusion' }, data: {} });
    const users = Number(/user_id: ([\d,]+) categories/.exec(now.data.describe)![1].replace(/,/g, ''));
    // as the trainer built it then: every user one-hot (+ other), the empty notes a width-1 one-hot, age
    const older = { template: 'concat-fusion', modalities: [{ name: 'tabular', dim: users + 1 + 1 + 1 }, { name: 'text', dim: 4096 }], classes: 1 };
    const config = { model: older, data: {} };
    const resumed = labDatasetRun(payload(), config, { modelBuilt: true });
    expect(resumed.model.modalities).toEqual(older.modalities);
    expect(resumed.data.describe).not.toMatch(/categories → top|notes \(all missing\)/);
    const exported = runPipeline(payload(), config);
    expect(exported.mismatch).toBeNull();
    expect(tokensOf(exported, 'user_id')).toHaveLength(users);
    expect(exported.columns.family === 'fusion' && exported.columns.modalities.flatMap((m) => m.columns)).toContain('notes');
    // a new run on the same file is not taken for an old one, whatever shape its config carries
    expect(labDatasetRun(payload(), config).model.modalities).toEqual(now.model.modalities);
  }, 60_000);
});
