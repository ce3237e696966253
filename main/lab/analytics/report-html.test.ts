import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GateReport, type KnockoutTable } from '../../../common/analytics';
import { RunFiles } from '../runs/run-files';
import { gateReportHtml } from './report-html';
import { readKnockouts, saveKnockouts } from './results';

const ci = (low: number, high: number) => ({ low, high, level: 0.95 });
const table = (rows: KnockoutTable['rows'], seed = 0): KnockoutTable =>
  ({ runId: 4, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.8, samples: 100, resamples: 1000, seed, rows });

const report: GateReport = GateReport.parse({
  runId: 4, title: 'Run 4: finalmlp <small>', metric: { name: 'auc', value: 0.8 },
  featureGates: [{ gate: 'gate1', features: [{ feature: 'user_id', mean: 0.9, rank: 1 }, { feature: 'zip & co', mean: 0.2, rank: 2 }] }],
  routers: [{ gate: 'router', experts: 2, classes: ['0', '1'], assignment: [[0.7, 0.2], [0.3, 0.8]], load: [0.45, 0.55], loadOverTraining: [{ step: 10, load: [0.5, 0.5] }] }],
  fusion: [{ gate: 'gmu', modalities: ['camera', 'sensor'], histogram: [[0, 0, 0, 0, 0, 0, 0, 0.5, 0.5, 0], [0, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0]], mean: [0.8, 0.2], samples: [] }],
  attention: [{ layer: 'layer0.attn', firstTokenAttention: 0.12, gated: true }],
  knockout: table([{ gate: 'gate1', kind: 'gate', mode: 'closed', value: 0.6, delta: -0.2, ci: ci(-0.25, -0.15) }]),
  compute: { flops: { dense: 1884, mean: 1052, p50: 1052, p95: 1052, saved: 0.4416 }, gates: [{ gate: 'router', kind: 'router', skippable: 1664, skipped: 832 }] },
});

describe('gate report HTML', () => {
  it('has every section, escapes names, and is self-contained (no script, no external resource)', () => {
    const html = gateReportHtml(report);
    for (const s of ['Knockout', 'Conditional compute', 'Feature gate gate1', 'Router router', 'Fusion gate gmu', 'first token']) expect(html).toContain(s);
    expect(html).toContain('finalmlp &#60;small&#62;');
    expect(html).toContain('zip &#38; co');
    expect(html).toContain('44.2% saved');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});

describe('stored knockout tables', () => {
  let home: string;
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('merge rows of the same gate and mode; another seed replaces the table', () => {
    home = mkdtempSync(join(tmpdir(), 'gatelab-ko-'));
    const files = new RunFiles(join(home, 'checkpoints'), home);
    expect(readKnockouts(files, 4)).toBeNull();
    saveKnockouts(files, 4, table([{ gate: 'gate1', kind: 'gate', mode: 'closed', value: 0.6, delta: -0.2, ci: ci(-0.25, -0.15) }]));
    saveKnockouts(files, 4, table([
      { gate: 'gate1', kind: 'gate', mode: 'closed', value: 0.61, delta: -0.19, ci: ci(-0.24, -0.14) },
      { gate: 'gate2', kind: 'gate', mode: 'open', value: 0.8, delta: 0, ci: ci(0, 0) },
    ]));
    expect(readKnockouts(files, 4)!.rows.map((r) => `${r.gate} ${r.mode} ${r.value}`)).toEqual(['gate1 closed 0.61', 'gate2 open 0.8']);
    saveKnockouts(files, 4, table([{ gate: 'gate2', kind: 'gate', mode: 'mean', value: 0.79, delta: -0.01, ci: ci(-0.02, 0) }], 9));
    expect(readKnockouts(files, 4)!.rows).toHaveLength(1);
  });
});
