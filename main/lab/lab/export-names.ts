// The names exports are written under in the exports folder, one per format: the writers (ONNX, run
// report, gate report, metrics CSV) name their files here and the Export view's listing reads them back
// with the same table, so a renamed format cannot leave earlier exports unlisted.
import type { ExportedFile } from '../../../common/lab-api';

type Format = ExportedFile['format'];
const SUFFIX: Record<Format, string> = {
  onnx: '.onnx', report: '-report.html', 'gate-report': '-gate-report.html', 'metrics-csv': '-metrics.csv',
  // written with the gate report when the model has feature gates (export-gate-report.ts)
  'feature-importance': '-feature-importance.csv',
};

/** The file an export of `runId` in `format` is written to, e.g. `run-3-report.html`. */
export const exportFileName = (runId: string | number, format: Format): string => `run-${runId}${SUFFIX[format]}`;

/**
 * An ONNX export that lacks the run's preprocessing never replaces one that has it (runs/export-run.ts
 * keptExport): it is written beside it as `run-3-no-preprocessing.onnx`, or `-2`, `-3`, … when that name
 * too holds a file with preprocessing.
 */
const NO_PREPROCESSING = /^-no-preprocessing(?:-\d+)?\.onnx$/;
export const NO_PREPROCESSING_NOTE = "no preprocessing: the run's data could not be re-derived when it was written, so it takes inputs prepared as the run's were";

/**
 * The run and format of a file name exports write, or null for any other file; `note` when the name says
 * more about the file than its format (an ONNX export without preprocessing).
 */
export function parseExportFileName(name: string): { run: string; format: Format; note?: string } | null {
  const m = /^run-(\d+)(.*)$/.exec(name);
  if (!m) return null;
  if (NO_PREPROCESSING.test(m[2])) return { run: m[1], format: 'onnx', note: NO_PREPROCESSING_NOTE };
  const format = (Object.keys(SUFFIX) as Format[]).find((f) => SUFFIX[f] === m[2]);
  return format ? { run: m[1], format } : null;
}
