// The gate report as an export: the run's gate-report.html (written from the current knockouts and the
// model's gates) copied into the exports folder beside the ONNX model, with the feature-importance CSV.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportFileName } from './export-names';

export function exportGateReport(exportsDir: string, id: string, report: { html: string; csv: string | null }): { path: string; bytes: number } {
  mkdirSync(exportsDir, { recursive: true });
  const path = join(exportsDir, exportFileName(id, 'gate-report'));
  copyFileSync(report.html, path);
  // Feature gates' per-feature ranking, when the model has feature gates (the report writes it then).
  if (report.csv && existsSync(report.csv)) copyFileSync(report.csv, join(exportsDir, exportFileName(id, 'feature-importance')));
  return { path, bytes: statSync(path).size };
}
