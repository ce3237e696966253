// The HTML run report: one self-contained file (inline SVG and CSS, no scripts, no network) with the
// run's curves, a metrics table (best / last), the config, and the gate statistics (scalar ones as
// curves, vector ones such as expert load as stacked areas). Written to the lab's exports folder.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportFileName } from './export-names';
import type { GateSeries, RunDetail, Series } from '../../../common/lab-api';
import { histogramBars, lineChart, stackedArea } from './report-svg';
import { gateLabel, gateNamesFromConfig, statComponentNames, type GateNames } from '../../../common/analytics/gate-names';
import { statTitle } from '../../../common/analytics/gate-captions';
import { statWords } from '../../../common/analytics/stat-words';
import { callMeansNote, callMeanWords } from '../../../common/analytics/gate-words';
import { lowerIsBetter } from '../../../common/runs/metric-direction';

/**
 * A statistic in the app's words ("openness histogram", "share of top-2 picks"), as the Runs view titles it;
 * with `gate`, a validation `dropped` reads "share that would be dropped at capacity factor 1 (evaluation keeps every token)".
 */
const statName = (stat: string, names: GateNames, gate?: string): string => statTitle(stat, names, gate) ?? statWords(stat);

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : String(Number(v.toPrecision(5))));

/**
 * A gate statistic's figure: a histogram (`*_hist`) as the bars of its last step; vectors that are shares of a
 * whole (expert load: each step sums to 1) as stacked areas; other vectors (one independent gate per
 * modality, say) as one line per component; scalars as a line.
 */
function gateChart(title: string, g: GateSeries, names: GateNames): { svg: string; note: string } {
  if (!g.vectors) return { svg: lineChart(title, [{ name: statName(g.stat, names, g.gate), steps: g.steps, values: g.values }]), note: '' };
  const vectors = g.vectors.map((v, i) => [g.steps[i], v] as const).filter((r): r is readonly [number, number[]] => !!r[1] && r[1].length > 0);
  if (!vectors.length) return { svg: '', note: '' };
  if (g.stat.endsWith('_hist')) {
    const [step, last] = vectors[vectors.length - 1];
    return { svg: histogramBars(title, last), note: ` (share of values per bin of [0, 1] at step ${step})` };
  }
  const k = Math.max(...vectors.map(([, v]) => v.length));
  // experts, modalities, variables by name (from the run's config); else the component's index
  const parts = statComponentNames(g.gate, g.stat, k, names) ?? Array.from({ length: k }, (_, c) => `${statName(g.stat, names)} [${c}]`);
  if (vectors.every(([, v]) => Math.abs(v.reduce((a, b) => a + b, 0) - 1) < 0.02)) return { svg: stackedArea(title, g.steps, g.vectors, parts), note: ' (shares, stacked)' };
  const lines = Array.from({ length: k }, (_, c) => ({ name: parts[c], steps: vectors.map(([s]) => s), values: vectors.map(([, v]) => v[c] ?? null) }));
  return { svg: lineChart(title, lines), note: ' (one line per component)' };
}

