// LabApi: the one contract between the UI (renderer) and the lab (main). Every request channel and
// every event is declared ONCE here with zod schemas; the preload bridge, the Electron IPC handlers,
// the serve-mode router and the browser WebSocket client are all generated from these two maps.
import { z } from 'zod';
import * as D from './lab-api/datasets';
import * as R from './lab-api/runs';
import * as S from './lab-api/system';
import * as A from './lab-api/analytics';
import * as SP from './lab-api/splits';
import * as T from './lab-api/try-target-values';

export * from './lab-api/datasets';
export * from './lab-api/runs';
export * from './lab-api/system';
export * from './lab-api/analytics';
export * from './lab-api/splits';
export * from './lab-api/try-target-values';
export { LabError, type LabErrorCode } from './lab-api/errors';

const channel = <P extends z.ZodType, Res extends z.ZodType>(payload: P, result: Res, summary: string) => ({ payload, result, summary });
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

/**
 * A run, dataset or saved model the lab's lists leave out because a stored JSON column of its row does not
 * parse (main/lab/store/damaged-rows.ts): `reason` is a sentence for the app, shown beside the list.
 */
export const DamagedRowNote = z.object({
  kind: z.enum(['run', 'dataset', 'model']),
  id: z.string(),
  reason: z.string(),
});
export type DamagedRowNote = z.infer<typeof DamagedRowNote>;

export const REQUESTS = {
  'datasets.list': channel(Empty, z.array(D.DatasetSummary), 'All datasets, demo ones included, newest first'),
  'datasets.get': channel(D.DatasetId, D.DatasetDetail, 'One dataset with its columns, stats and validation report'),
  'datasets.preview': channel(D.PreviewRequest, D.PreviewPage, 'A page of rows for the virtualized preview'),
  'datasets.setRoles': channel(D.SetRoles, D.DatasetDetail, 'Assign column roles (target, time index, ...)'),
  'datasets.remove': channel(D.DatasetId, Ok, 'Delete a dataset and its cached columns'),
  'datasets.setTypes': channel(D.SetTypes, D.TypesChanged, 'Set column types (null: back to inferred): re-parses the stored original, keeping id, roles and splits'),
  'datasets.rename': channel(D.RenameDataset, D.DatasetRenamed, 'Rename a dataset (1-120 characters; names are unique: a name another dataset has is refused)'),
  'datasets.import': channel(D.ImportFromPath, D.ImportStarted, 'Import a file the lab can read by path'),
  'splits.list': channel(SP.SplitsListRequest, z.array(SP.SplitInfo), 'Stored splits of a dataset, oldest first, with their train/val/test/unused counts'),
  'splits.create': channel(SP.CreateSplit, SP.CreatedSplit, 'Compute and store a split of a dataset (not \'given\': that needs split files, a CLI verb)'),
  'splits.delete': channel(SP.DeleteSplit, SP.DeletedSplit, 'Delete a stored split (refused while a run names its id: the error names the runs)'),
  'import.begin': channel(D.UploadBegin, z.object({ uploadId: z.string() }), 'Start uploading a dropped file in chunks'),
  'import.chunk': channel(D.UploadChunk, z.object({ received: z.number() }), 'One base64 chunk of an upload, in order'),
  'import.finish': channel(D.UploadFinish, D.ImportStarted, 'Upload complete: import it'),
  'import.cancel': channel(D.ImportId, Ok, 'Cancel an upload or an import in progress'),
  'templates.list': channel(Empty, z.array(R.Template), 'Model templates by family, baselines first'),
  'gates.list': channel(Empty, z.array(R.GateKind), 'Gate kinds with their config schema (JSON Schema)'),
  'models.size': channel(R.ModelSize, R.ModelSizeResult, 'Parameter count and FLOPs/step of a configured template'),
  'runs.start': channel(R.StartRuns, R.StartedRuns, 'Queue runs (one per seed) of a template on a dataset'),
  'runs.list': channel(Empty, z.array(R.RunSummary), 'All runs, newest first'),
  'runs.get': channel(R.RunId, R.RunDetail, 'One run with its config'),
  'runs.pause': channel(R.RunId, Ok, 'Pause a running run at its next checkpoint'),
  'runs.resume': channel(R.RunId, Ok, 'Resume a paused or interrupted run'),
  'runs.cancel': channel(R.RunId, Ok, 'Cancel a queued or running run'),
  'runs.delete': channel(R.RunId, Ok, 'Delete a run that is not training, with its metrics and checkpoints (exported files stay)'),
  'runs.metrics': channel(R.MetricsRequest, R.RunMetrics, 'Stored metric series of a run'),
  'runs.gates': channel(R.GatesRequest, R.RunGates, 'Stored gate statistics of a run (openness, entropy, expert load...)'),
  'runs.pausedAtQuit': channel(z.object({ clear: z.boolean().optional() }).strict(), z.object({ runIds: z.array(z.string()) }), 'Runs the app paused when it last quit (to offer resuming them); clear: forget the list'),
  'runs.try': channel(R.TryRequest, T.TryResultWithTargetValues, 'Run the exported ONNX model on chosen test rows (in a child process) and return its predictions (under a label rule, each row\'s rule value)'),
  'runs.compare': channel(R.CompareRequest, R.Comparison, 'Configs and series of several runs (each capped at `points` for display)'),
  'runs.pointsAt': channel(R.PointsAtRequest, R.PointsAt, 'Exact stored value of a metric nearest a step, per run'),
  'runs.export': channel(R.ExportRequest, R.ExportResult, 'Export a run as ONNX, an HTML report or metrics CSV'),
  'runs.exports': channel(Empty, z.array(R.ExportedFile), 'Files earlier exports wrote into the exports folder, newest first'),
  'analytics.knockouts': channel(R.RunId, A.RunKnockouts, 'Stored knockout table of a run (metric deltas per gate knocked out), null if none yet'),
  'analytics.knockoutChoices': channel(R.RunId, A.RunKnockoutChoices, "Every knockout the run's gates allow (as `gatelab knockout --gate --mode --expert` takes them), or why it has none"),
  'analytics.knockoutRows': channel(A.KnockoutRowsPayload, A.RunKnockoutRows, 'One knockout on chosen test rows (Try it numbering): each row as trained, knocked out, and the gate value on it'),
  'analytics.knockoutAll': channel(R.RunId, A.AnalyticsJobInfo, 'Queue "knock out all gates one by one" for a trained run as a background job'),
  'analytics.jobs': channel(R.RunId, A.AnalyticsJobs, 'Analytics jobs of a run with their progress'),
  'analytics.report': channel(R.RunId, A.GateReportPaths, 'Write the gate report (HTML, JSON, per-feature CSV) of a trained run; returns its paths'),
  'analytics.reportData': channel(A.ReportDataRequest, A.GateReportData, 'The gate report of a run as data (compute, feature gates, routers, fusion, attention); generate: write it if absent'),
  'analytics.compare': channel(A.AnalyticsCompareRequest, A.AnalyticsComparison, 'Per run: its knockout table and FLOPs per sample (measured or dense), for Compare'),
  'settings.get': channel(Empty, S.Settings, 'Current settings'),
  'settings.set': channel(S.SettingsPatch, S.Settings, 'Change some settings; returns all of them'),
  'system.info': channel(Empty, S.SystemInfo, 'Version, execution providers and what is not available yet'),
  'lab.damaged': channel(Empty, z.array(DamagedRowNote), 'Runs, datasets and saved models left out of the lists because their stored row is damaged, with why'),
} as const;

