// Imports in flight: each gets an id, reports progress as `import.progress` events (at most ~10/s),
// and can be cancelled. The importer itself runs off the main thread (the store's job); this file
// only queues, tracks and reports.
// - At most MAX_RUNNING_IMPORTS parse at once (each holds a worker and its buffers: 30 at once took
//   1.5 GB and 77 threads); the others wait in order with phase 'queued'.
// - Datasets another process imported (or deleted, or edited) on the same lab home are not this file's: the
//   Lab (lab.ts) watches them (foreign-datasets.ts) beside the runs other processes train.
// - Events of one import are ordered: the first ('queued' or 'parsing') is sent before the import can
//   report anything else (so also before the reply carrying its id: a client keeps events for an id
//   it does not know yet), and nothing follows the final one ('done', 'failed', 'cancelled').
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { rmSync } from 'node:fs';
import type { ImportProgress } from '../../../common/lab-api';
import type { DatasetsPort, ImportHooks } from './datasets-port';

export const MAX_RUNNING_IMPORTS = 2;

export interface ImportRequest {
  name?: string;
  displayName?: string;
  /** An upload's temp file: deleted (with its folder) when the import ends, however it ends. */
  temporary?: boolean;
  onInvalid?: ImportHooks['onInvalid'];
}

interface Job {
  importId: string;
  path: string;
  file: string;
  opts: ImportRequest;
  controller: AbortController;
  finished: boolean;
}

/** An import's event (`nameNote` with phase 'done': the name the dataset got instead of a taken one, dataset-name.ts). */
type ImportEvent = ImportProgress;

const FINAL: ReadonlySet<ImportProgress['phase']> = new Set(['done', 'failed', 'cancelled']);

export class Imports {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;

  constructor(
    private readonly datasets: DatasetsPort,
    private readonly emit: (p: ImportEvent) => void,
    private readonly onImported: (datasetId: string) => void,
    private readonly maxRunning = MAX_RUNNING_IMPORTS,
  ) {}

  /** Starts importing `path` now, or queues it behind the imports already parsing. */
  start(path: string, opts: ImportRequest): string {
    const job: Job = { importId: randomUUID(), path, file: opts.displayName ?? basename(path), opts, controller: new AbortController(), finished: false };
    this.jobs.set(job.importId, job);
    if (this.running < this.maxRunning) this.run(job);
    else {
      this.waiting.push(job);
      this.report(job, { phase: 'queued' });
    }
    return job.importId;
  }

  cancel(importId: string): boolean {
    const job = this.jobs.get(importId);
    if (!job) return false;
    const queued = this.waiting.indexOf(job);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      this.end(job, { phase: 'cancelled' });
    } else job.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.jobs.keys()]) this.cancel(id);
  }

  private run(job: Job): void {
    this.running++;
    this.report(job, { phase: 'parsing' });
    let last = 0;
    const { opts } = job;
    this.datasets
      .importFile(job.path, {
        // A name the user typed is theirs (refused when taken); the file's stem is only a default, which the
        // registry turns into 'textonly (2)' when taken (a changed file uploaded again), saying so in nameNote.
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        defaultName: job.file.replace(/\.[^.]+$/, ''),
        signal: job.controller.signal,
        onInvalid: opts.onInvalid,
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 100) return;
          last = now;
          this.report(job, { phase: 'parsing', ...p });
        },
      })
      .then(
        ({ datasetId, created, nameNote }) => {
          this.end(job, { phase: 'done', datasetId, created, ...(nameNote ? { nameNote } : {}) });
          this.onImported(datasetId);
        },
        (e: Error) => {
          const cancelled = job.controller.signal.aborted;
          this.end(job, cancelled ? { phase: 'cancelled' } : { phase: 'failed', error: e.message });
        },
      )
      .finally(() => {
        this.running--;
        const next = this.waiting.shift();
        if (next) this.run(next);
      });
  }

  /** The final event; the job is forgotten and an upload's temp file removed. */
  private end(job: Job, p: Partial<ImportEvent> & { phase: ImportProgress['phase'] }): void {
    this.report(job, p);
    job.finished = true;
    this.jobs.delete(job.importId);
    if (job.opts.temporary) rmSync(dirname(job.path), { recursive: true, force: true }); // the upload's own folder
  }

  private report(job: Job, p: Partial<ImportEvent> & { phase: ImportProgress['phase'] }): void {
    if (job.finished) return; // nothing after a final phase (a late progress tick, a second cancel)
    this.emit({ importId: job.importId, file: job.file, datasetId: null, error: null, bytes: 0, totalBytes: 0, rows: 0, ...p });
    if (FINAL.has(p.phase)) job.finished = true;
  }
}
