// The Export view lists the exports folder by these names. An export that lacked the run's preprocessing
// went beside the file that has it (runs/export-run.ts); the listing must show it too, and say what it lacks.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { exportFileName, NO_PREPROCESSING_NOTE, parseExportFileName } from './export-names';
import { exportedFiles } from './exported-files';

let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = ''; });

describe('parseExportFileName', () => {
  it('reads back every name an export writes', () => {
    for (const format of ['onnx', 'report', 'gate-report', 'metrics-csv', 'feature-importance'] as const) {
      expect(parseExportFileName(exportFileName(12, format))).toEqual({ run: '12', format });
    }
  });

  it('an ONNX export written beside the one with preprocessing is run N\'s onnx, noted as without preprocessing', () => {
    expect(parseExportFileName('run-3-no-preprocessing.onnx')).toEqual({ run: '3', format: 'onnx', note: NO_PREPROCESSING_NOTE });
    expect(parseExportFileName('run-3-no-preprocessing-2.onnx')).toEqual({ run: '3', format: 'onnx', note: NO_PREPROCESSING_NOTE });
    expect(NO_PREPROCESSING_NOTE).toMatch(/^no preprocessing/);
  });

  it('other names are not exports (a half-written file, another suffix)', () => {
    for (const name of ['run-3-no-preprocessing.onnx.tmp-123', 'run-3-no-preprocessing.csv', 'run-3-no-preprocessing-x.onnx', 'run-3-no-preprocessing-.onnx', 'model-no-preprocessing.onnx', 'run-3.onnx.tmp-9']) {
      expect(parseExportFileName(name), name).toBeNull();
    }
  });

  it('the folder listing shows both files of a run, the one without preprocessing saying so', () => {
    dir = mkdtempSync(join(tmpdir(), 'gatelab-export-names-'));
    writeFileSync(join(dir, 'run-3.onnx'), Buffer.alloc(300));
    utimesSync(join(dir, 'run-3.onnx'), 1_700_000_000, 1_700_000_000);
    writeFileSync(join(dir, 'run-3-no-preprocessing.onnx'), Buffer.alloc(200));
    utimesSync(join(dir, 'run-3-no-preprocessing.onnx'), 1_700_000_100, 1_700_000_100);
    expect(exportedFiles(dir).map((f) => [f.run, f.format, f.bytes, f.note])).toEqual([
      ['3', 'onnx', 200, NO_PREPROCESSING_NOTE],
      ['3', 'onnx', 300, undefined],
    ]);
  });
});
