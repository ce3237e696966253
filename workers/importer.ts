// The importer worker thread: parses one file into a column cache off the main thread, posting
// progress; the lab terminates it to cancel. Protocol: common/dataset-cache.ts (ImporterRequest/Message).
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError, type ImporterMessage, type ImporterRequest } from '../common/dataset-cache';
import { runImport } from './import/run';

const post = (m: ImporterMessage) => parentPort!.postMessage(m);
const { sourcePath, outDir, options } = workerData as ImporterRequest;

try {
  const result = await runImport(sourcePath, outDir, options, {
    onProgress: (bytes, totalBytes, rows) => post({ type: 'progress', bytes, totalBytes, rows }),
  });
  post({ type: 'done', result });
} catch (e) {
  const err = e instanceof ImportError ? e : null;
  post({
    type: 'error',
    code: err?.code ?? 'internal',
    message: err?.message ?? `${sourcePath}: import failed unexpectedly: ${(e as Error)?.stack ?? String(e)}`,
    file: err?.file ?? sourcePath, line: err?.line ?? null, column: err?.column ?? null,
  });
}
