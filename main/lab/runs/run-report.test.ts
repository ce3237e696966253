// The validation figures a run reports belong to the weights it keeps: with early stopping the test metrics
// and the export come from the best checkpoint, so its validation metrics must too (not the last epoch's).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { runDetail, runSummary, showText, validationMetrics } from './run-report';

describe('run report validation metrics', () => {
  it('are those at the best checkpoint\'s step; the last ones when the run has no best checkpoint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-report-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: {} });
      // four epochs; epoch 3 (step 198) was best, epoch 4 got worse and early stopping kept epoch 3
      const epochs = [[66, 0.402], [132, 0.397], [198, 0.3939], [264, 0.3947]] as const;
      store.metrics.append(id, epochs.flatMap(([step, v]) => [{ step, name: 'val.mse', value: v }, { step, name: 'val.mae', value: v + 0.02 }]));
      store.metrics.append(id, [{ step: 264, name: 'test.mse', value: 0.37 }]);
      expect(validationMetrics(store, id)).toEqual({ mse: 0.3947, mae: 0.4147 }); // no best checkpoint yet: the last
      store.checkpoints.add({ runId: id, step: 198, epoch: 3, kind: 'best', path: 'best.ckpt', bytes: 10, metric: 0.3939 });
      store.checkpoints.add({ runId: id, step: 264, epoch: 4, kind: 'epoch', path: 'e4.ckpt', bytes: 10, metric: null });
      expect(validationMetrics(store, id)).toEqual({ mse: 0.3939, mae: 0.4139 });
      expect(runSummary(store, store.runs.get(id)!)).toMatchObject({ validation: { mse: 0.3939 }, test: { mse: 0.37 } });
      // an exported final-step checkpoint has no validation at its step: the last figures stand
      expect(validationMetrics(store, id, 250)).toEqual({ mse: 0.3947, mae: 0.4147 });
      // the epoch `runs show` prints counts whole epochs ("epoch 0" read wrong after --follow's "epoch 1")
      store.db.prepare('UPDATE runs SET step = 264, epoch = 4 WHERE id = ?').run(id);
      const text = showText(store, store.runs.get(id)!);
      expect(text.split('\n')[0]).toMatch(/step 264, 4 full epochs$/);
      expect(text).toMatch(/best {6}step 198  after 3 full epochs  best\.ckpt/);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rating units', () => {
  it("an MMoE run from before the marker shows its rating_* values as scaled units; a marked run's as they are", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-rating-units-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const mmoe = (metrics?: { ratingUnits: string }) => {
        const id = store.runs.create({ config: { model: { template: 'mmoe' }, data: { kind: 'dataset', datasetId: 1 }, ...(metrics ? { metrics } : {}) } });
        store.metrics.append(id, [{ step: 40, name: 'val.rating_rmse', value: 0.81 }, { step: 40, name: 'test.rating_rmse', value: 0.8 }, { step: 40, name: 'test.auc', value: 0.75 }]);
        return store.runs.get(id)!;
      };
      const old = mmoe();
      const text = showText(store, old);
      expect(text).toContain('test:       auc 0.7500  rating_rmse 0.8000 (scaled)'); // auc has no units to say
      expect(text).toContain('validation: rating_rmse 0.8100 (scaled)');
      expect(text).toMatch(/\n {2}note: rating_\* metrics are in standard deviations of the rating \(scaled units\)/);
      expect(text).toMatch(/\n {4}test\.rating_rmse +1 point {3}value 0\.8000 {2}\(scaled units\)\n/); // one value, said once
      expect(text).not.toMatch(/test\.auc .*scaled/);
      expect(runDetail(store, old)).toMatchObject({ ratingUnits: 'scaled', test: { rating_rmse: 0.8 } }); // --json: the name stays, the units are said
      const marked = mmoe({ ratingUnits: 'rating' });
      expect(showText(store, marked)).not.toContain('scaled');
      expect(runSummary(store, marked).ratingUnits).toBe('rating');
      // asked for (to compare with runs from before): labelled, and the note says why
      const asked = showText(store, mmoe({ ratingUnits: 'scaled' }));
      expect(asked).toContain('rating_rmse 0.8000 (scaled)');
      expect(asked).toContain('scaled units): its config asks for them (metrics.ratingUnits: scaled)');
      // runs without rating metrics say nothing about them
      const plain = store.runs.create({ config: { model: { template: 'dlinear' } } });
      expect(runSummary(store, store.runs.get(plain)!).ratingUnits).toBeNull();
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runs table', () => {
  it('shows the settings that tell a sweep’s runs apart, and no settings column for runs of one config', async () => {
    const { runsTable } = await import('./run-report');
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-table-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const config = (lr: number, k: number, seed: number) => ({ name: 'sweep', seed, model: { template: 'moe-dnn', router: { k } }, optimizer: { kind: 'adamw', lr } });
      const ids = [config(0.001, 1, 1), config(0.003, 1, 1), config(0.001, 2, 1), config(0.001, 2, 2)].map((c) => store.runs.create({ config: c, seed: c.seed }));
      const lines = runsTable(store, ids.map((id) => store.runs.get(id)!), { settings: true }).split('\n');
      expect(lines[0]).toMatch(/^run +name +status +template +dataset +group +seed +step +settings +result$/);
      expect(lines.slice(1).map((l) => l.match(/(router\.k=\d optimizer\.lr=[\d.]+)/)?.[1])).toEqual(['router.k=1 optimizer.lr=0.001', 'router.k=1 optimizer.lr=0.003', 'router.k=2 optimizer.lr=0.001', 'router.k=2 optimizer.lr=0.001']);
      expect(runsTable(store, [store.runs.get(ids[2])!, store.runs.get(ids[3])!], { settings: true }).split('\n')[0]).not.toContain('settings');
      expect(runsTable(store, ids.map((id) => store.runs.get(id)!)).split('\n')[0]).not.toContain('settings'); // a plain list: no settings column // they differ by seed only
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves out what the data decided (a started run's fields=[…]): a sweep's queued and started runs differ only in its points", async () => {
    const { runsTable } = await import('./run-report');
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-table-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      // as stored: queued runs hold the sweep's config; a started one the model the trainer built from the data
      const queued = (k: number) => ({ model: { template: 'moe-dnn', router: { k } }, optimizer: { kind: 'adamw', lr: 0.001 } });
      const started = (k: number) => ({ ...queued(k), model: { template: 'moe-dnn', router: { k }, fields: [25, 5, 25, 8], numeric: 1 } });
      const ids = [started(1), started(2), queued(1), queued(2)].map((config) => store.runs.create({ config, seed: 1 }));
      const lines = runsTable(store, ids.map((id) => store.runs.get(id)!), { settings: true }).split('\n');
      expect(lines.slice(1).map((l) => l.match(/ (router\.k=\d.*?) {2}/)?.[1])).toEqual(['router.k=1', 'router.k=2', 'router.k=1', 'router.k=2']);
      expect(lines.join('\n')).not.toMatch(/fields=|numeric=/);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows a classifier's majority-class baseline beside its result, as show does (accuracy 0.852 at 85% negatives is no result)", async () => {
    const { runsTable } = await import('./run-report');
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-table-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const clf = store.runs.create({ config: { model: { template: 'moe-dnn' } } });
      store.runs.setStatus(clf, 'running', { dataSummary: { line: 'click: 14% positive', logScaled: [], baseline: { accuracy: 0.8571, majority: "'0'", positiveRate: 0.1429 } } });
      store.metrics.append(clf, [{ step: 40, name: 'val.accuracy', value: 0.8522 }, { step: 40, name: 'val.f1', value: 0.4601 }]);
      const reg = store.runs.create({ config: { model: { template: 'dlinear' } } });
      store.metrics.append(reg, [{ step: 40, name: 'test.mse', value: 0.39 }]);
      const lines = runsTable(store, [clf, reg].map((id) => store.runs.get(id)!)).split('\n');
      expect(lines[1]).toMatch(/val accuracy 0\.8522 {2}f1 \(macro\) 0\.4601 {2}\(majority baseline accuracy 0\.857\)$/);
      expect(lines[2]).toMatch(/test mse 0\.3900$/); // a regression has none
      // majorityClass: the class unquoted, for scripts; a run stored before the trainer sent it gets it from `majority`
      expect(runSummary(store, store.runs.get(clf)!).baseline).toEqual({ accuracy: 0.8571, majority: "'0'", majorityClass: '0', positiveRate: 0.1429 });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names each run and its dataset, a long name cut with … (--json keeps both whole)', async () => {
    const { runsTable, NAME_WIDTH, DATASET_WIDTH } = await import('./run-report');
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-table-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const longData = 'transformer_loads_with_weather_and_calendar_2016_2018';
      const datasetId = store.datasets.insert({
        name: longData, sourceHash: 'h1', sourceName: 'loads.csv', sourcePath: 'datasets/h1/source.csv', sourceBytes: 100,
        cacheDir: 'datasets/h1/cache', format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true, rows: 4,
        importOptions: { format: 'csv' }, validation: { issues: [] }, family: null, description: null, isDemo: false,
      }, [{ name: 'load', inferredType: 'float', stats: {} }]);
      const longName = `tsmixer-gated on ${longData}`;
      const a = store.runs.create({ config: { model: { template: 'tsmixer-gated' }, data: { kind: 'dataset', datasetId } }, name: longName, datasetId });
      const b = store.runs.create({ config: { model: { template: 'demo-gated' }, data: { kind: 'synthetic' } }, name: 'demo' });
      const c = store.runs.create({ config: { model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: 99 } }, name: null });
      const lines = runsTable(store, [a, b, c].map((id) => store.runs.get(id)!)).split('\n');
      expect(lines[0]).toMatch(/^run +name +status +template +dataset +group/);
      const cut = (t: string, w: number) => `${t.slice(0, w - 1)}…`;
      expect(lines[1]).toContain(`${cut(longName, NAME_WIDTH)}  queued`);
      expect(lines[1]).toContain(`tsmixer-gated  ${cut(longData, DATASET_WIDTH)}`);
      expect(lines[2]).toMatch(/^\d+ +demo +queued +demo-gated +synthetic /);
      expect(lines[3]).toMatch(/ dlinear +#99 \(deleted\) /); // a dataset deleted since
      expect(new Set(lines.map((l) => l.search(/queued|status/))).size).toBe(1); // columns line up
      expect(runSummary(store, store.runs.get(a)!)).toMatchObject({ name: longName, dataset: datasetId, datasetName: longData });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints gate statistics in the app's words (openness histogram, openness by channel); --json keeps the stored names", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-stat-words-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: { model: { template: 'tsmixer-gated' } } });
      store.metrics.appendGateStats(id, [
        { step: 20, gate: 'block0.gate', stat: 'openness', value: 0.52 },
        { step: 20, gate: 'block0.gate', stat: 'openness_hist', vector: [0, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05, 0] },
        { step: 20, gate: 'block0.gate', stat: 'openness_by_channel', vector: [0.4, 0.6] },
      ]);
      const gates = showText(store, store.runs.get(id)!).split('\n').filter((l) => l.startsWith('    block0.gate'));
      expect(gates.map((l) => /^ {4}(.+?) +[[\d]/.exec(l)?.[1])).toEqual(['block0.gate openness', 'block0.gate openness by channel', 'block0.gate openness histogram'].sort());
      expect(new Set(gates.map((l) => l.search(/ [[\d]/))).size).toBe(1); // the values line up after the longest name
      expect(gates.join('\n')).not.toMatch(/openness_/);
      expect(runDetail(store, store.runs.get(id)!).gates.map((g) => g.stat).sort()).toEqual(['openness', 'openness_by_channel', 'openness_hist']);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gatelab show while a run trains, after it was held, and after GateLab stopped', () => {
  const withStore = (fn: (store: ReturnType<typeof openLabStore>) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-show-states-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try { fn(store); } finally { store.close(); rmSync(dir, { recursive: true, force: true }); }
  };

  it('lists a running run’s curves so far and says its validation has not come yet; runs shows its training loss', async () => {
    const { runsTable } = await import('./run-report');
    withStore((store) => {
      const id = store.runs.create({ config: { model: { template: 'tsmixer-gated' } } });
      store.runs.setStatus(id, 'running', { step: 101, totalSteps: 1400 });
      store.metrics.append(id, Array.from({ length: 101 }, (_, i) => [{ step: i + 1, name: 'loss', value: 1 / (i + 1) }, { step: i + 1, name: 'lr', value: 0.003 }]).flat());
      const text = showText(store, store.runs.get(id)!);
      expect(text).toMatch(/\n {4}loss +101 points {2}first 1\.0000 {2}last 0\.0099 /);
      expect(text).toContain('\n  validation: none yet (it runs at the end of each epoch)\n');
      expect(runsTable(store, [store.runs.get(id)!]).split('\n')[1]).toMatch(/ train loss 0\.0099 \(step 101\)$/);
      // once it has validated, the validation line is the figures (and runs shows them instead)
      store.metrics.append(id, [{ step: 140, name: 'val.loss', value: 0.05 }]);
      expect(showText(store, store.runs.get(id)!)).toContain('\n  validation: loss 0.0500\n');
      expect(runsTable(store, [store.runs.get(id)!]).split('\n')[1]).toMatch(/ val loss 0\.0500$/);
    });
  });

  it('a run held before it started prints its note as a note, not as "stopped: held …"', () => {
    withStore((store) => {
      const id = store.runs.create({ config: { model: { template: 'dlinear' } } });
      const why = `the gatelab command that queued it was stopped (Ctrl-C) first; resume it: gatelab resume ${id}`;
      store.runs.setStatus(id, 'paused', { stop: { reason: `not started: ${why}`, step: 0, epoch: 0, bestStep: null } });
      const text = showText(store, store.runs.get(id)!);
      expect(text).toContain(`\n  note: held before it started: ${why}\n`);
      expect(text).not.toMatch(/stopped: held/);
      // a run that trained says why it stopped as before
      const done = store.runs.create({ config: { model: { template: 'dlinear' } } });
      store.runs.setStatus(done, 'completed', { stop: { reason: 'cancelled', step: 30, epoch: 0, bestStep: null } });
      expect(showText(store, store.runs.get(done)!)).toContain('\n  stopped: cancelled at step 30\n');
    });
  });

  it('an interrupted run names two steps, each for what it is: the step its curves reached and the checkpoint resume continues from', () => {
    withStore((store) => {
      const id = store.runs.create({ config: { model: { template: 'tsmixer-gated' } } });
      store.metrics.append(id, Array.from({ length: 182 }, (_, i) => ({ step: i + 1, name: 'loss', value: 0.5 })));
      const note = `GateLab stopped while this run was training (its last progress was at 14:19:37). Resume continues from its last checkpoint, at step 140 (after 1 full epoch). Resume it: gatelab resume ${id}`;
      store.runs.setStatus(id, 'interrupted', { step: 140, epoch: 1, error: note });
      const text = showText(store, store.runs.get(id)!);
      expect(text).toContain(`\n  interrupted: ${note}\n  reached step 182 before it stopped; resume continues from the checkpoint at step 140 (steps 141–182 are trained again)\n`);
      expect(text).not.toMatch(/error/);
      // no usable checkpoint: resume starts over, and says so instead of naming a checkpoint at step 0
      store.runs.setStatus(id, 'interrupted', { step: 0, epoch: 0 });
      expect(showText(store, store.runs.get(id)!)).toContain('\n  reached step 182 before it stopped; with no usable checkpoint, resume starts again from step 0\n');
    });
  });
});

describe('the mean baseline of a regression run', () => {
  const b = { mean: 102.79812, mse: 23.61, mae: 3.9512, rmse: Math.sqrt(23.61), r2: -0.00213 };

  it('reads r2 and rmse first, then the mean it always predicts and its mse and mae on test', async () => {
    const { describeRegressionBaseline } = await import('./run-report');
    expect(describeRegressionBaseline(b)).toBe('mean baseline: r2 -0.0021, rmse 4.859 (always the training mean 102.798; mse 23.61, mae 3.951 on test)');
    // every test target the same: no r2; a price in the thousands keeps its cents; a rounded zero has no sign
    expect(describeRegressionBaseline({ mean: 1234.5678, mse: 4, mae: 2, rmse: 2 })).toBe('mean baseline: rmse 2 (always the training mean 1234.57; mse 4, mae 2 on test)');
    expect(describeRegressionBaseline({ ...b, r2: -0.00001 })).toMatch(/^mean baseline: r2 0\.0000, /);
  });

  it('gatelab show prints it under the test metrics, and --json carries it (null for a classifier)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-mean-baseline-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const reg = store.runs.create({ config: { model: { template: 'concat-fusion' } } });
      store.runs.setStatus(reg, 'completed', { dataSummary: { line: "fusion: regressing 'price'", logScaled: [], regressionBaseline: b } });
      store.metrics.append(reg, [{ step: 40, name: 'test.r2', value: 0.61 }, { step: 40, name: 'test.rmse', value: 3.01 }]);
      const lines = showText(store, store.runs.get(reg)!).split('\n');
      const test = lines.findIndex((l) => l.startsWith('  test:'));
      expect(lines[test]).toBe('  test:       r2 0.6100  rmse 3.0100');
      expect(lines[test + 1]).toBe('  mean baseline: r2 -0.0021, rmse 4.859 (always the training mean 102.798; mse 23.61, mae 3.951 on test)');
      expect(runSummary(store, store.runs.get(reg)!).regressionBaseline).toEqual(b);
      expect(runDetail(store, store.runs.get(reg)!).data?.regressionBaseline).toEqual(b);
      const clf = store.runs.create({ config: { model: { template: 'concat-fusion' } } });
      store.runs.setStatus(clf, 'completed', { dataSummary: { line: 'fusion', logScaled: [], baseline: { accuracy: 0.9, majority: "'0'" } } });
      expect(runSummary(store, store.runs.get(clf)!).regressionBaseline).toBeNull();
      expect(showText(store, store.runs.get(clf)!)).not.toContain('mean baseline');
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
