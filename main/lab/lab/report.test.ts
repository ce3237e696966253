// The HTML run report's figures: each gate statistic drawn as what it is (a histogram, shares of a whole,
// independent gates), a constant curve with a readable axis, and the dataset by its name.
import { describe, expect, it } from 'vitest';
import type { GateSeries, RunDetail } from '../../../common/lab-api';
import { runReportHtml } from './report';

const run = { id: '3', name: 'gmu on reviews', template: 'gmu', datasetId: '2', seed: 1, status: 'completed', step: 40, device: 'cpu', createdAt: '2026-11-29', error: null, config: {} } as unknown as RunDetail;
const figure = (html: string, title: string) => {
  const start = html.indexOf(`<figcaption>${title}`);
  return html.slice(start, html.indexOf('</figure>', start));
};

describe('run report figures', () => {
  it('draws histograms as bars, shares stacked, independent gates as lines', () => {
    const gates: GateSeries[] = [
      { gate: 'gate', stat: 'openness_hist', steps: [10, 20], values: [null, null], vectors: [[1, 0, 0, 0], [0.1, 0.2, 0.3, 0.4]] },
      { gate: 'router', stat: 'load', steps: [10, 20], values: [null, null], vectors: [[0.5, 0.5], [0.7, 0.3]] },
      { gate: 'gmu', stat: 'modality_weights', steps: [10, 20], values: [null, null], vectors: [[0.5, 0.6, 0.4], [0.52, 0.61, 0.39]] },
    ];
    const html = runReportHtml(run, [], gates, 'reviews');
    const hist = figure(html, 'gate · openness histogram'); // the statistic in the app's words, as its panel title
    expect(hist).toContain('share of values per bin of [0, 1] at step 20');
    expect(hist.match(/<rect /g)).toHaveLength(4); // the last step's four bins
    expect(hist).toContain('<title>0.75–1: 0.4</title>');
    expect(figure(html, 'router · load')).toContain('(shares, stacked)');
    const weights = figure(html, 'gmu · modality weights');
    expect(weights).toContain('(one line per component)');
    expect(weights.match(/<path /g)).toHaveLength(3);
    expect(html).toContain('on dataset <b>reviews</b> (id 2)');
  });

  it("names experts and modalities from the run's config, with a legend on stacked shares", () => {
    const gmu = { ...run, config: { model: { template: 'gmu', modalities: [{ name: 'context' }, { name: 'sensor' }, { name: 'camera' }] } } } as unknown as RunDetail;
    const html = runReportHtml(gmu, [], [
      { gate: 'gmu', stat: 'modality_weights', steps: [10, 20], values: [null, null], vectors: [[0.5, 0.6, 0.4], [0.52, 0.61, 0.39]] },
      { gate: 'router', stat: 'load', steps: [10, 20], values: [null, null], vectors: [[0.2, 0.3, 0.1, 0.4], [0.25, 0.25, 0.25, 0.25]] },
      { gate: 'val.cross0.gate', stat: 'openness', steps: [10], values: [0.5], vectors: null },
    ]);
    const weights = figure(html, 'gmu · mean gate per modality (not shares)'); // three modalities: one sigmoid gate each, not shares
    for (const m of ['context', 'sensor', 'camera']) expect(weights).toContain(`>${m}</text>`);
    expect(weights).not.toContain('modality_weights[0]');
    const load = figure(html, 'router · load');
    for (let e = 0; e < 4; e++) expect(load).toContain(`font-weight="600">expert ${e}</text>`); // a visible legend, not only hover titles
    expect(load).not.toContain('component 0');
    // measured once (the first validation): a value in a table, not a one-dot chart
    expect(html).toContain('<tr data-gate="val.cross0.gate" data-stat="openness"><td>cross-attention · context (validation) · openness</td><td>10</td><td>0.5</td></tr>');
  });

  it('gives a constant curve an axis around its value', () => {
    const html = runReportHtml(run, [{ name: 'lr', steps: [1, 2, 3], values: [3e-3, 3e-3, 3e-3] }], []);
    const lr = figure(html, 'lr');
    expect(lr).toContain('>0.00285<');
    expect(lr).toContain('>0.00315<');
    expect(lr).not.toContain('-0.497');
  });

  it('lists metrics measured once in a table of values; only series of two or more points get a chart (audit A11)', () => {
    const html = runReportHtml(run, [
      { name: 'loss', steps: [10, 20, 30, 40], values: [0.9, 0.7, 0.6, 0.55] },
      { name: 'val.loss', steps: [40], values: [0.58] },
      { name: 'val.auc', steps: [40], values: [0.81234] },
      { name: 'test.auc', steps: [40], values: [0.8] },
    ], []);
    expect(html).toContain('<figcaption>loss</figcaption>');
    expect(html).not.toContain('<figcaption>auc</figcaption>');
    const once = html.slice(html.indexOf('data-testid="measured-once"'), html.indexOf('</table>', html.indexOf('data-testid="measured-once"')));
    expect(once).toContain('<tr><td>val.auc</td><td>40</td><td>0.81234</td></tr>');
    expect(once).toContain('<tr><td>test.auc</td><td>40</td><td>0.8</td></tr>');
    expect(once).toContain('<tr><td>val.loss</td><td>40</td><td>0.58</td></tr>');
    // the loss chart has the training curve only: one path, no lone dot of val.loss at its left edge
    expect(html.slice(html.indexOf('<figcaption>loss</figcaption>'), html.indexOf('</figure>', html.indexOf('<figcaption>loss</figcaption>'))).match(/<path /g)).toHaveLength(1);
  });

  it('names TSMixer block gates and MMoE task gates in words, keeping the stored ids in data attributes', () => {
    const mmoe = { ...run, config: { model: { template: 'mmoe' } } } as unknown as RunDetail;
    const html = runReportHtml(mmoe, [], [
      { gate: 'block0.gate', stat: 'openness', steps: [10, 20], values: [0.5, 0.6], vectors: null },
      { gate: 'gate.task0', stat: 'weights', steps: [10, 20], values: [null, null], vectors: [[0.25, 0.25, 0.25, 0.25], [0.4, 0.2, 0.2, 0.2]] },
    ]);
    expect(html).toContain('<figure data-gate="block0.gate" data-stat="openness"><figcaption>block 1 gate · openness');
    const weights = figure(html, 'click gate · weights');
    expect(weights).toContain('(shares, stacked)');
    for (let e = 0; e < 4; e++) expect(weights).toContain(`>expert ${e}</text>`);
  });
});

