// A dataset run's data from the lab's description: real ETTh1 (forecasting) and a generated CSV with
// text + tabular columns (fusion), both through the real importer and cache.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../main/lab/import';
import { seededRandom } from '../../engine/nn/random';
import { DatasetRunInput, datasetRunData, labDatasetBinding, labDatasetRun } from './run-data';
import { dataFor } from '../run/data-for';
import { RunConfig } from '../../common/runs/config';
import { TEST, TRAIN, UNUSED, VAL } from '../../common/data';
import { readDatasetCache } from './cache';
import { runPipeline, shapeMismatch } from '../../main/lab/runs/run-pipeline';

let home: string;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-rd-'));
  await importFile('/work/shared/data/forecasting/ETTh1.csv', join(home, 'ett'));
  const rng = seededRandom(5, 'csv');
  const words = ['great', 'bad', 'fit', 'small', 'lovely', 'poor', 'soft', 'cheap'];
  const lines = ['review,age,color,label'];
  for (let i = 0; i < 400; i++) {
    const good = rng.uniform() < 0.6;
    const text = Array.from({ length: 5 }, () => words[rng.int(4) * 2 + (good ? 0 : 1)]).join(' ');
    lines.push(`"${text}",${20 + rng.int(50)},${['red', 'blue', 'green'][rng.int(3)]},${good ? 1 : 0}`);
  }
  writeFileSync(join(home, 'reviews.csv'), lines.join('\n'));
  await importFile(join(home, 'reviews.csv'), join(home, 'reviews'), { columnTypes: { review: 'text' } });
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('dataset run data', () => {
  it('forecasting on ETTh1 with the ETT split: windows as rows, channels filled in', () => {
    const channels = ['HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT'];
    const r = datasetRunData({ cacheDir: join(home, 'ett'), split: { kind: 'ett' }, columns: { family: 'forecasting', channels } }, { lookback: 96, horizon: 24 });
    expect(r.shape).toEqual({ channels: 7, lookback: 96, horizon: 24 });
    expect(r.data.train.rows).toBe(8640 - 96 - 24 + 1);
    expect(r.data.validation.columns.x.shape).toEqual([96, 7]);
    expect(r.data.test.columns.y.shape).toEqual([24, 7]);
    expect(r.data.task).toBe('regression');
    expect(r.data.describe).toMatch(/8,521 train/);
  });

  it('fusion: text hashed, categoricals one-hot, numbers scaled; binary label', () => {
    const r = datasetRunData({
      cacheDir: join(home, 'reviews'),
      split: { kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'label', seed: 1 },
      columns: { family: 'fusion', modalities: [{ name: 'text', columns: ['review'] }, { name: 'tab', columns: ['age', 'color'] }], label: 'label', textBuckets: 64 },
    });
    expect(r.shape.modalities).toEqual([{ name: 'text', dim: 64 }, { name: 'tab', dim: 1 + 4 }]);
    expect(r.data.train.rows + r.data.validation.rows + r.data.test.rows).toBe(400);
    expect(r.data.train.columns.m_text.shape).toEqual([64]);
    expect(r.data.task).toBe('binary');
  });

  it('from the lab payload (columns with roles) and a run config: template family, ETT split, shape filled', () => {
    const meta = readDatasetCache(join(home, 'ett')).meta;
    const columns = meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.type === 'datetime' ? 'time' : 'feature', modality: null }));
    const r = labDatasetRun({ cacheDir: join(home, 'ett'), family: 'forecasting', columns }, { model: { template: 'dlinear', lookback: 48, horizon: 12 }, data: { split: 'ett' } });
    expect(r.model).toEqual({ template: 'dlinear', lookback: 48, horizon: 12, channels: 7 });
    expect(r.binding.split).toEqual({ kind: 'ett', timeColumn: 'date' }); // hourly, read from the dates: 12 months = 8,640 rows
    expect(r.data.train.rows).toBe(8640 - 48 - 12 + 1);
    expect(() => labDatasetRun({ cacheDir: join(home, 'ett'), columns }, { model: { template: 'finalmlp' }, data: {} })).toThrow(/needs a target column: gatelab datasets roles/);
  });

  it('the split a run asks for: a stored split\'s spec, a split by name, a fixed split seed; clear errors', () => {
    const meta = readDatasetCache(join(home, 'reviews')).meta;
    const roles: Record<string, string> = { review: 'feature', age: 'feature', color: 'categorical', label: 'target' };
    const columns = meta.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name], modality: null }));
    const payload = { cacheDir: join(home, 'reviews'), family: 'fusion', columns };
    const run = (data: Record<string, unknown>, seed = 1, extra: Record<string, unknown> = {}) =>
      labDatasetRun({ ...payload, ...extra }, { model: { template: 'gmu' }, data, seed });
    // default: stratified 80/10/10 on the target, seeded by splitSeed, so two run seeds share the rows
    const a = run({ splitSeed: 42 }, 1);
    const b = run({ splitSeed: 42 }, 2);
    expect(a.binding.split).toEqual({ kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'label', seed: 42 });
    expect(Array.from(b.data.test.columns.m_tabular.data as Float32Array)).toEqual(Array.from(a.data.test.columns.m_tabular.data as Float32Array));
    expect(Array.from(run({ splitSeed: 7 }, 1).data.test.columns.m_tabular.data as Float32Array)).not.toEqual(Array.from(a.data.test.columns.m_tabular.data as Float32Array));
    // runs from before splitSeed keep their run seed
    expect(run({}, 3).binding.split).toMatchObject({ kind: 'stratified', seed: 3 });
    // by name
    expect(run({ split: 'chronological' }).binding.split).toEqual({ kind: 'chronological' });
    expect(run({ split: 'chronological' }).data.test.rows).toBe(400 - Math.floor(0.7 * 400) - Math.floor(0.1 * 400));
    expect(run({ split: 'random', splitSeed: 5 }).binding.split).toEqual({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 5 });
    expect(() => run({ split: 'given' })).toThrow(/data.split 'given' needs its split files: .*data.splitId/);
    // a stored split (data.splitId, resolved by the lab into the payload) wins over everything else
    const stored = { kind: 'random', ratios: { train: 0.5, val: 0.25, test: 0.25 }, seed: 9 };
    const r = run({ split: 'chronological', splitSeed: 42 }, 1, { split: stored });
    expect(r.binding.split).toEqual(stored);
    expect(r.data.train.rows + r.data.validation.rows + r.data.test.rows).toBe(400);
    expect(r.data.test.rows).toBeGreaterThan(70); // ~100 of 400, not the default's 40
    // forecasting windows must not cross parts
    const ett = readDatasetCache(join(home, 'ett')).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.type === 'datetime' ? 'time' : 'feature', modality: null }));
    expect(() => labDatasetRun({ cacheDir: join(home, 'ett'), columns: ett }, { model: { template: 'dlinear', lookback: 48, horizon: 12 }, data: { split: 'random' } }))
      .toThrow(/a forecasting model needs a split by time \('chronological' or 'ett'\), not 'random'/);
  });

  it('repeated times in a real file: a few train with a note in the description, every time twice stops the run', async () => {
    // ETTh1's first 600 hours, with 3 of them written twice (a logger's double write), then every hour twice
    const lines = readFileSync('/work/shared/data/forecasting/ETTh1.csv', 'utf8').trimEnd().split('\n');
    const [header, hours] = [lines[0], lines.slice(1, 601)];
    writeFileSync(join(home, 'few.csv'), [header, ...hours.flatMap((l, i) => (i % 200 === 100 ? [l, l] : [l]))].join('\n'));
    writeFileSync(join(home, 'twice.csv'), [header, ...hours.flatMap((l) => [l, l])].join('\n'));
    const run = async (name: string) => {
      await importFile(join(home, `${name}.csv`), join(home, name));
      const columns = readDatasetCache(join(home, name)).meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.type === 'datetime' ? 'time' : 'feature', modality: null }));
      return () => labDatasetRun({ cacheDir: join(home, name), columns }, { model: { template: 'dlinear', lookback: 24, horizon: 12 }, data: {} });
    };
    const few = (await run('few'))();
    expect(few.data.describe).toMatch(/^forecasting: [\d,]+ train .*; 3 rows repeat the time of the row before in 'date' \(first at line 103: 2016-07-05 04:00:00\); they train as consecutive steps$/);
    expect(few.data.train.rows).toBe(Math.floor(0.7 * 603) - 24 - 12 + 1);
    expect(await run('twice')).toThrow(/^600 rows of 1,200 \(50\.0%\) repeat the time of the row before in 'date' .*several series stacked in one file\?/);
  }, 60_000);

  it('rejects a malformed description naming the field', () => {
    expect(() => DatasetRunInput.parse({ cacheDir: 'x', split: { kind: 'ett' }, columns: { family: 'fusion', modalities: [], label: 'y' } })).toThrow(/modalities/);
  });
});