export const EVENTS = {
  'runs.progress': R.RunProgress,
  'runs.metrics': R.MetricPoints,
  'runs.gateStats': R.GatePoints,
  'runs.queueHold': R.QueueHoldNote,
  'import.progress': D.ImportProgress,
  'datasets.changed': z.object({ id: z.string().nullable() }),
} as const;

export type RequestChannel = keyof typeof REQUESTS;
export type EventChannel = keyof typeof EVENTS;
export type RequestPayload<C extends RequestChannel> = z.input<(typeof REQUESTS)[C]['payload']>;
export type RequestResult<C extends RequestChannel> = z.output<(typeof REQUESTS)[C]['result']>;
export type EventData<E extends EventChannel> = z.output<(typeof EVENTS)[E]>;

export const REQUEST_CHANNELS = Object.keys(REQUESTS) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(EVENTS) as EventChannel[];
export const isRequestChannel = (c: unknown): c is RequestChannel => typeof c === 'string' && Object.hasOwn(REQUESTS, c);
export const isEventChannel = (c: unknown): c is EventChannel => typeof c === 'string' && Object.hasOwn(EVENTS, c);

/** What the UI holds: window.lab in Electron, a WebSocket client in the browser. */
export interface LabApi {
  invoke<C extends RequestChannel>(channel: C, payload: RequestPayload<C>): Promise<RequestResult<C>>;
  /** Returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (data: EventData<E>) => void): () => void;
}

/** The lab side: one handler per request channel, each receiving an already validated payload. */
export type LabHandlers = {
  [C in RequestChannel]: (payload: z.output<(typeof REQUESTS)[C]['payload']>) => Promise<RequestResult<C>> | RequestResult<C>;
};
