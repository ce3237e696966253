// The gate report as one self-contained HTML file (inline SVG, no scripts, no network): exportable
// beside the ONNX model. Every figure is drawn from the GateReport data, nothing is recomputed here.
import { rowScore, tableMetrics, targetChannelTables, type AttentionSinkPair, type AttentionSinkReport, type FusionReport, type GateReport, type KnockoutTable, type RouterReport } from '../../../common/analytics';
import { componentName, gateLabel, headingFor, knockoutLabel, NO_NAMES, type GateNames } from '../../../common/analytics/gate-names';
import { distinctPair } from '../../../common/analytics/distinct-digits';
import { gridNumbers } from '../../../common/analytics/grid-numbers';
import { assignmentTitle, knockoutCaption, loadNoiseCaption, routerFigures, sinkWords, statTitle, topExpertSamplesCaption } from '../../../common/analytics/gate-captions';
import { tableNotation } from '../../../common/analytics/table-notation';
import { signedChange } from '../../../common/analytics/signed-change';
import { intervalMethodWords } from '../../../common/analytics/interval-method';
import { ABLATED_NOTE } from '../../../common/analytics/ablation';
import { callMeansNote } from '../../../common/analytics/gate-words';
import { stackedArea } from '../lab/report-svg';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (v: number, d = 4) => (Number.isFinite(v) ? Number(v.toPrecision(d)).toString() : String(v));
/** FLOPs as people read them: "1.57 M", "842,000", "3.2 G" (raw "1572000" was hard to read). */
export const flops = (v: number): string => {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e9) return `${Number((v / 1e9).toPrecision(3))} G`;
  if (a >= 1e6) return `${Number((v / 1e6).toPrecision(3))} M`;
  return Math.round(v).toLocaleString('en-US');
};

/**
 * Horizontal bars, one per label; values may be negative (knockout deltas). `bad` says which values to draw
 * red (default: negative ones); knockouts pass "made the metric worse", the colour the app uses for harm.
 */
export function barChart(items: { label: string; value: number; low?: number; high?: number }[], unit = '', bad: (v: number) => boolean = (v) => v < 0,
  format: (v: number) => string = (v) => fmt(v)): string {
  if (!items.length) return '<p class="empty">nothing to show</p>';
  // the value column is wide enough for "-0.0006891 (+12.5%)"-length labels, and wider for a longer one
  // ("-0.000000 (< 1e-6)"): they were cut at the SVG edge
  const longest = Math.max(0, ...items.map((i) => `${format(i.value)}${unit}`.length));
  const W = 700, row = 22, labelW = 220, valueW = Math.max(110, 12 + Math.ceil(6.8 * longest)), plot = W - labelW - valueW - 10;
  const ext = Math.max(1e-12, ...items.flatMap((i) => [Math.abs(i.value), Math.abs(i.low ?? 0), Math.abs(i.high ?? 0)]));
  const hasNeg = items.some((i) => Math.min(i.value, i.low ?? 0) < 0);
  const zero = labelW + (hasNeg ? plot / 2 : 0);
  const scale = (hasNeg ? plot / 2 : plot) / ext;
  const rows = items.map((it, k) => {
    const y = k * row + 4;
    const x0 = Math.min(zero, zero + it.value * scale), w = Math.abs(it.value * scale);
    const ci = it.low !== undefined && it.high !== undefined
      ? `<line x1="${zero + it.low * scale}" x2="${zero + it.high * scale}" y1="${y + 8}" y2="${y + 8}" stroke="#222" stroke-width="1.5"/>` : '';
    return `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end">${esc(it.label)}</text>` +
      `<rect x="${x0}" y="${y + 2}" width="${Math.max(w, 0.5)}" height="${row - 8}" fill="${bad(it.value) ? '#c0504d' : '#4f81bd'}"/>${ci}` +
      `<text x="${W - valueW + 6}" y="${y + 12}">${esc(`${format(it.value)}${unit}`)}</text>`;
  });
  return `<svg width="${W}" height="${items.length * row + 8}" font-size="12"><line x1="${zero}" x2="${zero}" y1="0" y2="${items.length * row + 8}" stroke="#999"/>${rows.join('')}</svg>`;
}

