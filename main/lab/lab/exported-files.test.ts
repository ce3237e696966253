import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { exportedFiles } from './exported-files';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('exportedFiles', () => {
  it('lists what exports wrote, newest first, with run, format and size; other files are not exports', () => {
    dir = mkdtempSync(join(tmpdir(), 'gatelab-exports-'));
    const put = (name: string, bytes: number, t: number) => { writeFileSync(join(dir, name), Buffer.alloc(bytes)); utimesSync(join(dir, name), t, t); };
    put('run-2.onnx', 300, 1_700_000_000);
    put('run-2-report.html', 20, 1_700_000_100);
    put('run-12-gate-report.html', 7, 1_700_000_200);
    put('run-12-metrics.csv', 5, 1_700_000_050);
    put('run-2-feature-importance.csv', 9, 1_700_000_300); // the gate report's companion CSV: listed too
    put('notes.txt', 1, 1_700_000_400);
    mkdirSync(join(dir, 'run-3.onnx')); // a folder with an export's name is not a file
    expect(exportedFiles(dir).map((f) => [f.run, f.format, f.bytes])).toEqual([
      ['2', 'feature-importance', 9], ['12', 'gate-report', 7], ['2', 'report', 20], ['12', 'metrics-csv', 5], ['2', 'onnx', 300],
    ]);
    expect(exportedFiles(dir)[1].path).toBe(join(dir, 'run-12-gate-report.html'));
  });

  it('is empty before the first export (no folder yet)', () => {
    dir = mkdtempSync(join(tmpdir(), 'gatelab-exports-'));
    expect(exportedFiles(join(dir, 'exports'))).toEqual([]);
  });
});
