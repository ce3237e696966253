// Exporting a run the lab does not have is refused in the words every verb uses for a missing run
// (refusal.ts noRun: the lab home it looked in), as a Refusal; nothing is written.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { openLabDatasets } from '../datasets/index';
import { RunFiles } from './run-files';
import { isRefusal } from './refusal';
import { exportRun } from './export-run';
import { checkpointedRunOn } from './testing/checkpointed-run';
import { onnx } from '../../../engine/onnx/proto';
import { defaultModelConfig } from '../../../common/models';

const home = mkdtempSync(join(tmpdir(), 'gatelab-export-run-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('exportRun of a run the lab does not have', () => {
  it("says 'no run N in HOME (gatelab runs lists them)' as a refusal and writes no file", () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const out = join(home, 'model.onnx');
    try {
      let error: unknown;
      try { exportRun(store, new RunFiles(paths.checkpoints, paths.home), 42, out); } catch (e) { error = e; }
      expect((error as Error).message).toBe(`no run 42 in ${home} (gatelab runs lists them)`);
      expect(isRefusal(error)).toBe(true);
      expect(existsSync(out)).toBe(false);
      expect(store.checkpoints.exports()).toEqual([]);
    } finally {
      store.close();
    }
  });
});

// A run's export carries its preprocessing only while its dataset is there. Exporting it again after the
// dataset was deleted (runs keep their results and exports) must not replace the file that has it: the
// new one goes beside it, the note says where, and both stay in the lab's list of exports.
describe('exporting a run again after its dataset was deleted', () => {
  const preprocessingOf = (path: string) => JSON.parse(onnx.ModelProto.decode(readFileSync(path)).metadataProps!.find((p) => p.key === 'gatelab.preprocessing')!.value!) as { available?: boolean; reason?: string };

  it('keeps run-N.onnx with its preprocessing and writes run-N-no-preprocessing.onnx beside it, saying so', async () => {
    const paths = labPaths(mkdtempSync(join(home, 'lab-')));
    const lab = await openLabDatasets(paths, { demos: false });
    try {
      const csv = join(paths.home, 'load.csv');
      writeFileSync(csv, ['date,load,temp', ...Array.from({ length: 200 }, (_, i) => `2026-01-${String(1 + Math.floor(i / 24)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00,${(Math.sin(i / 5) * 10 + 50).toFixed(2)},${(i % 17) + 0.5}`)].join('\n') + '\n');
      const { dataset } = await lab.registry.importDataset(csv, {});
      const id = checkpointedRunOn(lab.store, paths, dataset.id, { ...defaultModelConfig('dlinear', {}), lookback: 24, horizon: 4, channels: 2 } as never);
      const files = new RunFiles(paths.checkpoints, paths.home);
      mkdirSync(paths.exports, { recursive: true });
      const out = join(paths.exports, `run-${id}.onnx`);

      const first = exportRun(lab.store, files, id, out);
      expect(first.preprocessing).toBe('included');
      const withPreprocessing = readFileSync(out);
      expect(preprocessingOf(out).available).not.toBe(false);

      lab.registry.delete(dataset.id);
      const again = exportRun(lab.store, files, id, out);
      const beside = join(paths.exports, `run-${id}-no-preprocessing.onnx`);
      expect(again.path).toBe(beside);
      expect(readFileSync(out).equals(withPreprocessing)).toBe(true);
      expect(preprocessingOf(beside)).toMatchObject({ available: false, reason: `run ${id}'s dataset was deleted: its feature pipeline cannot be re-derived; the model is exported without it` });
      expect(again.note).toBe(`${out} has run ${id}'s preprocessing and was kept; this export lacks it (run ${id}'s dataset was deleted: its feature pipeline cannot be re-derived; the model is exported without it), so it was written beside it as run-${id}-no-preprocessing.onnx`);
      expect(lab.store.checkpoints.exports(id).map((e) => e.path)).toEqual([out, beside]);

      // a third export lacks it too: it replaces only the file beside, which has nothing to lose
      expect(exportRun(lab.store, files, id, out).path).toBe(beside);
      expect(readFileSync(out).equals(withPreprocessing)).toBe(true);
      expect(readdirSync(paths.exports).sort()).toEqual([`run-${id}-no-preprocessing.onnx`, `run-${id}.onnx`]);
    } finally {
      lab.close();
    }
  });

  it('a run without preprocessing replaces an earlier file without it in place (no second file)', () => {
    const paths = labPaths(mkdtempSync(join(home, 'lab-')));
    const store = openLabStore(paths.database);
    try {
      const id = checkpointedRunOn(store, paths, null, { template: 'demo-gated', inputs: 8, hidden: 8, experts: 2, expertHidden: 4 });
      const files = new RunFiles(paths.checkpoints, paths.home);
      const out = join(paths.home, 'model.onnx');
      expect(exportRun(store, files, id, out).path).toBe(out);
      const r = exportRun(store, files, id, out);
      expect(r.path).toBe(out);
      expect(r.note).toBeUndefined();
      expect(existsSync(join(paths.home, 'model-no-preprocessing.onnx'))).toBe(false);
    } finally {
      store.close();
    }
  });
});
