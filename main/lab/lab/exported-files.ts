// The files earlier exports wrote into the lab's exports folder, newest first, so the Export view lists
// them after a reload or a restart (the folder is the record: a file deleted by hand is no longer listed,
// one copied in by another process is). Only names the lab writes are listed, with their run and format.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedFile } from '../../../common/lab-api';

const NAMES: Array<[RegExp, ExportedFile['format']]> = [
  [/^run-(\d+)\.onnx$/, 'onnx'],
  [/^run-(\d+)-report\.html$/, 'report'],
  [/^run-(\d+)-gate-report\.html$/, 'gate-report'],
  [/^run-(\d+)-metrics\.csv$/, 'metrics-csv'],
];

export function exportedFiles(folder: string): ExportedFile[] {
  let names: string[];
  try { names = readdirSync(folder); } catch { return []; } // no export yet
  const files: ExportedFile[] = [];
  for (const name of names) {
    for (const [pattern, format] of NAMES) {
      const m = pattern.exec(name);
      if (!m) continue;
      try {
        const s = statSync(join(folder, name));
        if (s.isFile()) files.push({ run: m[1], format, path: join(folder, name), bytes: s.size, modified: s.mtime.toISOString() });
      } catch { /* removed while listing */ }
      break;
    }
  }
  return files.sort((a, b) => b.modified.localeCompare(a.modified) || a.path.localeCompare(b.path));
}
