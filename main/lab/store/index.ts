// The lab store: one SQLite connection and a small typed table module per table group.
//   const store = openLabStore(labPaths(args.home).database);
//   store.datasets.list(); store.runs.create({...}); store.metrics.append(runId, points);
import type Database from 'better-sqlite3';
import { openDatabase, type OpenOptions } from './database';
import { DatasetTable } from './datasets';
import { SplitTable } from './splits';
import { RunTable } from './runs';
import { MetricsTable } from './metrics';
import { CheckpointTable } from './checkpoints';
import { SettingsTable } from './settings';
import { ModelTable } from './models';
import { AnalyticsJobTable } from './analytics-jobs';

export interface LabStore {
  db: Database.Database;
  path: string;
  /** The database failed its start-up check and is open read-only; `notice` tells the user what to do. */
  readOnly: boolean;
  notice?: string;
  datasets: DatasetTable;
  splits: SplitTable;
  models: ModelTable;
  runs: RunTable;
  metrics: MetricsTable;
  checkpoints: CheckpointTable;
  settings: SettingsTable;
  analyticsJobs: AnalyticsJobTable;
  close(): void;
}

export function openLabStore(path: string, options: OpenOptions = {}): LabStore {
  const { db, readOnly, notice } = openDatabase(path, options);
  // Table modules prepare statements on use, so a damaged read-only database still opens.
  return {
    db,
    path,
    readOnly,
    notice,
    datasets: new DatasetTable(db),
    splits: new SplitTable(db),
    models: new ModelTable(db),
    runs: new RunTable(db),
    metrics: new MetricsTable(db),
    checkpoints: new CheckpointTable(db),
    settings: new SettingsTable(db),
    analyticsJobs: new AnalyticsJobTable(db),
    close: () => db.close(),
  };
}

export { NewerDatabaseError, loadMigrations, migrate, schemaVersion } from './migrations';
export type { DatasetRecord, ColumnRecord, NewDataset, NewColumn } from './datasets';
export type { SplitRecord, PipelineRecord } from './splits';
export type { ModelRecord } from './models';
export type { RunDataSummary, RunRecord, RunStatus, NewRun, RunUpdate } from './runs';
export { RUN_STATUSES } from './runs';
export type { MetricPoint, GateStatPoint, Series, MetricSummary } from './metrics';
export type { CheckpointRecord, ExportRecord } from './checkpoints';
export type { AnalyticsJobRecord, AnalyticsJobStatus as AnalyticsJobRowStatus, AnalyticsJobKind } from './analytics-jobs';
export type { DamagedRow, DamagedKind, CheckedList } from './damaged-rows';
