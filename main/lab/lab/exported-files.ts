// The files earlier exports wrote into the lab's exports folder, newest first, so the Export view lists
// them after a reload or a restart (the folder is the record: a file deleted by hand is no longer listed,
// one copied in by another process is). Only names the lab writes are listed, with their run and format.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedFile } from '../../../common/lab-api';
import { parseExportFileName } from './export-names';

export function exportedFiles(folder: string): ExportedFile[] {
  let names: string[];
  try { names = readdirSync(folder); } catch { return []; } // no export yet
  const files: ExportedFile[] = [];
  for (const name of names) {
    const parsed = parseExportFileName(name);
    if (!parsed) continue;
    try {
      const s = statSync(join(folder, name));
      if (s.isFile()) files.push({ ...parsed, path: join(folder, name), bytes: s.size, modified: s.mtime.toISOString() });
    } catch { /* removed while listing */ }
  }
  return files.sort((a, b) => b.modified.localeCompare(a.modified) || a.path.localeCompare(b.path));
}