/** The tooltip giving a gate's stored name (the CSV and the CLI spell it so) beside its name in the user's words. */
const stored = (gate: string) => ` title="stored as ${esc(gate)}"`;

/** Column headers longer than a cell fits ("target Q1", "load_1") are cut to this many characters, full name in a tooltip. */
const HEADER_CHARS = 14;

/**
 * A heatmap of rows × columns with values in [0, max], each cell's value written in it: small values in a
 * shared power of ten stated under the grid (common/analytics/grid-numbers.ts), since 0.00015 and 0.00055
 * written out ran into each other across 34 px cells.
 */
export function heatmap(rowLabels: string[], colLabels: string[], values: number[][]): string {
  // the row labels' column fits the longest label ("expert 2 (camera)" was cut at the SVG's left edge)
  const cell = 34, left = Math.max(90, 12 + 7 * Math.max(0, ...rowLabels.map((l) => l.length)));
  // headers wider than a cell collided ("targettQ1…"): rotated 45° upwards, the top margin fits the longest
  const longest = Math.min(HEADER_CHARS, Math.max(0, ...colLabels.map((c) => c.length)));
  const rotate = longest * 6.5 > cell - 4;
  const top = rotate ? 16 + Math.ceil(longest * 6.5 * Math.SQRT1_2) : 24;
  const cut = (c: string) => (c.length > HEADER_CHARS ? `${c.slice(0, HEADER_CHARS - 1)}…` : c);
  const max = Math.max(1e-12, ...values.flat());
  const nums = gridNumbers(values);
  const cells = values.flatMap((r, i) => r.map((v, j) => {
    const a = v / max;
    return `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 1}" height="${cell - 1}" fill="rgba(79,129,189,${a.toFixed(3)})"><title>${esc(rowLabels[i])} × ${esc(colLabels[j])}: ${fmt(v)}</title></rect>` +
      `<text x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2 + 4}" text-anchor="middle" font-size="10">${nums.cells[i][j]}</text>`;
  }));
  const cols = colLabels.map((c, j) => rotate
    ? `<text transform="translate(${left + j * cell + cell / 2 - 2},${top - 6}) rotate(-45)"><title>${esc(c)}</title>${esc(cut(c))}</text>`
    : `<text x="${left + j * cell + cell / 2}" y="${top - 6}" text-anchor="middle"><title>${esc(c)}</title>${esc(c)}</text>`);
  const right = rotate ? Math.ceil(longest * 6.5 * Math.SQRT1_2) : 10;
  const rows = rowLabels.map((r, i) => `<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end">${esc(r)}</text>`);
  const unit = nums.unit ? `<text x="${left}" y="${top + rowLabels.length * cell + 14}" fill="#666">${nums.unit}</text>` : '';
  const label = `${nums.unit ? `${nums.unit}: ` : ''}${rowLabels.map((r, i) => `${r}: ${colLabels.map((c, j) => `${c} ${nums.cells[i][j]}`).join(', ')}`).join('; ')}`;
  return `<svg width="${left + colLabels.length * cell + right}" height="${top + rowLabels.length * cell + (unit ? 22 : 10)}" font-size="11" role="img" aria-label="${esc(label)}">${cols.join('')}${rows.join('')}${cells.join('')}${unit}</svg>`;
}

/**
 * `names`: the run's modality / expert names (from its config), so rows read "gmu · camera closed". Rows
 * scored on different metrics (MMoE: each task gate on its own task) get a bar chart per metric, each on
 * its own scale and in its own direction, and a metric column in the table. A forecasting run's target
 * channel (`--target OT` among several) gets its own chart and table after them, as `gatelab knockout`
 * prints its rows and the app draws its bars: the table's rows score every channel's mean.
 */
