// One import in progress: where it reads and writes, the policy, the validation collector, progress
// reporting and cancellation. Passed to every format's importer.
import { ImportError, type ImportOptions, type InvalidPolicy } from '../../common/dataset-cache';
import { Validation } from './validation';

export interface ImportHooks {
  /** Bytes of the source consumed so far and rows kept so far; throttled by the job. */
  onProgress?(bytes: number, totalBytes: number, rows: number): void;
  /** Polled between chunks; true stops the import with ImportError 'cancelled'. */
  isCancelled?(): boolean;
}

const PROGRESS_EVERY_MS = 100;

export class ImportJob {
  validation: Validation;
  readonly policy: InvalidPolicy;
  /** Columns found to hold day-first dates on an earlier pass (kept across restarts). */
  readonly dayFirst = new Set<string>();
  /** Decimal-comma columns whose '1.444' an earlier pass found must read as 1444 (true) or 1.444 (false): dot-reading.ts. */
  readonly dotThousands = new Map<string, boolean>();
  private lastProgress = 0;

  constructor(
    readonly path: string,
    readonly outDir: string,
    readonly options: ImportOptions,
    readonly totalBytes: number,
    private readonly hooks: ImportHooks,
    readonly fileName: string,
  ) {
    this.policy = options.onInvalid ?? 'reject';
    this.validation = new Validation(this.policy);
  }

  /** A fresh collector for another pass over the file. */
  restart(): void {
    this.validation = new Validation(this.policy);
  }

  progress(bytes: number, rows: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.hooks.onProgress?.(Math.min(bytes, this.totalBytes), this.totalBytes, rows);
  }

  checkCancelled(): void {
    if (this.hooks.isCancelled?.()) throw new ImportError('cancelled', `${this.fileName}: import cancelled`, { file: this.fileName });
  }
}
