import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GateReport, gateNamesFromConfig, NO_NAMES, type KnockoutTable } from '../../../common/analytics';
import { RunFiles } from '../runs/run-files';
import { gateReportHtml } from './report-html';
import { readKnockouts, saveKnockouts } from './results';

const ci = (low: number, high: number) => ({ low, high, level: 0.95 });
const table = (rows: KnockoutTable['rows'], seed = 0): KnockoutTable =>
  ({ runId: 4, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.8, samples: 100, resamples: 1000, seed, rows });

const report: GateReport = GateReport.parse({
  runId: 4, title: 'Run 4: finalmlp <small>', metric: { name: 'auc', value: 0.8 },
  featureGates: [{ gate: 'gate1', features: [{ feature: 'user_id', mean: 0.9, rank: 1 }, { feature: 'zip & co', mean: 0.2, rank: 2 }] }],
  routers: [{
    gate: 'router', experts: 2, classes: ['0', '1'], assignment: [[0.7, 0.2], [0.3, 0.8]], load: [0.45, 0.55],
    loadOverTraining: [{ step: 10, load: [0.5, 0.5] }, { step: 20, load: [0.7, 0.3] }],
    specialisation: { inputs: 'forecast windows', experts: [
      { expert: 0, samples: 30, top: [{ feature: 'OT window mean', score: 1.25, mean: 1.2, overall: 0.1 }] },
      { expert: 1, samples: 0, top: [] }] },
    series: { labels: ['HUFL', 'OT'], assignment: [[0.6, 0.4], [0.4, 0.6]] },
    timeOfDay: { hours: Array.from({ length: 24 }, (_, h) => h), assignment: [new Array(24).fill(0.5), new Array(24).fill(0.5)] },
  }],
  fusion: [{ gate: 'gmu', modalities: ['text', 'tabular'], histogram: [[0, 0, 0, 0, 0, 0, 0, 0.5, 0.5, 0], [0, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0]], mean: [0.8, 0.2],
    samples: [
      { index: 0, weights: [0.9, 0.1], label: 1, prediction: 0.8, correct: true, text: 'great <b>shoes</b>' },
      { index: 1, weights: [0.05, 0.95], label: 0, prediction: 0.7, correct: false, text: 'runs small' },
    ], samplesTotal: 7000, textColumn: 'review' }],
  attention: [{ layer: 'layer0.attn', firstTokenAttention: 0.12, gated: true }],
  attentionPair: { siblingRunId: 9, differs: 'model.attentionGate.enabled', sibling: [{ layer: 'layer0.attn', firstTokenAttention: 0.61, gated: false }] },
  knockout: table([{ gate: 'gate1', kind: 'gate', mode: 'closed', value: 0.6, delta: -0.2, ci: ci(-0.25, -0.15) }]),
  compute: { flops: { dense: 1884, mean: 1052, p50: 1052, p95: 1052, saved: 0.4416 }, gates: [{ gate: 'router', kind: 'router', skippable: 1664, skipped: 832 }] },
});