export function knockoutSection(t: KnockoutTable, names: GateNames = NO_NAMES): string {
  const words = (higherIsBetter: boolean) => (higherIsBetter ? 'higher is better' : 'lower is better');
  const metrics = tableMetrics(t), mixed = metrics.length > 1;
  const harm = (r: KnockoutTable['rows'][number]) => (rowScore(t, r).higherIsBetter ? -r.delta : r.delta);
  const rows = [...t.rows].sort((a, b) => harm(b) - harm(a));
  // a target channel's rows in the order of the table's: the same knockout on the same line of each
  const key = (r: KnockoutTable['rows'][number]) => `${r.gate} ${r.mode}${r.expert !== undefined ? ` ${r.expert}` : ''}`;
  const place = new Map(rows.map((r, i) => [key(r), i]));
  const targets = targetChannelTables(t).map((x) => ({ ...x, rows: [...x.rows].sort((a, b) => place.get(key(a))! - place.get(key(b))!) }));
  const label = (r: KnockoutTable['rows'][number]) => knockoutLabel(r, names);
  const scored = metrics.map((m) => rows.filter((r) => rowScore(t, r).metric === m)).filter((rs) => rs.length).map((rs) => ({ rows: rs, ...rowScore(t, rs[0]) }));
  // one notation for the whole section, bar labels and target channels included, as `gatelab knockout`
  // prints it; a tiny delta's "(< 1e-6)" is said in its delta cell, its interval's ends written short
  const num = tableNotation([t.baseline, ...scored.map((s) => s.baseline), ...[t, ...targets].flatMap((x) => [x.baseline, ...x.rows.flatMap((r) => [r.value, r.delta, r.ci.low, r.ci.high])])]);
  // a change is written signed, in its cell and beside its bar, as the app's knockout bars write it: an unsigned
  // 0.0500 beside "0.4300 as trained" read as the knocked-out model's score
  const change = (d: number) => signedChange(d, num(d));
  const tableHtml = (x: KnockoutTable, rs: KnockoutTable['rows']) => {
    const several = tableMetrics(x).length > 1;
    const body = rs.map((r) => `<tr><td>${esc(label(r))}</td>${several ? `<td>${esc(rowScore(x, r).metric)}</td>` : ''}<td>${esc(num(r.value))}</td><td>${esc(change(r.delta))}</td><td>[${num.short(r.ci.low)}, ${num.short(r.ci.high)}]</td></tr>`).join('');
    return `<table><tr><th>knockout</th>${several ? '<th>metric</th><th>value</th>' : `<th>${esc(x.metric)}</th>`}<th>delta</th><th>interval</th></tr>${body}</table>`;
  };
  const caption = knockoutCaption(t, names);
  const chart = (rs: KnockoutTable['rows'], higherIsBetter: boolean) =>
    barChart(rs.map((r) => ({ label: label(r), value: r.delta, low: r.ci.low, high: r.ci.high })), '', (d) => (higherIsBetter ? d < 0 : d > 0), change);
  const charts = mixed
    ? scored.map((s) => `<h3>${esc(s.metric)} (${words(s.higherIsBetter)}): <b>${esc(num(s.baseline))}</b> as trained</h3>${chart(s.rows, s.higherIsBetter)}`).join('')
    : chart(rows, t.higherIsBetter);
  const what = mixed ? 'its row\'s metric' : esc(t.metric);
  const targetHtml = targets.map((x) =>
    `<h3 data-testid="knockout-target">Target ${esc(`'${x.channel}'`)} alone: test ${esc(x.metric)} (${words(x.higherIsBetter)}): <b>${esc(num(x.baseline))}</b> as trained</h3>` +
    `<p>Its own channel's error under each knockout; the chart and table above score every channel's mean, as the run's headline test ${esc(t.metric)}.</p>` +
    chart(x.rows, x.higherIsBetter) + tableHtml(x, x.rows)).join('');
  return `<h2>Knockout</h2><p>Test ${esc(t.metric)} (${words(t.higherIsBetter)}) as trained: <b>${esc(num(t.baseline))}</b> on ${t.samples.toLocaleString('en-US')} ${t.interval?.kind === 'block' ? 'windows' : 'samples'}. ` +
    (mixed ? `Each gate is scored on the task it serves (${scored.map((s) => esc(s.metric)).join(', ')}). ` : '') +
    `${esc(intervalMethodWords(t.interval, t.rows[0]?.ci.level ?? 0.95, t.samples))}; ${t.resamples} resamples, seed ${t.seed}.</p>` +
    charts +
    `<p class="empty">Red: the knockout made ${what} worse (the model relies on that gate); blue: it made it better. Bars are the change in ${what}; lines its interval.</p>` +
    (caption ? `<p class="note" data-testid="knockout-caption">${esc(caption)}</p>` : '') +
    tableHtml(t, rows) + targetHtml;
}

