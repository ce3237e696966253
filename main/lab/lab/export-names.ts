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

/** The run and format of a file name exports write, or null for any other file. */
export function parseExportFileName(name: string): { run: string; format: Format } | null {
  const m = /^run-(\d+)(.*)$/.exec(name);
  if (!m) return null;
  const format = (Object.keys(SUFFIX) as Format[]).find((f) => SUFFIX[f] === m[2]);
  return format ? { run: m[1], format } : null;
}
