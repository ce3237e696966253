// The gate report export copies the report and, for a model with feature gates, its feature-importance CSV
// into the exports folder under names the Export view's listing knows, so both are listed after a reload.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { exportGateReport } from './export-gate-report';
import { exportedFiles } from './exported-files';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('exportGateReport', () => {
  it('writes the report and its feature-importance CSV, and the exports listing names both with their run', () => {
    dir = mkdtempSync(join(tmpdir(), 'gatelab-gate-export-'));
    const html = join(dir, 'gate-report.html');
    const csv = join(dir, 'feature-importance.csv');
    writeFileSync(html, '<html>report</html>');
    const ranking = 'gate,feature,openness\ngate,hour,0.8\n';
    writeFileSync(csv, ranking);
    const exports = join(dir, 'exports');
    const r = exportGateReport(exports, '7', { html, csv });
    expect(r).toEqual({ path: join(exports, 'run-7-gate-report.html'), bytes: 19 });
    expect(readFileSync(join(exports, 'run-7-feature-importance.csv'), 'utf8')).toBe(ranking);
    expect(exportedFiles(exports).map((f) => [f.run, f.format, f.bytes]).sort()).toEqual([['7', 'feature-importance', ranking.length], ['7', 'gate-report', 19]]);
  });

  it('a model without feature gates: the report alone, no CSV listed', () => {
    dir = mkdtempSync(join(tmpdir(), 'gatelab-gate-export-'));
    const html = join(dir, 'gate-report.html');
    writeFileSync(html, '<p>x</p>');
    const exports = join(dir, 'exports');
    exportGateReport(exports, '3', { html, csv: join(dir, 'feature-importance.csv') }); // the report names it, the model has none
    expect(exportedFiles(exports).map((f) => f.format)).toEqual(['gate-report']);
  });
});
