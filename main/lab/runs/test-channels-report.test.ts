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