describe('run report: why the run stopped (audit A20)', () => {
  it('says why a run stopped, and where an interrupted run resumes, and nothing for a run without a reason', () => {
    const stopped = { ...run, stopNote: 'stopped early at step 70: validation loss did not improve for 3 epochs (the early-stopping patience); test uses the best weights, from step 40' } as RunDetail;
    expect(runReportHtml(stopped, [], [])).toContain('<p data-testid="stop-note"><b>Why it stopped:</b> stopped early at step 70: validation loss did not improve for 3 epochs (the early-stopping patience); test uses the best weights, from step 40.</p>');
    const interrupted = { ...run, status: 'interrupted', step: 3, reachedStep: 19 } as RunDetail;
    expect(runReportHtml(interrupted, [], [])).toContain('Progress reached step 19; it resumes from the checkpoint at step 3.');
    const plain = runReportHtml(run, [], []);
    expect(plain).not.toContain('stop-note');
    expect(plain).not.toContain('reached-step');
  });
});

describe('run report: an older run’s call means', () => {
  it('says which gate points are means over one training call, in a figure and in the measured-once table', () => {
    const gates: GateSeries[] = [
      // an old run resumed after the upgrade: means up to step 80, per-step values after it
      { gate: 'router', stat: 'temperature', steps: [4, 24, 80, 81, 82], values: [1.85, 1.157, 0.3, 0.3, 0.3], vectors: null, firstSteps: [3, 5, 73, null, null] },
      { gate: 'router', stat: 'load', steps: [80], values: [null], vectors: [[0.5, 0.5]], firstSteps: [1] },
      { gate: 'router', stat: 'balance', steps: [80], values: [1.2], vectors: null, firstSteps: [73] },
      { gate: 'val.router', stat: 'temperature', steps: [40, 80], values: [0.5, 0.3], vectors: null },
    ];
    const html = runReportHtml(run, [], gates);
    expect(figure(html, 'router · temperature')).toContain('<p class="call-means">Points recorded by an older GateLab are means over the steps of one training call, '
      + 'not values at their step: 3 of the 5 points drawn (the last of them: mean over steps 73–80).</p>');
    expect(figure(html, 'router · load')).toContain('not values at their step: the one point drawn (mean over steps 1–80).');
    expect(html).toMatch(/<td>router · balance<\/td><td>mean over steps 73–80<\/td><td>1\.2<\/td>/);
    expect(figure(html, 'val.router · temperature')).not.toContain('call-means'); // one evaluation per point: never a mean
  });
});