describe('what a run leaves out, and says so in its data line', () => {
  const rolesOf = (dir: string, roles: Record<string, string>) => readDatasetCache(dir).meta.columns
    .map((c) => ({ name: c.name, type: c.type, role: roles[c.name] ?? (c.type === 'datetime' ? 'time' : 'feature'), modality: null }));

  it('forecasting: constant and empty columns left out, flags not forecast, channels listed, the target role explained; a meter near 1.5e9 scaled in float64', async () => {
    // ETTh1's first 2,000 hours with the columns an audit met: a meter reading (1.5e9 + 3.7·OT, float64 in
    // the cache), a constant, an empty column, a weekend flag and a season
    const lines = readFileSync('/work/shared/data/forecasting/ETTh1.csv', 'utf8').trim().split('\n').slice(1, 2001).map((l) => l.split(','));
    const meter = lines.map((f) => (1.5e9 + 3.7 * Number(f[7])).toFixed(3));
    const rows = lines.map((f, i) => [f[0], f[7], meter[i], '5', '', new Date(`${f[0]}Z`).getUTCDay() % 6 === 0 ? 1 : 0, Number(f[0].slice(5, 7)) < 9 ? 'summer' : 'autumn'].join(','));
    writeFileSync(join(home, 'meter.csv'), ['date,OT,meter,const,empty,is_weekend,season', ...rows].join('\n'));
    await importFile(join(home, 'meter.csv'), join(home, 'meter'));
    const columns = rolesOf(join(home, 'meter'), { OT: 'target' });
    const config = { model: { template: 'dlinear', lookback: 48, horizon: 12 }, data: {} };
    const r = labDatasetRun({ cacheDir: join(home, 'meter'), columns }, config);
    expect(r.data.describe).toBe('forecasting: 1,341 train / 189 validation / 389 test samples; 2 channels: OT, meter; left out: const (constant), empty (all missing); ' +
      "not forecast: is_weekend (boolean), season (categorical); forecasting predicts every channel; the target role ('OT') does not select one: its own test error is reported beside the headline (in the app: Runs → the run's Test per channel panel; on the command line: gatelab show RUN); to forecast it alone, set the other columns to ignore (other columns as inputs only, the papers' MS setting, is not offered)");
    expect(r.model.channels).toBe(2);
    expect(r.data.inputs).toEqual({ channels: ['OT', 'meter'] }); // named by the builder, the constant and empty ones gone
    // the export re-derives the same channels (its model would not load otherwise)
    expect(shapeMismatch(runPipeline({ cacheDir: join(home, 'meter'), columns }, config), r.model)).toBeNull();
    // the meter channel of a test window is the float64 z-score of the file's text, as an exported model's
    // caller computes it (float32 before scaling rounded it to steps of 128)
    const train = meter.slice(0, 1400).map(Number);
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    const std = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
    const x = r.data.test.source!.batch([0, 100]).x.data as Float32Array; // [2, 48, 2], window 0's inputs start at row 1600 - 48
    for (const [b, t] of [[0, 0], [0, 47], [1, 20]]) expect(x[(b * 48 + t) * 2 + 1]).toBeCloseTo((Number(meter[1600 - 48 + b * 100 + t]) - mean) / std, 5);
  }, 60_000);

  it('CTR: an id and an empty field left out, the inputs the model reads named in its order (no name shifted)', async () => {
    // the columns an audit met in a click log: an impression id (one value per row) first, an all-empty
    // 'notes' between the user and the device, a price; the model keeps user, device, then price
    const lines = ['impression,user,notes,device,price,clicked'];
    for (let i = 0; i < 300; i++) lines.push(`imp${i},u${i % 23},,${i % 3 ? 'mobile' : 'desktop'},${(i % 11) + 0.5},${i % 3 ? 'yes' : 'no'}`);
    writeFileSync(join(home, 'clicks.csv'), lines.join('\n'));
    await importFile(join(home, 'clicks.csv'), join(home, 'clicks'));
    const columns = rolesOf(join(home, 'clicks'), { clicked: 'target' });
    const r = labDatasetRun({ cacheDir: join(home, 'clicks'), columns }, { model: { template: 'finalmlp' }, data: {} });
    expect(r.binding.columns).toMatchObject({ fields: ['impression', 'user', 'notes', 'device'], numeric: ['price'] });
    expect(r.data.describe).toContain('left out: impression (an id: one value per row), notes (all missing)');
    // user: 23 values + the out-of-vocabulary id; device: 2 + 1; one numeric input
    expect(r.model).toMatchObject({ fields: [24, 3], numeric: 1 });
    expect(r.data.inputs).toEqual({ fields: ['user', 'device', 'price'] });
  }, 60_000);

  it('CTR: a run created before constant fields were left out is re-derived as it was trained (resume, analytics)', async () => {
    // 'site' is 'web' in every row: a new run leaves it out; a run created before kept it (vocabulary 2)
    const lines = ['impression,user,site,device,price,clicked'];
    for (let i = 0; i < 300; i++) lines.push(`imp${i},u${i % 23},web,${i % 3 ? 'mobile' : 'desktop'},${(i % 11) + 0.5},${i % 3 ? 'yes' : 'no'}`);
    writeFileSync(join(home, 'clicks-site.csv'), lines.join('\n'));
    await importFile(join(home, 'clicks-site.csv'), join(home, 'clicks-site'));
    const columns = rolesOf(join(home, 'clicks-site'), { clicked: 'target' });
    const fresh = labDatasetRun({ cacheDir: join(home, 'clicks-site'), columns }, { model: { template: 'finalmlp' }, data: {} });
    expect(fresh.model).toMatchObject({ fields: [24, 3], numeric: 1 });
    expect(fresh.data.describe).toContain('site (constant)');
    const builtBefore = { model: { template: 'finalmlp', fields: [24, 2, 3], numeric: 1 }, data: {} };
    const older = labDatasetRun({ cacheDir: join(home, 'clicks-site'), columns }, builtBefore, { modelBuilt: true });
    expect(older.model).toMatchObject({ fields: [24, 2, 3], numeric: 1 });
    expect(older.data.describe).not.toContain('site (constant)');
    expect(older.data.inputs).toEqual({ fields: ['user', 'site', 'device', 'price'] });
    // the same config for a new run (the Models form's estimate counts site's 'web' + the unseen id): site goes
    const estimated = labDatasetRun({ cacheDir: join(home, 'clicks-site'), columns }, builtBefore);
    expect(estimated.model).toMatchObject({ fields: [24, 3], numeric: 1 });
    expect(estimated.data.describe).toContain('left out: impression (an id: one value per row), site (constant)');
    expect(estimated.data.inputs).toEqual({ fields: ['user', 'device', 'price'] });
  }, 60_000);

  it('forecasting: times written in UTC (with Z) that skip the hour UK clocks skip in spring: a gap, not a clock change', async () => {
    // 15-minute readings missing 01:00-01:45 UTC on 2023-03-26; as wall-clock times that is the UK's change
    const start = Date.UTC(2023, 2, 25);
    const lines = ['time,load,temp'];
    for (let i = 0; i < 300; i++) {
      const t = start + i * 900_000;
      if (t >= start + 25 * 3_600_000 && t < start + 26 * 3_600_000) continue;
      lines.push(`${new Date(t).toISOString().slice(0, 16)}Z,${Math.sin(i / 5).toFixed(4)},${(i % 7) / 3}`);
    }
    writeFileSync(join(home, 'utc.csv'), lines.join('\n'));
    await importFile(join(home, 'utc.csv'), join(home, 'utc'));
    const r = labDatasetRun({ cacheDir: join(home, 'utc'), columns: rolesOf(join(home, 'utc'), {}) }, { model: { template: 'dlinear', lookback: 8, horizon: 2 }, data: {} });
    expect(r.data.describe).toMatch(/windows? spans? a gap in time in 'time' \(.*1 gap, the longest 1 h 15 min before 2023-03-26 02:00\)/);
    expect(r.data.describe).not.toContain('clock change');
  }, 60_000);

  it('forecasting: a new run whose config counts every channel leaves a constant one out; a resumed older run keeps it', async () => {
    // the form fills channels with the binding's count (3), which is also what runs before 2026-11-30 were built with
    const lines = ['date,load,temp,flat'];
    for (let i = 0; i < 200; i++) lines.push(`${new Date(Date.UTC(2024, 0, 1, i)).toISOString().slice(0, 16).replace('T', ' ')},${Math.sin(i / 5).toFixed(4)},${(i % 7) / 3},5`);
    writeFileSync(join(home, 'flat.csv'), lines.join('\n'));
    await importFile(join(home, 'flat.csv'), join(home, 'flat'));
    const payload = { cacheDir: join(home, 'flat'), columns: rolesOf(join(home, 'flat'), {}) };
    const config = { model: { template: 'dlinear', lookback: 24, horizon: 6, channels: 3 }, data: {} };
    const fresh = labDatasetRun(payload, config);
    expect(fresh.model).toMatchObject({ channels: 2 });
    expect(fresh.data.describe).toContain('left out: flat (constant)');
    const resumed = labDatasetRun(payload, config, { modelBuilt: true });
    expect(resumed.model).toMatchObject({ channels: 3 });
    expect(resumed.data.inputs).toEqual({ channels: ['load', 'temp', 'flat'] });
    expect(resumed.data.describe).not.toContain('left out');
  }, 60_000);

  it('CTR: an older run and a new one on the same file get the same inputs from the trainer and from the export', async () => {
    // 'site' is constant: a run created before 2026-11-30 kept it, a new one leaves it out; either way the
    // export must describe the inputs the trainer fed (one function decides for both: model-columns.ts)
    const lines = ['user,site,device,price,clicked'];
    for (let i = 0; i < 300; i++) lines.push(`u${i % 23},web,${i % 3 ? 'mobile' : 'desktop'},${(i % 11) + 0.5},${i % 3 ? 'yes' : 'no'}`);
    writeFileSync(join(home, 'clicks-both.csv'), lines.join('\n'));
    await importFile(join(home, 'clicks-both.csv'), join(home, 'clicks-both'));
    const payload = { cacheDir: join(home, 'clicks-both'), columns: rolesOf(join(home, 'clicks-both'), { clicked: 'target' }) };
    // (the older run's trainer re-derives its built model: a resume, the analytics)
    for (const [model, fields, modelBuilt] of [[{ template: 'finalmlp', fields: [24, 2, 3], numeric: 1 }, ['user', 'site', 'device'], true], [{ template: 'finalmlp' }, ['user', 'device'], false]] as const) {
      const trained = labDatasetRun(payload, { model, data: {} }, { modelBuilt });
      expect(trained.data.inputs).toEqual({ fields: [...fields, 'price'] });
      // the export re-derives from the model the trainer built (stored with the run when it starts)
      const exported = runPipeline(payload, { model: trained.model, data: {} });
      expect(exported.columns).toMatchObject({ fields, numeric: ['price'] });
      expect(exported.mismatch).toBeNull();
      expect(shapeMismatch(exported, trained.model)).toBeNull();
    }
  }, 60_000);

  it('CTR: a multi-hot column with 5,000 tokens fails with its name and what to do, not the template\'s field \'numeric\'', async () => {
    const lines = ['user,item,tags,clicked'];
    for (let i = 0; i < 6000; i++) lines.push(`u${i % 50},i${i % 80},t${i % 5000}|t${(i * 7) % 5000},${i % 3 ? 1 : 0}`);
    writeFileSync(join(home, 'tags.csv'), lines.join('\n'));
    await importFile(join(home, 'tags.csv'), join(home, 'tags'));
    const columns = rolesOf(join(home, 'tags'), { clicked: 'target', user: 'categorical', item: 'categorical', tags: 'multi-hot' });
    expect(() => labDatasetRun({ cacheDir: join(home, 'tags'), columns }, { model: { template: 'finalmlp' }, data: {} }))
      .toThrow(/^a recommendation \(CTR\) model takes at most 4,096 numeric inputs .*, and this data gives [\d,]+: the multi-hot column 'tags' with [\d,]+ distinct tokens in the training rows \(an input each, plus one for unseen tokens\)\. Keep the frequent tokens of 'tags' .*\(gatelab datasets roles ID 'tags'=ignore\)$/);
  }, 60_000);

  it('gate analytics line test samples up with the rows the trainer used, without building the data again', async () => {
    // rows without a target are left out of the split; a stored split is taken as stored: dataFor gives the
    // analytics job (workers/analytics/job.ts) the binding and exactly the rows its data was built from
    const lines = ['user,device,price,clicked'];
    for (let i = 0; i < 200; i++) lines.push(`u${i % 17},${i % 3 ? 'mobile' : 'desktop'},${(i % 11) + 0.5},${i % 9 === 4 ? '' : i % 3 ? 'yes' : 'no'}`);
    writeFileSync(join(home, 'clicks-gaps.csv'), lines.join('\n'));
    await importFile(join(home, 'clicks-gaps.csv'), join(home, 'clicks-gaps'));
    const columns = rolesOf(join(home, 'clicks-gaps'), { clicked: 'target' });
    const stored = Uint8Array.from({ length: 200 }, (_, i) => [TRAIN, TRAIN, TRAIN, VAL, TEST][i % 5]);
    const config = RunConfig.parse({ model: { template: 'finalmlp' }, data: { kind: 'dataset', datasetId: 1 } });
    const built = (dataset: Record<string, unknown>) => dataFor({ runId: 1, config, checkpointDir: home, dataset }, { modelBuilt: true });
    const computed = await built({ cacheDir: join(home, 'clicks-gaps'), columns });
    const given = await built({ cacheDir: join(home, 'clicks-gaps'), columns, splitAssignment: Buffer.from(stored).toString('base64') });
    for (const { data, dataset } of [computed, given]) {
      expect(dataset?.binding).toEqual(labDatasetBinding({ cacheDir: join(home, 'clicks-gaps'), columns }, { model: { template: 'finalmlp' }, data: {}, seed: config.seed }).binding);
      const used = dataset!.assigned!;
      // the rows without a target (i % 9 === 4) are in no part; every other row is where the split put it
      const noTarget = (i: number) => i % 9 === 4;
      expect(used.assignment.filter((_, i) => noTarget(i)).every((p) => p === UNUSED)).toBe(true);
      expect(used.counts.test).toBe(data.test.rows); // one test sample per test row, in order
      expect(used.counts.train + used.counts.val + used.counts.test).toBe(200 - Array.from({ length: 200 }, (_, i) => i).filter(noTarget).length);
    }
    expect([...given.dataset!.assigned!.assignment].every((p, i) => p === (i % 9 === 4 ? UNUSED : stored[i]))).toBe(true);
    // no row left out, no stored split: the split the spec computes (the analytics recompute it)
    const whole = { cacheDir: join(home, 'reviews'), columns: rolesOf(join(home, 'reviews'), { label: 'target' }) };
    expect(labDatasetRun(whole, { model: { template: 'concat-fusion' }, data: {} }).assigned).toBeUndefined();
  }, 60_000);

  it('fusion: a categorical id (one value per row) is left out by default and named; the export agrees', async () => {
    const rng = seededRandom(9, 'ids');
    const lines = ['review_id,review,age,color,label'];
    for (let i = 0; i < 300; i++) {
      const good = rng.uniform() < 0.5;
      lines.push(`R${String(i).padStart(6, '0')}X,"${good ? 'lovely soft fit' : 'poor cheap fit'} ${i % 7}",${20 + rng.int(50)},${['red', 'blue'][rng.int(2)]},${good ? 1 : 0}`);
    }
    writeFileSync(join(home, 'ids.csv'), lines.join('\n'));
    await importFile(join(home, 'ids.csv'), join(home, 'ids'), { columnTypes: { review: 'text' } });
    const columns = rolesOf(join(home, 'ids'), { label: 'target' });
    expect(columns.find((c) => c.name === 'review_id')?.type).toBe('categorical');
    const config = { model: { template: 'concat-fusion' }, data: {} };
    const r = labDatasetRun({ cacheDir: join(home, 'ids'), columns }, config);
    expect(r.data.describe).toMatch(/; left out: review_id \(an id: one value per row\)$/);
    // tabular: age (1) + color one-hot (2 values + the out-of-vocabulary id); no 300-wide review_id one-hot
    expect(r.model.modalities).toEqual([{ name: 'tabular', dim: 1 + 3 }, { name: 'text', dim: 4096 }]);
    expect(shapeMismatch(runPipeline({ cacheDir: join(home, 'ids'), columns }, config), r.model)).toBeNull();
  }, 60_000);
});