/**
 * What the report's data does not carry: the run's gates were all off (`ablated`), and, per router, the first
 * step of each training load point an older GateLab stored as the mean over one training call (`loadFirstSteps`:
 * gate → step → first step; from the store's run_gate_stats, migrations/0007).
 */
export interface GateReportHtmlOptions {
  ablated?: boolean;
  loadFirstSteps?: Record<string, Record<number, number | null>>;
}

/** `names` (from the run's config) puts the user's modality and expert names on gates and components. */
export function gateReportHtml(r: GateReport, names: GateNames = NO_NAMES, o: GateReportHtmlOptions = {}): string {
  const parts: string[] = [`<h1>${esc(r.title)}</h1><p>Test ${esc(r.metric.name)}: <b>${fmt(r.metric.value)}</b></p>`];
  // an ablation's report would otherwise be a title and one number, with no word on why
  if (o.ablated) parts.push(`<p class="note">${esc(ABLATED_NOTE.charAt(0).toUpperCase() + ABLATED_NOTE.slice(1))}.</p>`);
  if (r.knockout) parts.push(knockoutSection(r.knockout, names));
  if (r.compute) {
    const f = r.compute.flops;
    parts.push(`<h2>Conditional compute</h2><p>FLOPs per sample at inference when skipped work is skipped: mean ${flops(f.mean)}, p50 ${flops(f.p50)}, p95 ${flops(f.p95)} ` +
      `against ${flops(f.dense)} dense: <b>${fmt(100 * f.saved, 3)}% saved</b>.</p>` +
      `<table><tr><th>gate</th><th>kind</th><th>skippable FLOPs</th><th>mean skipped</th></tr>${r.compute.gates.map((g) => `<tr><td${stored(g.gate)}>${esc(gateLabel(g.gate, names))}</td><td>${g.kind}</td><td>${flops(g.skippable)}</td><td>${flops(g.skipped)}</td></tr>`).join('')}</table>`);
  }
  if (r.exitCurve) {
    parts.push(`<h2>Early exit: compute vs ${esc(r.exitCurve.metric)}</h2>${exitCurveSvg(r.exitCurve)}<table><tr><th>threshold</th><th>${esc(r.exitCurve.metric)}</th><th>mean FLOPs</th></tr>` +
      r.exitCurve.points.map((p) => `<tr${p.threshold === r.exitCurve!.chosen ? ' class="chosen"' : ''}><td>${fmt(p.threshold)}</td><td>${fmt(p.metric)}</td><td>${flops(p.meanFlops)}</td></tr>`).join('') + '</table>');
  }
  for (const g of r.featureGates) {
    const sorted = [...g.features].sort((a, b) => a.rank - b.rank);
    // headingFor says the kind once: FinalMLP's gate1 is "Stream 1 feature gate", not "Feature gate stream 1 feature gate"
    parts.push(`<h2${stored(g.gate)}>${esc(headingFor('feature gate', g.gate, names))}: mean gate value per feature (test split)</h2>` + barChart(sorted.map((f) => ({ label: f.feature, value: f.mean }))));
  }
  for (const rt of r.routers) {
    const experts = expertLabels(rt, names);
    // the same titles and captions as the app's Gate report panel: a top-k router's probability before the
    // pick and its share of picks are different numbers and are never called by one name
    const figures = routerFigures(rt, names).map((f) =>
      `<p>${esc(f.title)}: ${f.values.map((v, e) => `${esc(experts[e])} ${fmt(100 * v, 3)}%`).join(', ')}. ${esc(f.caption)}</p>`).join('');
    parts.push(`<h2${stored(rt.gate)}>${esc(headingFor('router', rt.gate, names))} — ${esc(lowerFirst(assignmentTitle(names, rt.classes)))}</h2>` +
      heatmap(experts, rt.classes, rt.assignment) + figures +
      routerDetailHtml(rt, experts, names, o.loadFirstSteps?.[rt.gate]));
  }
  for (const fu of r.fusion) {
    parts.push(`<h2${stored(fu.gate)}>${esc(headingFor('fusion gate', fu.gate, names))}: modality weights</h2>` +
      heatmap(fu.modalities, Array.from({ length: 10 }, (_, b) => `${b / 10}`), fu.histogram) +
      `<p>Mean weight: ${fu.modalities.map((m, i) => `${esc(m)} ${fmt(fu.mean[i], 3)}`).join(', ')}. Rows: modality; columns: weight bin; cells: share of test samples.</p>` +
      fusionSamplesHtml(fu));
  }
  if (r.attention.length) parts.push(attentionHtml(r.attention, r.attentionPair, names));
  const style = 'body{font:14px system-ui,sans-serif;max-width:900px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left}tr.chosen{font-weight:bold}.empty{color:#888}';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(r.title)}: gate report</title><style>${style}</style></head><body>${parts.join('\n')}</body></html>\n`;
}

/** "expert 2", or in MoE fusion (expert m sees modality m) "expert 2 (camera)". */
const expertLabels = (rt: RouterReport, names: GateNames) => Array.from({ length: rt.experts }, (_, e) => componentName(rt.gate, 'router', e, names));

/** Load over training (stacked areas), what each expert specializes in, expert × series and × hour of day. */
function routerDetailHtml(rt: RouterReport, experts: string[], names: GateNames, firstSteps?: Record<number, number | null>): string {
  let html = '';
  if (rt.loadOverTraining.length) {
    // the stored `router.load`: which expert wins each token (not the mean weight above)
    const what = statTitle('load', names) ?? 'load';
    const noise = loadNoiseCaption(names);
    html += `<h3>${esc(what.charAt(0).toUpperCase() + what.slice(1))} over training</h3>` + stackedArea(`${gateLabel(rt.gate, names)}: ${what} over training`, rt.loadOverTraining.map((p) => p.step), rt.loadOverTraining.map((p) => p.load), experts)
      .replace(' xmlns="http://www.w3.org/2000/svg"', '') /* inline in HTML: no namespace needed, and the page names no URL */ +
      `<p>Bands, bottom to top: ${experts.map(esc).join(', ')} (${rt.loadOverTraining.length} recorded steps).${noise ? ` ${esc(noise)}` : ''}</p>`;
    // an older run's points are K-step means at the call's last step: say so, as the app and `gatelab show` do
    const means = callMeansNote(rt.loadOverTraining.map((p) => p.step), rt.loadOverTraining.map((p) => firstSteps?.[p.step]));
    if (means) html += `<p class="note" data-testid="call-means">${esc(means)}</p>`;
  }
  if (rt.specialisation) {
    const rows = rt.specialisation.experts.map((e) => `<tr><td>${esc(experts[e.expert] ?? `expert ${e.expert}`)}</td><td>${e.samples}</td><td>${e.top.slice(0, 5).map((t) =>
      `${esc(t.feature)} <b>${t.score >= 0 ? '+' : ''}${fmt(t.score, 3)}</b> (${distinctPair(t.mean, t.overall).join(' vs ')})`).join('<br>') || '—'}</td></tr>`).join('');
    html += `<h3>What each expert specializes in</h3><p>Inputs: ${esc(rt.specialisation.inputs)}. Score: (mean over the test samples routed mainly to the expert − mean over all) / standard deviation over all.</p>` +
      `<table><tr><th>expert</th><th title="test samples whose largest router weight, averaged over their tokens, is on this expert">samples with it as top expert</th><th>top inputs: score (mean vs overall)</th></tr>${rows}</table>` +
      `<p class="note" data-testid="top-expert-samples">${esc(topExpertSamplesCaption(rt.tokens, names))}</p>`;
  }
  if (rt.series) html += '<h3>Mean weight of each expert per series</h3>' + heatmap(experts, rt.series.labels, rt.series.assignment);
  if (rt.timeOfDay) html += '<h3>Mean weight of each expert by hour of day (last timestamp of the window, UTC)</h3>' + heatmap(experts, rt.timeOfDay.hours.map(String), rt.timeOfDay.assignment);
  return html;
}

/**
 * A sample's prediction: the class as the file writes it (binary: with the probability of the second class),
 * else the number, in `num` (the table's notation, shared with its labels).
 */
function predictionCell(s: FusionReport['samples'][number], num: (v: number) => string): string {
  if (s.prediction === undefined) return '';
  if (s.predictionName === undefined) return num(s.prediction);
  return Number.isInteger(s.prediction) ? s.predictionName : `${s.predictionName} (${fmt(s.prediction, 3)})`;
}

/** The samples that lean least on one modality (text when there is one): e.g. reviews where the model ignored the text. */
function fusionSamplesHtml(fu: FusionReport): string {
  if (!fu.samples.length) return '';
  const m = Math.max(0, fu.modalities.findIndex((x) => /text/i.test(x)));
  const low = [...fu.samples].sort((a, b) => a.weights[m] - b.weights[m]).slice(0, 10);
  // A regression target and prediction are numbers: one notation for the shown ones (float32 noise such as
  // "0.0003894830006174743" read as digits nobody can compare); and right/wrong means nothing for a number,
  // so its column is there only when a sample was classified.
  const classified = low.some((s) => s.correct !== undefined || s.labelName !== undefined);
  const num = classified ? (v: number) => fmt(v, 3) : tableNotation(low.flatMap((s) => [s.label ?? 0, s.prediction ?? 0]));
  const label = (s: FusionReport['samples'][number]) => s.labelName ?? (s.label === undefined ? '' : classified ? String(s.label) : num(s.label));
  const rows = low.map((s) => `<tr><td>${s.index}</td>${s.weights.map((w) => `<td>${fmt(w, 3)}</td>`).join('')}<td>${esc(label(s))}</td><td>${esc(predictionCell(s, num))}</td>` +
    (classified ? `<td>${s.correct === undefined ? '' : s.correct ? 'yes' : 'no'}</td>` : '') + `<td style="text-align:left">${esc(s.text ?? '')}</td></tr>`).join('');
  return `<h3>Test samples with the lowest ${esc(fu.modalities[m])} weight</h3><p>${fu.samples.length} of ${fu.samplesTotal ?? fu.samples.length} test samples are in gate-report.json (sortable in the app).</p>` +
    `<table><tr><th>sample</th>${fu.modalities.map((x) => `<th>${esc(x)}</th>`).join('')}<th>label</th><th>prediction</th>${classified ? '<th>right</th>' : ''}<th>text</th></tr>${rows}</table>`;
}

/** First-token attention per layer, beside the sibling run without (or with) the output gate. */
function attentionHtml(attention: AttentionSinkReport[], pair: AttentionSinkPair | undefined, names: GateNames): string {
  const label = (a: AttentionSinkReport, who: string) => `${gateLabel(a.layer, names)} ${who}${a.gated ? ' (gated)' : ' (ungated)'}`;
  const items = attention.flatMap((a) => {
    const s = pair?.sibling.find((x) => x.layer === a.layer);
    return [{ label: label(a, 'this run'), value: a.firstTokenAttention }, ...(s ? [{ label: label(s, `run ${pair!.siblingRunId}`), value: s.firstTokenAttention }] : [])];
  });
  const note = pair?.siblingRunId !== undefined
    ? `<p>Beside run ${pair.siblingRunId}: same dataset and template, its config differs only in ${esc(pair.differs ?? 'the attention gate')}.</p>`
    : pair?.howTo ? `<p>No run of the same dataset and template differs from this one only in the attention gate. To compare with and without the output gate, train one:</p><pre>${esc(pair.howTo)}</pre>` : '';
  const failed = pair?.note ? `<p>${esc(pair.note)}</p>` : '';
  // which token is first, and what uniform attention over so few tokens gives (1/tokens): 0.12 over 8 tokens is no sink
  const sinks = attention.map((a) => ({ a, w: sinkWords(a.layer, names) })).filter((x) => x.w);
  const uniform = sinks.length ? `<p>${sinks.map(({ a, w }) => `${esc(gateLabel(a.layer, names))}: the first token is ${esc(w!.first)}, one of ${w!.count} it attends to; uniform attention gives 1/${w!.count} = ${fmt(w!.uniform, 2)}.`).join(' ')} A sink is a share far above uniform.</p>` : '';
  return '<h2>Gated attention: share of attention on the first token</h2>' + note + failed + uniform + barChart(items);
}

/** The compute–metric curve over exit thresholds: mean FLOPs per sample (x) against the metric (y), the trained threshold circled. */
function exitCurveSvg(c: NonNullable<GateReport['exitCurve']>): string {
  const pts = [...c.points].sort((a, b) => a.meanFlops - b.meanFlops);
  if (pts.length < 2) return '';
  const W = 480, H = 220, L = 56, B = 30, T = 10, R = 12;
  const xs = pts.map((p) => p.meanFlops), ys = pts.map((p) => p.metric);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const x = (v: number) => L + ((v - x0) / (x1 - x0 || 1)) * (W - L - R), y = (v: number) => T + (1 - (v - y0) / (y1 - y0 || 1)) * (H - T - B);
  const chosen = c.points.find((p) => p.threshold === c.chosen);
  const dots = pts.map((p) => `<circle cx="${x(p.meanFlops).toFixed(1)}" cy="${y(p.metric).toFixed(1)}" r="2.5" fill="#4f81bd"><title>threshold ${fmt(p.threshold)}: ${fmt(p.metric)} at ${fmt(p.meanFlops)} FLOPs</title></circle>`).join('');
  return `<svg width="${W}" height="${H}" font-size="11"><path d="${pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.meanFlops).toFixed(1)},${y(p.metric).toFixed(1)}`).join('')}" fill="none" stroke="#4f81bd"/>${dots}` +
    (chosen ? `<circle cx="${x(chosen.meanFlops).toFixed(1)}" cy="${y(chosen.metric).toFixed(1)}" r="6" fill="none" stroke="#c0504d" stroke-width="2"><title>trained threshold ${fmt(c.chosen)}</title></circle>` : '') +
    `<text x="${L}" y="${H - 8}">${flops(x0)} FLOPs/sample</text><text x="${W - R}" y="${H - 8}" text-anchor="end">${flops(x1)} (dense ${flops(c.denseFlops)})</text>` +
    `<text x="${L - 6}" y="${y(y1) + 4}" text-anchor="end">${fmt(y1, 3)}</text><text x="${L - 6}" y="${y(y0) + 4}" text-anchor="end">${fmt(y0, 3)}</text></svg>`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
