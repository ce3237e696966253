// A lab home whose database is not the one its folders were written with: the database was moved aside,
// damaged and recreated, or is a 0-byte file SQLite opens as empty. A fresh database numbers runs from 1
// again, so "run 1" would write into the earlier run 1's checkpoints folder and mix or overwrite its
// files. Nothing here deletes anything: a clashing folder is moved aside, and the user is told once.
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import type { LabStore } from '../store/index';
import type { LabPaths } from '../home';

const warnedHomes = new Set<string>();

const entries = (dir: string): string[] => {
  try { return readdirSync(dir); } catch { return []; }
};

/**
 * Moves `checkpoints/run-N/` aside to `run-N.orphan-<time>/` when a new run N finds it holding files
 * (left by another database). Returns the new folder, or null when there was nothing in the way.
 */
export function moveStaleRunFolder(folder: string, runId: number, say: (line: string) => void = console.warn): string | null {
  if (!existsSync(folder) || entries(folder).length === 0) return null;
  const aside = `${folder}.orphan-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(folder, aside);
  say(`run ${runId}: the folder ${folder} held files from an earlier database (not this run's); moved it to ${basename(aside)} beside it, nothing deleted`);
  return aside;
}

/**
 * The warning for an empty database in a home that already has run folders or dataset files, or null.
 * Said once per home and process (every lab face opens a run manager).
 */
export function warnAboutEarlierData(store: LabStore, paths: LabPaths, say: (line: string) => void = console.warn): string | null {
  if (warnedHomes.has(paths.home)) return null;
  const count = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  if (count('runs') > 0 || count('datasets') > 0) return null;
  const runFolders = entries(paths.checkpoints).filter((f) => /^run-\d+/.test(f));
  const dataFiles = entries(paths.datasets);
  if (!runFolders.length && !dataFiles.length) return null;
  warnedHomes.add(paths.home);
  const found = [
    ...(runFolders.length ? [`${paths.checkpoints} (${runFolders.length} run folder${runFolders.length > 1 ? 's' : ''})`] : []),
    ...(dataFiles.length ? [`${paths.datasets} (${dataFiles.length} entr${dataFiles.length > 1 ? 'ies' : 'y'})`] : []),
  ];
  const line = `warning: this lab home has data from an earlier database: ${found.join(', ')}; the database ${paths.database} is new or empty. ` +
    'If the earlier database was moved aside or damaged, put it back before training; new runs move clashing run folders aside, they never overwrite them';
  say(line);
  return line;
}