export function runReportHtml(run: RunDetail, series: Series[], gates: GateSeries[], datasetName?: string): string {
  // A metric measured once (a test result, a single validation) is a value, not a curve: a full-size
  // chart of it was one dot at its left edge. Those go in a small table; charts need two points.
  const finitePoints = (s: Series) => s.values.filter(Number.isFinite).length;
  const once = series.filter((s) => finitePoints(s) === 1);
  const onceTable = once.length ? `<table class="once" data-testid="measured-once"><thead><tr><th>measured once</th><th>step</th><th>value</th></tr></thead><tbody>${once.map((s) => {
    const i = s.values.findIndex(Number.isFinite);
    return `<tr><td>${esc(s.name)}</td><td>${s.steps[i]}</td><td>${num(s.values[i])}</td></tr>`;
  }).join('')}</tbody></table>` : '';
  const byGroup = new Map<string, Series[]>();
  for (const s of series.filter((x) => finitePoints(x) >= 2)) {
    const key = s.name.replace(/^(val|test)\./, '');
    byGroup.set(key, [...(byGroup.get(key) ?? []), s]);
  }
  const charts = [...byGroup].map(([name, ss]) => {
    const svg = lineChart(name, ss.map((s) => ({ name: s.name, steps: s.steps, values: s.values })));
    return svg ? `<figure><figcaption>${esc(name)}</figcaption>${svg}</figure>` : '';
  }).join('');
  const rows = series.map((s) => {
    const vals = s.values.filter(Number.isFinite);
    const best = vals.length ? (lowerIsBetter(s.name) ? Math.min(...vals) : Math.max(...vals)) : undefined;
    return `<tr><td>${esc(s.name)}</td><td>${num(best)}</td><td>${num(vals.at(-1))}</td><td>${s.steps.length}</td></tr>`;
  }).join('');
  const names = gateNamesFromConfig(run.config, run.data); // the data line: which columns the model reads
  // A scalar gate statistic measured once (at the one validation) is a value too, like the metrics above.
  const gateOnce = gates.filter((g) => !g.vectors && g.values.filter((v) => v !== null && Number.isFinite(v)).length === 1);
  const gateOnceTable = gateOnce.length ? `<table class="once" data-testid="gates-measured-once"><thead><tr><th>gate statistic measured once</th><th>step</th><th>value</th></tr></thead><tbody>${gateOnce.map((g) => {
    const i = g.values.findIndex((v) => v !== null && Number.isFinite(v));
    // an older run's point may be the mean over one training call: "mean over steps 73–80", not "80"
    return `<tr data-gate="${esc(g.gate)}" data-stat="${esc(g.stat)}"><td>${esc(`${gateLabel(g.gate, names)} · ${statName(g.stat, names, g.gate)}`)}</td><td>${esc(callMeanWords(g.steps[i], g.firstSteps?.[i]) ?? String(g.steps[i]))}</td><td>${num(g.values[i] ?? undefined)}</td></tr>`;
  }).join('')}</tbody></table>` : '';
  const gateCharts = gates.filter((g) => !gateOnce.includes(g)).map((g) => {
    const title = `${gateLabel(g.gate, names)} · ${statName(g.stat, names, g.gate)}`;
    const { svg, note } = gateChart(title, g, names);
    // points an older GateLab stored as call means are said to be so, as the app and `gatelab show` do
    const means = callMeansNote(g.steps, g.firstSteps);
    return svg ? `<figure data-gate="${esc(g.gate)}" data-stat="${esc(g.stat)}"><figcaption>${esc(title)}${note}</figcaption>${svg}${means ? `<p class="call-means">${esc(means)}</p>` : ''}</figure>` : '';
  }).join('');
  const title = `GateLab run ${run.id}: ${run.name}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1340px;padding:0 16px;color:#111}
figure{display:inline-block;margin:8px;vertical-align:top}figcaption{font-weight:600;margin-bottom:4px}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
pre{background:#f6f6f6;padding:12px;overflow:auto}p.call-means{max-width:640px;color:#555;font-size:13px}table.once{display:inline-table;margin:8px;vertical-align:top}</style></head><body>
<h1>${esc(title)}</h1>
<p>Template <b>${esc(run.template)}</b> on ${datasetName ? `dataset <b>${esc(datasetName)}</b> (id ${esc(run.datasetId)})` : run.datasetId === 'synthetic' ? 'synthetic data' : `dataset ${esc(run.datasetId)}`} · seed ${run.seed} · status ${esc(run.status)} at step ${run.step} · device ${esc(run.device)} · created ${esc(run.createdAt)}</p>
${run.stopNote ? `<p data-testid="stop-note"><b>Why it stopped:</b> ${esc(run.stopNote)}.</p>` : ''}
${run.reachedStep != null ? `<p data-testid="reached-step">Progress reached step ${run.reachedStep}; it resumes from the checkpoint at step ${run.step}.</p>` : ''}
${run.error ? `<p><b>Error:</b> ${esc(run.error)}</p>` : ''}
<h2>Curves</h2>${charts || onceTable ? charts + onceTable : '<p>No metrics recorded.</p>'}
<h2>Metrics</h2><table><thead><tr><th>metric</th><th>best</th><th>last</th><th>points</th></tr></thead><tbody>${rows}</tbody></table>
${run.data?.baseline ? `<p data-testid="baseline">Majority-class baseline on test: accuracy ${num(run.data.baseline.accuracy)} (always ${esc(run.data.baseline.majority)}${run.data.baseline.positiveRate === undefined ? '' : `; positive rate ${num(run.data.baseline.positiveRate)}`}): a reference line, not a metric.</p>` : ''}
${run.data ? `<p data-testid="data-line"><b>Data:</b> ${esc(run.data.line)}</p>` : ''}
<h2>Gates</h2>${gateCharts || gateOnceTable ? gateCharts + gateOnceTable : '<p>No gate statistics recorded.</p>'}
<h2>Config</h2><pre>${esc(JSON.stringify(run.config, null, 2))}</pre>
</body></html>
`;
}

export function writeRunReport(dir: string, run: RunDetail, series: Series[], gates: GateSeries[], datasetName?: string): { path: string; bytes: number } {
  const html = runReportHtml(run, series, gates, datasetName);
  const path = join(dir, exportFileName(run.id, 'report'));
  // temp + rename: a crash mid-write leaves the previous report whole, never half a file
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, html);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`could not write the run report to ${path}: ${(e as Error).message}`, { cause: e });
  }
  return { path, bytes: Buffer.byteLength(html) };
}
