// Test helper (test-only): a file imported into a test lab, one run trained on it and exported, and the
// export's `gatelab.preprocessing` document read back, as the README recipes for exported models start.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import onnxProto from 'onnx-proto';
import type { LabDatasets } from '../../datasets/index';
import type { RunManager } from '../run-manager';
import { exportRun } from '../export-run';
import type { PreprocessingDoc } from '../preprocessing-doc';

export type ExportedRun = { onnxPath: string; doc: PreprocessingDoc };

/** Imports `path` with `roles`, trains `run` on it (it must complete), exports it to `<path>.onnx`. */
export async function trainAndExportFile(lab: LabDatasets, manager: RunManager, path: string, roles: Record<string, string>, run: Record<string, unknown>): Promise<ExportedRun> {
  const { dataset } = await lab.registry.importDataset(path, { roles: roles as never });
  const id = await manager.create({ ...run, data: { kind: 'dataset', datasetId: dataset.id } } as never);
  const record = await manager.waitFor(id);
  expect(record.status, record.error ?? '').toBe('completed');
  const onnxPath = `${path}.onnx`;
  await exportRun(lab.store, manager.files, id, onnxPath);
  const props = onnxProto.onnx.ModelProto.decode(readFileSync(onnxPath)).metadataProps ?? [];
  return { onnxPath, doc: JSON.parse(props.find((p) => p.key === 'gatelab.preprocessing')!.value!) as PreprocessingDoc };
}