describe('gate report HTML', () => {
  it('colours a knockout red when it made the metric worse, in the metric\'s direction', async () => {
    const { knockoutSection } = await import('./report-html');
    const bar = (html: string, gate: string) => new RegExp(`>${gate} closed</text><rect [^>]*fill="(#[0-9a-f]+)"`).exec(html)![1];
    const auc = knockoutSection(table([
      { gate: 'worse', kind: 'gate', mode: 'closed', value: 0.6, delta: -0.2, ci: ci(-0.25, -0.15) },
      { gate: 'better', kind: 'gate', mode: 'closed', value: 0.85, delta: 0.05, ci: ci(0.01, 0.09) }]));
    expect([bar(auc, 'worse'), bar(auc, 'better')]).toEqual(['#c0504d', '#4f81bd']);
    // lower is better (MSE): a rise is the harm
    const mse = knockoutSection({ ...table([
      { gate: 'worse', kind: 'gate', mode: 'closed', value: 0.5, delta: 0.1, ci: ci(0.05, 0.15) },
      { gate: 'better', kind: 'gate', mode: 'closed', value: 0.39, delta: -0.000689, ci: ci(-0.001, 0) }]), metric: 'mse', higherIsBetter: false, baseline: 0.4 });
    expect([bar(mse, 'worse'), bar(mse, 'better')]).toEqual(['#c0504d', '#4f81bd']);
    // the value label starts well inside the 700-px SVG
    const x = Number(/<text x="(\d+)" y="\d+">-0\.00069<\/text>/.exec(mse)![1]);
    expect(x).toBeLessThan(700 - 80);
  });

  it('writes a knockout\'s change signed, in its cell and beside its bar, as the app does: a rise is "+0.0500", not the score 0.0500', async () => {
    const { knockoutSection } = await import('./report-html');
    const html = knockoutSection({ ...table([
      { gate: 'worse', kind: 'gate', mode: 'closed', value: 0.45, delta: 0.05, ci: ci(0.03, 0.07) },
      { gate: 'better', kind: 'gate', mode: 'closed', value: 0.38, delta: -0.02, ci: ci(-0.03, -0.01) },
      { gate: 'same', kind: 'gate', mode: 'closed', value: 0.4, delta: 0, ci: ci(0, 0) }]), metric: 'mse', higherIsBetter: false, baseline: 0.4 });
    const barLabels = [...html.matchAll(/<text x="\d+" y="\d+">([^<]*)<\/text>/g)].map((m) => m[1]).filter((l) => /\d/.test(l));
    expect(barLabels).toEqual(['+0.0500', '0.0000', '-0.0200']);
    expect(html).toContain('<tr><td>worse closed</td><td>0.4500</td><td>+0.0500</td><td>[0.0300, 0.0700]</td></tr>');
    expect(html).toContain('<tr><td>better closed</td><td>0.3800</td><td>-0.0200</td><td>[-0.0300, -0.0100]</td></tr>');
  });

  it('says how the knockout intervals were resampled: runs of overlapping forecast windows, or independent samples', async () => {
    const { knockoutSection } = await import('./report-html');
    const rows = [{ gate: 'block0.gate', kind: 'gate' as const, mode: 'closed' as const, value: 0.21, delta: 0.01, ci: ci(0.002, 0.02) }];
    const forecast = knockoutSection({ ...table(rows), metric: 'mse', higherIsBetter: false, samples: 1000, interval: { kind: 'block', block: 250, span: 432 } });
    expect(forecast).toContain('95% interval: block bootstrap over runs of 250 consecutive windows (windows overlap; lookback + horizon is 432, ' +
      'capped at a quarter of the 1,000 test windows, so the interval may still be too narrow); 1000 resamples, seed 0.');
    // a forecasting run is scored on its test windows, as the CLI's knockout line counts them
    expect(forecast).toMatch(/<\/b> on 1,000 windows\. /);
    expect(knockoutSection(table(rows))).toMatch(/<\/b> on 100 samples\. /);
    expect(knockoutSection(table(rows))).toContain('95% interval: paired bootstrap over independent test samples; 1000 resamples, seed 0.');
  });

  it('prints a knockout table in one notation, bars and cells alike, as gatelab knockout does (audit A23 #15)', async () => {
    const { knockoutSection } = await import('./report-html');
    // run 2's deltas: -0.000001098, -2.085e-7 and 0.0001184 were printed side by side
    const html = knockoutSection({ ...table([
      { gate: 'block0.gate', kind: 'gate', mode: 'closed', value: 0.2031, delta: -0.000001098, ci: ci(-0.00002, 0.00002) },
      { gate: 'block1.gate', kind: 'gate', mode: 'closed', value: 0.2031, delta: -2.085e-7, ci: ci(-0.00001, 0.00001) },
      { gate: 'block1.gate', kind: 'gate', mode: 'open', value: 0.2032, delta: 0.0001184, ci: ci(0.00005, 0.0002) }]), metric: 'mse', higherIsBetter: false, baseline: 0.20311 });
    // a number below the last decimal carries a note after it ("(< 1e-6)"): a bound, not one of the numbers
    const note = '(?: \\(&#60; 1e-6\\))?';
    const shown = [...html.matchAll(new RegExp(`<td>(-?[\\d.e+-]+)${note}</td>|\\[(-?[\\d.e+-]+), (-?[\\d.e+-]+)\\]|<text x="\\d+" y="\\d+">(-?[\\d.e+-]+)${note}</text>`, 'g'))]
      .flatMap((m) => m.slice(1).filter((x): x is string => x !== undefined));
    expect(shown.length).toBe(3 * 4 + 3); // value, delta, interval ends per row; a bar label per row
    expect(shown.some((v) => /e/.test(v))).toBe(false);
    expect(new Set(shown.map((v) => v.split('.')[1]?.length))).toEqual(new Set([6]));
    expect(html).toContain('<td>-0.000001</td>');
    // -2.085e-7 is below the last decimal: it keeps its sign and says so, in its cell and on its bar (audit G6)
    expect(html).toContain('<td>-0.000000 (&#60; 1e-6)</td>');
    expect(html).toMatch(/<text x="(\d+)" y="\d+">-0\.000000 \(&#60; 1e-6\)<\/text>/);
    const x = Number(/<text x="(\d+)" y="\d+">-0\.000000 \(&#60; 1e-6\)<\/text>/.exec(html)![1]);
    expect(x + 18 * 6.8).toBeLessThanOrEqual(700); // the longer label is not cut at the SVG's edge
    expect(html).toContain('<td>+0.000118</td>');
    expect(html).toContain('as trained: <b>0.203110</b>');
  });

  it('says beside "samples with it as top expert" that a window counts once and each of its tokens apart', () => {
    const html = gateReportHtml(GateReport.parse({ ...report, routers: [{ ...report.routers[0], tokens: 3 }] }), NO_NAMES);
    expect(html).toMatch(/samples with it as top expert<\/th>.*<p class="note" data-testid="top-expert-samples">Each test sample is counted once, for the expert with the largest router weight averaged over its 3 tokens; /s);
  });

  it("scores MMoE's rating gate on rating_rmse: a chart per metric, red where its own metric got worse, a metric column", async () => {
    const { knockoutSection } = await import('./report-html');
    const html = knockoutSection(table([
      { gate: 'gate.task0', kind: 'router', mode: 'uniform', value: 0.79, delta: -0.01, ci: ci(-0.02, -0.005), metric: 'auc', higherIsBetter: true, baseline: 0.8 },
      { gate: 'gate.task1', kind: 'router', mode: 'uniform', value: 0.95, delta: 0.04, ci: ci(0.02, 0.06), metric: 'rating_rmse', higherIsBetter: false, baseline: 0.91 }]),
    gateNamesFromConfig({ model: { template: 'mmoe' } }));
    expect(html).toContain('Each gate is scored on the task it serves (auc, rating_rmse).');
    expect(html).toContain('<h3>rating_rmse (lower is better): <b>0.9100</b> as trained</h3>');
    // a higher RMSE is the harm: red, like the AUC's fall
    expect([...html.matchAll(/gate (?:uniform)<\/text><rect [^>]*fill="(#[0-9a-f]+)"/g)].map((m) => m[1])).toEqual(['#c0504d', '#c0504d']);
    expect(html).toContain('<tr><th>knockout</th><th>metric</th><th>value</th><th>delta</th><th>interval</th></tr>');
    expect(html).toMatch(/<tr><td>rating gate uniform<\/td><td>rating_rmse<\/td><td>0\.9500<\/td>/);
  });

  it("gives a forecasting run's target channel (--target OT) its own chart and table, as gatelab knockout and the app do", async () => {
    const { knockoutSection } = await import('./report-html');
    const band = (d: number) => ci(d - 0.002, d + 0.002);
    const row = (mode: 'open' | 'closed', delta: number, ot: number) => ({ gate: 'block0.gate', kind: 'gate' as const, mode, value: 0.43 + delta, delta, ci: band(delta),
      metric: 'mse', higherIsBetter: false, baseline: 0.43, channels: [{ name: 'OT', baseline: 0.1036, value: 0.1036 + ot, delta: ot, ci: band(ot) }] });
    // the target's harm runs the other way round from the headline's: its rows keep the headline's order
    const forecast: KnockoutTable = { ...table([row('open', 0.01, 0.12), row('closed', 0.05, 0.02)]), metric: 'mse', higherIsBetter: false, baseline: 0.43 };
    const html = knockoutSection(forecast);
    const [headline, target] = html.split('<h3 data-testid="knockout-target">');
    expect(target.startsWith('Target &#39;OT&#39; alone: test mse of &#39;OT&#39; (lower is better): <b>0.1036</b> as trained</h3>')).toBe(true);
    expect(target).toContain("the chart and table above score every channel's mean, as the run's headline test mse.");
    expect(target).toContain('<tr><th>knockout</th><th>mse of &#39;OT&#39;</th><th>delta</th><th>interval</th></tr>' +
      '<tr><td>block 1 gate closed</td><td>0.1236</td><td>+0.0200</td><td>[0.0180, 0.0220]</td></tr>' +
      '<tr><td>block 1 gate open</td><td>0.2236</td><td>+0.1200</td><td>[0.1180, 0.1220]</td></tr></table>');
    // its bars: a rise of its own error is the harm (red), in the table's notation
    expect(target).toMatch(/>block 1 gate closed<\/text><rect [^>]*fill="#c0504d"\/>.*<text x="\d+" y="\d+">\+0\.0200<\/text>/);
    expect(headline).toContain('<tr><td>block 1 gate closed</td><td>0.4800</td><td>+0.0500</td>');
    expect(headline.match(/<svg /g)).toHaveLength(1);
    // a table without target channels has no such part
    expect(knockoutSection(table([{ gate: 'g', kind: 'gate', mode: 'closed', value: 0.7, delta: -0.1, ci: ci(-0.2, 0) }]))).not.toContain('knockout-target');
  });

  it("explains FinalMLP's closed stream gate scoring below chance (audit A23: AUC 0.415)", async () => {
    const { knockoutSection } = await import('./report-html');
    const finalmlp = gateNamesFromConfig({ model: { template: 'finalmlp', fields: [5, 13], numeric: 1, gate1: { kind: 'sigmoid', scale: 2 }, gate2: { kind: 'sigmoid', scale: 2 } } });
    const rows: KnockoutTable['rows'] = [
      { gate: 'gate1', kind: 'gate', mode: 'closed', value: 0.6474, delta: 0.0002, ci: ci(-0.0009, 0.0013) },
      { gate: 'gate2', kind: 'gate', mode: 'closed', value: 0.4148, delta: -0.2324, ci: ci(-0.2854, -0.1784) }];
    const html = knockoutSection({ ...table(rows), baseline: 0.6472 }, finalmlp);
    expect(html).toContain('data-testid="knockout-caption"');
    expect(html).toContain('Closing stream 2 scores below chance (AUC under 0.5)');
    expect(html).toContain('at scale 2, σ = 0.5 passes the input unchanged');
    // not said of other models, nor of a FinalMLP table without a closed stream gate
    expect(knockoutSection(table(rows), NO_NAMES)).not.toContain('knockout-caption');
    expect(knockoutSection(table([{ ...rows[0], mode: 'mean' }]), finalmlp)).not.toContain('knockout-caption');
  });

  it("names knockouts and experts in the user's words and prints FLOPs readably", async () => {
    const { knockoutSection, flops } = await import('./report-html');
    const names = { modalities: ['context', 'sensor', 'camera'], variables: [], template: 'moe-fusion' };
    const k = knockoutSection(table([
      { gate: 'gmu.z2', kind: 'gate', mode: 'closed', value: 0.6, delta: -0.2, ci: ci(-0.25, -0.15) },
      { gate: 'router', kind: 'router', mode: 'single', expert: 1, value: 0.7, delta: -0.1, ci: ci(-0.2, -0.05) }]), names);
    expect(k).toContain('>gmu · camera closed<');
    expect(k).toContain('>router only expert 1 (sensor)<');
    expect([flops(1572000), flops(842000), flops(1884), flops(3.2e9)]).toEqual(['1.57 M', '842,000', '1,884', '3.2 G']);
    const html = gateReportHtml({ ...report, compute: { ...report.compute!, flops: { dense: 2_000_000, mean: 1_572_000, p50: 1_500_000, p95: 1_900_000, saved: 0.214 } } }, names);
    expect(html).toContain('mean 1.57 M, p50 1.5 M, p95 1.9 M against 2 M dense');
    expect(html).toContain('expert 1 (sensor) 55%'); // load on the test split, per named expert
    // TSMixer's per-block feature gates read as in the app: "block 1 gate", not the stored id block0.gate
    const tsmixer = gateReportHtml({ ...report, featureGates: [{ gate: 'block0.gate', features: report.featureGates[0].features }] }, { modalities: [], variables: [], template: 'tsmixer-gated' });
    expect(tsmixer).toContain('<h2 title="stored as block0.gate">Feature gate block 1 gate: mean gate value per feature');
    // an ablation's report says why it shows no gate
    expect(gateReportHtml({ ...report, featureGates: [], routers: [], fusion: [] }, names, { ablated: true })).toContain('gates were off (an ablation): nothing to knock out');
  });

  it('rotates column headers wider than a cell (they collided: "targettQ1…"), full names in tooltips', async () => {
    const { heatmap } = await import('./report-html');
    const cols = ['target Q1', 'target Q2', 'a_very_long_column_name'];
    const svg = heatmap(['expert 0'], cols, [[0.2, 0.3, 0.5]]);
    const headers = [...svg.matchAll(/<text transform="translate\(([\d.]+),([\d.]+)\) rotate\(-45\)"><title>([^<]*)<\/title>([^<]*)<\/text>/g)];
    expect(headers.map((h) => h[3])).toEqual(cols);
    expect(headers.map((h) => h[4])).toEqual(['target Q1', 'target Q2', 'a_very_long_c…']);
    // the rotated headers sit above the first row: the top margin fits 14 characters at 45°
    const firstRow = Number(/<rect x="[\d.]+" y="([\d.]+)"/.exec(svg)![1]);
    expect(firstRow).toBeGreaterThanOrEqual(14 * 6.5 * Math.SQRT1_2);
    // short headers ("0", "0.1") stay upright and centred
    expect(heatmap(['a'], ['0', '0.1'], [[1, 0]])).toContain('<text x="107" y="18" text-anchor="middle"><title>0</title>0</text>');
  });

  it('says which token is first and what uniform attention is for gated cross-attention (audit A16)', () => {
    const names = gateNamesFromConfig({ model: { template: 'gated-cross-attention', tokens: 4, modalities: [{ name: 'context' }, { name: 'sensor' }, { name: 'camera' }] } });
    const html = gateReportHtml({ ...report, attention: [{ layer: 'cross0', firstTokenAttention: 0.12, gated: true }, { layer: 'cross1', firstTokenAttention: 0.13, gated: true }], attentionPair: undefined }, names);
    // cross0 (context's tokens) attends to sensor's and camera's 8 tokens, sensor's first; the others to context's first
    expect(html).toContain('cross-attention · context: the first token is the first token of sensor, one of 8 it attends to; uniform attention gives 1/8 = 0.13.');
    expect(html).toContain('cross-attention · sensor: the first token is the first token of context');
    expect(html).toContain('>cross-attention · context this run (gated)<');
  });

  it('has every section, escapes names, and is self-contained (no script, no external resource)', () => {
    const html = gateReportHtml(report);
    for (const s of ['Knockout', 'Conditional compute', '<h2 title="stored as gate1">Stream 1 feature gate: mean gate value per feature', '<h2 title="stored as router">Router — mean weight of each expert: expert × class', 'Fusion gate gmu', 'first token']) expect(html).toContain(s);
    // the kind is said once (the heading read "Feature gate stream 1 feature gate: …")
    expect(html).not.toMatch(/feature gate[^<]*feature gate/i);
    expect(html).toContain('finalmlp &#60;small&#62;');
    expect(html).toContain('zip &#38; co');
    expect(html).toContain('44.2% saved');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('names a fusion sample\'s classes as the file writes them, a binary prediction with its probability', () => {
    const fusion = report.fusion.map((f) => ({ ...f, samples: [
      { index: 0, weights: [0.2, 0.8], label: 3, labelName: 'three', prediction: 4, predictionName: 'two', correct: false },
      { index: 1, weights: [0.3, 0.7], label: 1, labelName: 'spam', prediction: 0.25, predictionName: 'ham', correct: false },
    ] }));
    const html = gateReportHtml({ ...report, fusion });
    expect(html).toMatch(/<tr><td>0<\/td><td>0\.2<\/td><td>0\.8<\/td><td>three<\/td><td>two<\/td><td>no<\/td>/);
    expect(html).toContain('<td>spam</td><td>ham (0.25)</td>');
  });

  it('a regression run (audit O4): target-quartile columns, labels and predictions in one notation, no "right" column', () => {
    const routers = report.routers.map((r) => ({ ...r, classes: ['target Q1', 'target Q2', 'target Q3', 'target Q4'], assignment: [[0.7, 0.2, 0.1, 0], [0.3, 0.8, 0.9, 1]] }));
    const fusion = report.fusion.map((f) => ({ ...f, samples: [
      { index: 0, weights: [0.2, 0.8], label: 0.0003894830006174743, prediction: 0.00041207 },
      { index: 1, weights: [0.3, 0.7], label: 0.00029, prediction: 0.000301 },
    ] }));
    const html = gateReportHtml({ ...report, metric: { name: 'mse', value: 4.03e-10 }, routers, fusion, knockout: undefined });
    expect(html).toContain('Router — mean weight of each expert: expert × target quartile');
    expect(html).not.toContain('expert × class');
    expect(html).not.toContain('0.0003894830006174743');
    expect(html).toMatch(/<tr><td>0<\/td><td>0\.2<\/td><td>0\.8<\/td><td>3\.895e-4<\/td><td>4\.121e-4<\/td><td[ >]/);
    expect(html).toContain('<th>label</th><th>prediction</th><th>text</th>');
    expect(html).not.toContain('<th>right</th>');
  });

  it('shows what each expert specializes in, series and hours, load over training, per-sample fusion weights and the sink pair', () => {
    const html = gateReportHtml(report);
    expect(html).toContain('What each expert specializes in');
    expect(html).toMatch(/OT window mean <b>\+1\.25<\/b> \(1\.2 vs 0\.1\)/);
    expect(html).toContain('expert by hour of day');
    expect(html).toContain('<title>expert 1 × OT: 0.6</title>');
    // the stored router.load is the share of tokens whose top expert is e, not the mean weight of the test split
    expect(html).toMatch(/<h3>Load over training<\/h3><svg [^>]*><.*<title>expert 1<\/title><\/polygon>/);
    const dense = gateReportHtml(report, { ...NO_NAMES, router: { kind: 'softmax-router', k: 1, noisy: false } });
    expect(dense).toMatch(/<h3>Share of tokens by top expert over training<\/h3>/);
    expect(dense).not.toContain('includes the router&#39;s noise');
    // without the run's config: one neutral name for the stored weight, never 'routing weight'
    expect(html).toContain('Mean weight of each expert on the test split');
    expect(html).not.toMatch(/routing weight/i);
    // a top-2 router: the stored weight is after the pick, and the report says so
    expect(gateReportHtml(report, { ...NO_NAMES, router: { kind: 'topk-router', k: 2, noisy: true } })).toContain('Mean weight after the top-k pick on the test split');
    expect(html).not.toContain('Load on the test split');
    // without the run's config the router's noise is unknown: no noise caption (a dense router has none)
    expect(html).not.toContain('includes the router&#39;s noise');
    const noisy = gateReportHtml(report, { ...NO_NAMES, router: { kind: 'topk-router', k: 2, noisy: true } });
    expect(noisy).toMatch(/<h3>Share of top-2 picks over training<\/h3>/);
    expect(noisy).toMatch(/recorded steps\)\. Training load is measured on training batches and includes the router&#39;s noise/);
    // the lowest text weight first: sample 1
    expect(html).toMatch(/lowest text weight<\/h3><p>2 of 7000 test samples.*<tr><td>1<\/td><td>0\.05<\/td>.*runs small.*<tr><td>0<\/td>.*great &#60;b&#62;shoes/);
    expect(html).toContain('layer 1 attention run 9 (ungated)');
    expect(html).toContain('differs only in model.attentionGate.enabled');
    const curve = gateReportHtml({ ...report, exitCurve: { metric: 'auc', denseFlops: 300, chosen: 0.5, points: [
      { threshold: 0.3, metric: 0.7, meanFlops: 120, exitRates: [0.9, 0.1] }, { threshold: 0.5, metric: 0.8, meanFlops: 200, exitRates: [0.5, 0.5] },
      { threshold: 0.7, metric: 0.82, meanFlops: 280, exitRates: [0.1, 0.9] }] } });
    expect(curve).toContain('<title>trained threshold 0.5</title>');
    expect(curve).toMatch(/<path d="M56\.0,[\d.]+L[\d.]+,[\d.]+L468\.0,10\.0"/); // FLOPs rising to the right, the best metric at the top
    expect(curve).toContain('<tr class="chosen"><td>0.5</td><td>0.8</td><td>200</td></tr>');
    const lone = gateReportHtml({ ...report, attentionPair: { sibling: [], howTo: "gatelab train --dataset 3 --template patch-transformer-gated --seed 1 --set model.attentionGate.enabled=false" } });
    expect(lone).toContain('<pre>gatelab train --dataset 3 --template patch-transformer-gated --seed 1 --set model.attentionGate.enabled=false</pre>');
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
    // a table resampled in blocks (forecast windows overlap) does not take in rows whose intervals were not:
    // they would be shown under its description with their narrower intervals
    saveKnockouts(files, 4, { ...table([{ gate: 'gate1', kind: 'gate', mode: 'closed', value: 0.6, delta: -0.2, ci: ci(-0.3, -0.1) }], 9), interval: { kind: 'block', block: 432, span: 432 } });
    expect(readKnockouts(files, 4)!.rows.map((r) => `${r.gate} ${r.mode}`)).toEqual(['gate1 closed']);
  });
});

describe('gate report: what each expert specializes in', () => {
  it("writes the expert's mean and the overall mean with the digits it takes to differ (not \"10.2 vs 10.2\")", () => {
    const close = GateReport.parse({ ...report, routers: [{ ...report.routers[0], specialisation: { inputs: 'field values', experts: [
      { expert: 0, samples: 30, top: [{ feature: 'position value frequency (log)', score: 1.26, mean: 10.2317, overall: 10.1893 }] }] } }] });
    expect(gateReportHtml(close)).toContain('position value frequency (log) <b>+1.26</b> (10.23 vs 10.19)');
  });
});

describe('gate report: an older run’s load over training', () => {
  it('says which load points an older GateLab stored as means over one training call, as the app does', () => {
    const old = GateReport.parse({ ...report, routers: [{ ...report.routers[0], loadOverTraining: [
      { step: 1, load: [0.5, 0.5] }, { step: 8, load: [0.6, 0.4] }, { step: 80, load: [0.7, 0.3] }, { step: 81, load: [0.7, 0.3] }] }] });
    // steps 2–8 and 73–80 were calls of several steps; step 1 a call of one step; 81 recorded per step after a resume
    const html = gateReportHtml(old, NO_NAMES, { loadFirstSteps: { router: { 1: null, 8: 2, 80: 73, 81: null } } });
    expect(html).toContain('<p class="note" data-testid="call-means">Points recorded by an older GateLab are means over the steps of one training call, '
      + 'not values at their step: 2 of the 4 points drawn (the last of them: mean over steps 73–80).</p>');
    // a run recorded per step (or a report without the store's marks) has no such note
    expect(gateReportHtml(old, NO_NAMES, { loadFirstSteps: { router: { 1: null, 8: null, 80: null, 81: null } } })).not.toContain('call-means');
    expect(gateReportHtml(old)).not.toContain('call-means');
  });
});
