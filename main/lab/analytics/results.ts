// Knockout tables and gate reports are files in the run's folder (checkpoints/run-<id>/analytics/):
// they are derived data, recomputable from the checkpoint, and a file per run needs no schema change.
// A new knockout of the same gate and mode replaces the old row; other rows are kept.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnockoutTable, GateReport, sameIntervalMethod } from '../../../common/analytics';
import type { RunFiles } from '../runs/run-files';

const dirOf = (files: RunFiles, runId: number) => {
  const d = join(files.dir(runId), 'analytics');
  mkdirSync(d, { recursive: true });
  return d;
};

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const rowKey = (r: { gate: string; mode: string; expert?: number }) => `${r.gate}\u0000${r.mode}\u0000${r.expert ?? ''}`;

export function readKnockouts(files: RunFiles, runId: number): KnockoutTable | null {
  const path = join(dirOf(files, runId), 'knockout.json');
  if (!existsSync(path)) return null;
  return KnockoutTable.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Merges a new table into the stored one (same metric, seed and baseline: else the new table replaces it). */
export function saveKnockouts(files: RunFiles, runId: number, table: KnockoutTable): KnockoutTable {
  const old = readKnockouts(files, runId);
  let merged = table;
  // rows merge only when resampled alike: a forecasting table from before the block bootstrap has narrower
  // intervals, which the new table's description would otherwise claim for them
  if (old && old.metric === table.metric && old.seed === table.seed && old.baseline === table.baseline && sameIntervalMethod(old.interval, table.interval)) {
    const rows = new Map(old.rows.map((r) => [rowKey(r), r]));
    for (const r of table.rows) rows.set(rowKey(r), r);
    merged = { ...table, rows: [...rows.values()] };
  }
  writeAtomic(join(dirOf(files, runId), 'knockout.json'), JSON.stringify(merged, null, 1));
  return merged;
}

/** The report's files; `csv` (per-feature importance) is null for a model without feature gates. */
export function saveReport(files: RunFiles, runId: number, report: GateReport, html: string, csv: string): { json: string; html: string; csv: string | null } {
  const d = dirOf(files, runId);
  const paths = { json: join(d, 'gate-report.json'), html: join(d, 'gate-report.html'), csv: join(d, 'feature-importance.csv') };
  writeAtomic(paths.json, JSON.stringify(report));
  writeAtomic(paths.html, html);
  // A model without feature gates has no per-feature importance: no CSV of a header alone (and none left
  // from an earlier report of the same run).
  if (report.featureGates.length > 0) writeAtomic(paths.csv, csv);
  else rmSync(paths.csv, { force: true });
  return { ...paths, csv: report.featureGates.length > 0 ? paths.csv : null };
}

export function readReport(files: RunFiles, runId: number): GateReport | null {
  const path = join(dirOf(files, runId), 'gate-report.json');
  return existsSync(path) ? GateReport.parse(JSON.parse(readFileSync(path, 'utf8'))) : null;
}
