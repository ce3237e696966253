// What the Lab needs from the run manager (main/lab/runs, being built): an interface the manager's
// adapter implements, so LabApi's runs channels and events are wired in one place. Until then
// `missingRuns` answers with a clear 'not-available' (and an empty list, so the UI can say so).
import type { z } from 'zod';
import {
  LabError, type Comparison, type ExportRequest, type ExportResult, type MetricPoints, type RunDetail, type RunMetrics,
  type RunGates, type GatePoints, type QueueHoldNote, type RunProgress, type RunSummary, type StartRuns, type StartedRuns,
} from '../../../common/lab-api';

type Out<T extends z.ZodType> = z.output<T>;
type MaybePromise<T> = T | Promise<T>;

export interface RunsPort {
  /** False while the run manager is not built: system.info lists 'runs' as unavailable. */
  readonly available: boolean;
  start(request: Out<typeof StartRuns>): MaybePromise<Out<typeof StartedRuns>>;
  list(): MaybePromise<RunSummary[]>;
  get(id: string): MaybePromise<RunDetail>;
  pause(id: string): MaybePromise<void>;
  resume(id: string): MaybePromise<void>;
  cancel(id: string): MaybePromise<void>;
  delete(id: string): MaybePromise<void>;
  metrics(id: string, names?: string[], sinceStep?: number): MaybePromise<RunMetrics>;
  compare(ids: string[]): MaybePromise<Out<typeof Comparison>>;
  export(id: string, format: Out<typeof ExportRequest>['format']): MaybePromise<Out<typeof ExportResult>>;
  /** Live progress and metric points (batched by the manager, ~every 100 ms). Return unsubscribe. */
  onProgress(listener: (p: RunProgress) => void): () => void;
  onMetrics(listener: (m: MetricPoints) => void): () => void;
  /** Gate statistics (optional: without them the Lab reads stored ones from the store, and no live ones are pushed). */
  gates?(id: string): MaybePromise<RunGates>;
  onGateStats?(listener: (g: GatePoints) => void): () => void;
  /** The queue waits for the database (why, and what to do), repeated while it lasts; note null once it ends. */
  onQueueHold?(listener: (h: QueueHoldNote) => void): () => void;
  /** True when this lab's own trainer runs it (not a CLI or another app on the same home): what quitting pauses. */
  trainsHere?(id: string): boolean;
  /** The lab's settings changed (e.g. more concurrent runs): start queued runs that now fit. */
  settingsChanged?(): void;
  close(): void | Promise<void>;
}

const missing = (): never => {
  throw new LabError('not-available', 'runs are not available in this build yet: the run manager (main/lab/runs) is still being built');
};

export const missingRuns: RunsPort = {
  available: false,
  start: missing,
  list: () => [],
  get: missing,
  pause: missing,
  resume: missing,
  cancel: missing,
  delete: missing,
  metrics: missing,
  compare: missing,
  export: missing,
  onProgress: () => () => {},
  onMetrics: () => () => {},
  close: () => {},
};
