// `gatelab show` / `runs show` print a forecasting run's test error per channel (worst first) from the file
// the trainer writes beside its checkpoints; the headline test line stays mse/mae over all channels.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { writeTestChannels } from '../../../workers/run/channel-errors';
import { runDetail, showText } from './run-report';
import { testChannelsOf } from './test-channels-report';

describe('per-channel test errors in run reports', () => {
  it('are read from the run folder and printed worst first under the unchanged headline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-channels-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: {} });
      const runDir = join(dir, 'runs', String(id));
      mkdirSync(runDir, { recursive: true });
      store.metrics.append(id, [{ step: 40, name: 'test.mse', value: 0.4 }, { step: 40, name: 'test.mae', value: 0.45 }]);
      // stored relative to the lab home, as the lab stores them: found from any current folder
      store.checkpoints.add({ runId: id, step: 40, epoch: 2, kind: 'best', path: join('runs', String(id), 'best.ckpt'), bytes: 10, metric: 0.41 });
      expect(testChannelsOf(store, id)).toBeNull(); // before the test evaluation wrote them
      writeTestChannels(runDir, 40, [{ name: 'HUFL', mse: 0.3, mae: 0.4 }, { name: 'OT', mse: 0.6, mae: 0.55 }, { name: 'LULL', mse: 0.3, mae: 0.4 }]);
      const text = showText(store, store.runs.get(id)!).split('\n');
      const head = text.findIndex((l) => l.startsWith('  test:'));
      expect(text[head]).toBe('  test:       mae 0.4500  mse 0.4000');
      expect(text[head + 1]).toMatch(/^  test per channel \(worst first/);
      expect(text.slice(head + 2, head + 5)).toEqual(['    OT    mse 0.6000  mae 0.5500', '    HUFL  mse 0.3000  mae 0.4000', '    LULL  mse 0.3000  mae 0.4000']);
      expect(runDetail(store, store.runs.get(id)!).testChannels?.channels.map((c) => c.name)).toEqual(['HUFL', 'OT', 'LULL']); // --json: file order
      writeFileSync(join(runDir, 'test-channels.json'), '{"step": 40, "chan'); // damaged: headline only, no throw
      expect(showText(store, store.runs.get(id)!)).not.toContain('per channel');
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a forecasting run read against its target and naive forecasts', () => {
  it('shows the target channel beside the headline, the naive baselines, and says plainly when the model does not beat them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-baselines-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const columns = [{ name: 'date', role: 'time' }, { name: 'cov', role: 'feature' }, { name: 'OT', role: 'target' }];
      const id = store.runs.create({ config: { data: { kind: 'dataset', columns } } });
      const runDir = join(dir, 'runs', String(id));
      mkdirSync(runDir, { recursive: true });
      store.metrics.append(id, [{ step: 40, name: 'test.mse', value: 50.2 }, { step: 40, name: 'test.mae', value: 5.1 }]);
      store.checkpoints.add({ runId: id, step: 40, epoch: 2, kind: 'best', path: join('runs', String(id), 'best.ckpt'), bytes: 10, metric: 0.41 });
      const base = (mse: number, mae: number) => ({ mse, mae, channels: [{ name: 'cov', mse, mae }, { name: 'OT', mse, mae }] });
      writeTestChannels(runDir, 40, [{ name: 'cov', mse: 40.2, mae: 4.1 }, { name: 'OT', mse: 60.2, mae: 6.1 }], { lastValue: base(61, 6), trainMean: base(48.9, 4.9) });
      const text = showText(store, store.runs.get(id)!).split('\n');
      const head = text.findIndex((l) => l.startsWith('  test:'));
      expect(text.slice(head + 1, head + 4)).toEqual([
        "  test of target 'OT': mse 60.2000  mae 6.1000 (its own channel; the headline is the mean of 2 channels)",
        '  naive forecasts on the same test windows: repeat last value mse 61.0000  mae 6.0000; training mean mse 48.9000  mae 4.9000',
        '  warning: the model does not beat always the training mean (mse 48.9000): its test mse is 50.2000. ' +
          "Try --set model.revin=true or template nlinear (both take out each window's level), a shorter lookback, or more epochs",
      ]);
      const detail = runDetail(store, store.runs.get(id)!);
      expect(detail.testTargets).toEqual([{ name: 'OT', mse: 60.2, mae: 6.1 }]);
      expect(detail.testChannels?.baselines?.trainMean.mse).toBe(48.9);
      // a model better than both: no warning
      store.metrics.append(id, [{ step: 41, name: 'test.mse', value: 12 }]);
      expect(showText(store, store.runs.get(id)!)).not.toContain('does not beat');
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
