// importFile: parse a data file into a column cache in a worker thread (never on the main thread),
// with progress, cancellation, and nothing left behind on failure. The format work is in workers/import/.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ImportError, type ImportOptions, type ImportProgressEvent, type ImportResult, type ImporterMessage, type ImporterRequest,
} from '../../../common/dataset-cache';
import { isAlive } from '../process-alive';

export { ImportError } from '../../../common/dataset-cache';
export type {
  ColumnInfo, ColumnStats, ColumnType, ImportFormat, ImportOptions, ImportResult, ImportProgressEvent, ValidationIssue, ValidationReport,
} from '../../../common/dataset-cache';
export { openDatasetCache, type DatasetCache, type OpenColumn } from './cache-io';
export { PARSE_RULES, rulesToReparse, type ParseRules, type RecordedImportOptions } from './parse-rules';

export interface ImportHooks {
  onProgress?(p: ImportProgressEvent): void;
  signal?: AbortSignal;
}

// Workers do not inherit the TypeScript loader: a small bootstrap registers tsx in the worker first.
const WORKER_URL = new URL('../../../workers/importer-bootstrap.mjs', import.meta.url);

/**
 * Imports `sourcePath` into `cacheDir` (created, or replaced when it exists). The worker writes into a
 * sibling staging directory that is renamed into place only on success, so a failure, a cancel or a
 * crash never leaves a half-written cache at `cacheDir`. Rejects with ImportError (see its `code`).
 */
export function importFile(sourcePath: string, cacheDir: string, options: ImportOptions = {}, hooks: ImportHooks = {}): Promise<ImportResult> {
  const file = sourcePath;
  if (hooks.signal?.aborted) return Promise.reject(new ImportError('cancelled', `${file}: import cancelled`, { file }));
  mkdirSync(dirname(cacheDir), { recursive: true });
  removeStaleStaging(cacheDir);
  const staging = `${cacheDir}.importing-${process.pid}-${randomBytes(4).toString('hex')}`;
  const request: ImporterRequest = { sourcePath, outDir: staging, options };
  // execArgv: [] so a parent's --import hooks are not loaded again (uselessly) in the worker
  const worker = new Worker(WORKER_URL, { workerData: request, execArgv: [] });
  const started = Date.now();

  return new Promise<ImportResult>((resolve, reject) => {
    let settled = false;
    const finish = async (err: Error | null, result?: ImportResult) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      await worker.terminate().catch(() => undefined);
      try {
        if (err) throw err;
        if (existsSync(cacheDir)) rmSync(cacheDir, { recursive: true, force: true });
        renameSync(staging, cacheDir);
        resolve(result!);
      } catch (e) {
        rmSync(staging, { recursive: true, force: true });
        reject(e);
      }
    };
    const onAbort = () => void finish(new ImportError('cancelled', `${file}: import cancelled`, { file }));
    hooks.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (m: ImporterMessage) => {
      if (m.type === 'progress') {
        const elapsed = (Date.now() - started) / 1000;
        const rate = elapsed > 0 ? m.bytes / elapsed : 0;
        const etaSeconds = rate > 0 && m.bytes > 0 ? Math.max(0, (m.totalBytes - m.bytes) / rate) : null;
        hooks.onProgress?.({ bytes: m.bytes, totalBytes: m.totalBytes, rows: m.rows, etaSeconds });
      } else if (m.type === 'done') {
        void finish(null, m.result);
      } else {
        void finish(new ImportError(m.code, m.message, { file: m.file, line: m.line, column: m.column }));
      }
    });
    worker.on('error', (e) => void finish(new ImportError('internal', `${file}: the importer crashed: ${e.message}`, { file })));
    worker.on('exit', (code) => void finish(new ImportError('internal', `${file}: the importer stopped (exit code ${code}) before finishing`, { file })));
  });
}

/** Staging directories of imports whose process died (killed mid-import) are removed on the next import. */
function removeStaleStaging(cacheDir: string): void {
  const prefix = `${basename(cacheDir)}.importing-`;
  for (const name of readdirSync(dirname(cacheDir))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid === process.pid || isAlive(pid)) continue;
    rmSync(join(dirname(cacheDir), name), { recursive: true, force: true });
  }
}
