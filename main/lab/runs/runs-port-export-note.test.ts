// The app's Export button goes through the runs port. An export that lacks the run's preprocessing (its
// dataset was deleted since) is written beside the file that has it; the port must hand the app the note
// that says so, as the CLI prints it, or the user is told only a path they did not ask for.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets } from '../datasets/index';
import { openRunsPort } from './runs-port';
import { checkpointedRunOn } from './testing/checkpointed-run';
import { defaultModelConfig } from '../../../common/models';

const home = mkdtempSync(join(tmpdir(), 'gatelab-port-note-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('runs port: exporting ONNX', () => {
  it('returns the export\'s note: the file with preprocessing was kept and the new one went beside it', async () => {
    const paths = labPaths(home);
    const lab = await openLabDatasets(paths, { demos: false });
    const port = openRunsPort({ store: lab.store, paths, registry: lab.registry, poolSize: 1 });
    try {
      const csv = join(home, 'load.csv');
      writeFileSync(csv, ['date,load,temp', ...Array.from({ length: 200 }, (_, i) => `2026-01-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,${(Math.sin(i / 5) * 10 + 50).toFixed(2)},${(i % 17) + 0.5}`)].join('\n') + '\n');
      const { dataset } = await lab.registry.importDataset(csv, {});
      const id = checkpointedRunOn(lab.store, paths, dataset.id, { ...defaultModelConfig('dlinear', {}), lookback: 24, horizon: 4, channels: 2 } as never);
      mkdirSync(paths.exports, { recursive: true });
      const out = join(paths.exports, `run-${id}.onnx`);

      const first = await port.export(String(id), 'onnx');
      expect(first).toEqual({ path: out, bytes: readFileSync(out).length }); // nothing to note: no `note` key at all

      lab.registry.delete(dataset.id);
      const again = await port.export(String(id), 'onnx');
      const beside = join(paths.exports, `run-${id}-no-preprocessing.onnx`);
      expect(again.path).toBe(beside);
      expect(again.bytes).toBe(readFileSync(beside).length);
      expect(again.note).toBe(`${out} has run ${id}'s preprocessing and was kept; this export lacks it (run ${id}'s dataset was deleted: its feature pipeline cannot be re-derived; the model is exported without it), so it was written beside it as run-${id}-no-preprocessing.onnx`);
    } finally {
      await port.close();
      lab.close();
    }
  });
});
