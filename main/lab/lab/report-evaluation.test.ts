// The HTML run report says what a validation `dropped` is (tokens that *would* be dropped: evaluation keeps
// every token), and a statistic measured at one step is drawn, labelled once.
import { describe, expect, it } from 'vitest';
import type { GateSeries, RunDetail } from '../../../common/lab-api';
import { runReportHtml } from './report';
import { stackedArea } from './report-svg';
import { PALETTE } from '../../../common/analytics/chart-palette';

const run = {
  id: '1', name: 'moe-dnn on CTR', template: 'moe-dnn', datasetId: '2', seed: 1, status: 'completed', step: 60, device: 'cpu', createdAt: '2026-12-01', error: null,
  config: { model: { template: 'moe-dnn', router: { kind: 'topk-router', k: 1, capacityFactor: 1 } } },
} as unknown as RunDetail;

describe('run report: a capacity-limited router', () => {
  const gates: GateSeries[] = [
    { gate: 'router', stat: 'dropped', steps: [20, 40, 60], values: [0.1, 0.08, 0.0625], vectors: null },
    { gate: 'val.router', stat: 'dropped', steps: [60], values: [0.7489], vectors: null },
  ];
  const html = runReportHtml(run, [], gates, 'Demo: click log (CTR)');
  it('labels the validation share as what would be dropped at the capacity factor', () => {
    const row = html.slice(html.indexOf('<tr data-gate="val.router" data-stat="dropped">'));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('share that would be dropped at capacity factor 1 (evaluation keeps every token)');
  });
  it('keeps the training share as dropped (training batches do drop tokens)', () => {
    const fig = html.slice(html.indexOf('<figure data-gate="router" data-stat="dropped">'));
    expect(fig.slice(0, fig.indexOf('</figure>'))).toContain('· dropped</figcaption>');
  });
});

describe('report stacked areas', () => {
  it('one step: a column with each share written beside its expert name, the step labelled once', () => {
    const svg = stackedArea('router (validation) · load', [80], [[0.25, 0.75]], ['expert 0', 'expert 1']);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('>expert 1 0.75</text>');
    expect(svg.match(/>step 80</g)).toHaveLength(1);
    expect(svg).not.toMatch(/>80</);
  });
  it("colours experts with the app's palette", () => {
    const svg = stackedArea('router · load', [10, 20], [[0.5, 0.5], [0.4, 0.6]], ['expert 0', 'expert 1']);
    expect(svg).toContain(`fill="${PALETTE[0]}"`);
    expect(svg).toContain(`fill="${PALETTE[1]}"`);
  });
});
