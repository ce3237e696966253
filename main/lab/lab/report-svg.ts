// Inline SVG for the HTML run report: line charts (several series, decimated to min/max per pixel
// column so a 10^6-point curve stays a few KB) and a stacked-area chart (expert load over steps).
// Plain strings, no DOM: the report is written by the lab in Node.

import { PALETTE } from '../../../common/analytics/chart-palette';

export interface Line { name: string; steps: ArrayLike<number>; values: ArrayLike<number | null> }

const W = 640;
const H = 220;
const PAD = { l: 56, r: 12, t: 12, b: 28 };
// the app's palette: expert 2 is the same colour in the Runs view and in this report
const COLORS = PALETTE;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (v: number) => (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4))));

/** Keeps the first, min, max and last point of each of `columns` step buckets, in step order. */
export function decimateMinMax(steps: ArrayLike<number>, values: ArrayLike<number | null>, columns: number): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < steps.length; i++) { const v = values[i]; if (v !== null && Number.isFinite(v)) pts.push([steps[i], v]); }
  if (pts.length <= columns * 4) return pts;
  const s0 = pts[0][0];
  const span = pts[pts.length - 1][0] - s0 || 1;
  const out: Array<[number, number]> = [];
  let bucket = -1;
  let group: Array<[number, number]> = [];
  const flush = () => {
    if (!group.length) return;
    let lo = group[0];
    let hi = group[0];
    for (const p of group) { if (p[1] < lo[1]) lo = p; if (p[1] > hi[1]) hi = p; }
    const keep = [group[0], lo, hi, group[group.length - 1]].sort((a, b) => a[0] - b[0]);
    for (const p of keep) if (out[out.length - 1] !== p) out.push(p);
    group = [];
  };
  for (const p of pts) {
    const b = Math.min(columns - 1, Math.floor(((p[0] - s0) / span) * columns));
    if (b !== bucket) { flush(); bucket = b; }
    group.push(p);
  }
  flush();
  return out;
}

function frame(xMin: number, xMax: number, yMin: number, yMax: number, body: string, title: string): string {
  const ticks = [yMin, (yMin + yMax) / 2, yMax];
  const y = (v: number) => PAD.t + (1 - (v - yMin) / (yMax - yMin || 1)) * (H - PAD.t - PAD.b);
  // one step (a statistic measured once) is one label in the middle, not "step 80 … 80" at both ends
  const steps = xMin === xMax
    ? `<text x="${(PAD.l + W - PAD.r) / 2}" y="${H - 8}" text-anchor="middle">step ${fmt(xMin)}</text>`
    : `<text x="${PAD.l}" y="${H - 8}">step ${fmt(xMin)}</text><text x="${W - PAD.r}" y="${H - 8}" text-anchor="end">${fmt(xMax)}</text>`;
  const axis = ticks.map((t) => `<text x="${PAD.l - 6}" y="${y(t) + 4}" text-anchor="end">${fmt(t)}</text><line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e7eb"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-size="11" font-family="sans-serif">`
    + `${axis}${steps}${body}</svg>`;
}

export function lineChart(title: string, lines: Line[]): string {
  const decimated = lines.map((l) => ({ name: l.name, pts: decimateMinMax(l.steps, l.values, W - PAD.l - PAD.r) })).filter((l) => l.pts.length);
  if (!decimated.length) return '';
  const all = decimated.flatMap((l) => l.pts);
  const xMin = Math.min(...all.map((p) => p[0]));
  const xMax = Math.max(...all.map((p) => p[0]));
  let yMin = Math.min(...all.map((p) => p[1]));
  let yMax = Math.max(...all.map((p) => p[1]));
  // A constant series (a constant learning rate): a band of ±5% around it, not ±0.5 (3e-3 read as -0.497..0.503).
  if (yMin === yMax) { const pad = yMin === 0 ? 0.5 : Math.abs(yMin) * 0.05; yMin -= pad; yMax += pad; }
  const x = (v: number) => PAD.l + ((v - xMin) / (xMax - xMin || 1)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (v - yMin) / (yMax - yMin)) * (H - PAD.t - PAD.b);
  const body = decimated.map((l, i) => {
    const c = COLORS[i % COLORS.length];
    const d = l.pts.map((p, j) => `${j ? 'L' : 'M'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join('');
    const marker = l.pts.length === 1 ? `<circle cx="${x(l.pts[0][0])}" cy="${y(l.pts[0][1])}" r="3" fill="${c}"/>` : '';
    return `<path d="${d}" fill="none" stroke="${c}" stroke-width="1.5"><title>${esc(l.name)}</title></path>${marker}`
      + `<text x="${W - PAD.r - 4}" y="${PAD.t + 12 + i * 13}" text-anchor="end" fill="${c}">${esc(l.name)}</text>`;
  }).join('');
  return frame(xMin, xMax, yMin, yMax, body, title);
}

/** Stacked areas of vector-valued points (e.g. expert load fractions per step): one band per component. */
export function stackedArea(title: string, steps: number[], vectors: Array<number[] | null>, names?: readonly string[]): string {
  const rows = steps.map((s, i) => [s, vectors[i]] as const).filter((r): r is readonly [number, number[]] => !!r[1] && r[1].length > 0);
  if (!rows.length) return '';
  const every = Math.max(1, Math.ceil(rows.length / (W - PAD.l - PAD.r)));
  const kept = rows.filter((_, i) => i % every === 0 || i === rows.length - 1);
  const k = Math.max(...kept.map((r) => r[1].length));
  const totals = kept.map((r) => r[1].reduce((a, b) => a + b, 0));
  const yMax = Math.max(...totals) || 1;
  const xMin = kept[0][0];
  const xMax = kept[kept.length - 1][0];
  const x = (v: number) => PAD.l + ((v - xMin) / (xMax - xMin || 1)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - v / yMax) * (H - PAD.t - PAD.b);
  const base = kept.map(() => 0);
  let body = '';
  if (kept.length === 1) {
    // one step (a validation measured once): areas of zero width drew nothing; a column, each share written beside it
    const cx = (PAD.l + W - PAD.r) / 2 - 20;
    let acc = 0;
    kept[0][1].forEach((v, c) => {
      const name = esc(names?.[c] ?? `component ${c}`);
      body += `<rect x="${cx}" y="${y(acc + v).toFixed(1)}" width="40" height="${Math.max(0, y(acc) - y(acc + v)).toFixed(1)}" fill="${COLORS[c % COLORS.length]}" fill-opacity="0.75"><title>${name}: ${fmt(v)}</title></rect>`;
      acc += v;
    });
  } else for (let c = 0; c < k; c++) {
    const top = kept.map((r, i) => base[i] + (r[1][c] ?? 0));
    const upper = kept.map((r, i) => `${x(r[0]).toFixed(1)},${y(top[i]).toFixed(1)}`);
    const lower = kept.map((r, i) => `${x(r[0]).toFixed(1)},${y(base[i]).toFixed(1)}`).reverse();
    body += `<polygon points="${[...upper, ...lower].join(' ')}" fill="${COLORS[c % COLORS.length]}" fill-opacity="0.75"><title>${esc(names?.[c] ?? `component ${c}`)}</title></polygon>`;
    top.forEach((v, i) => (base[i] = v));
  }
  // A legend, top band first (as it is stacked): hover titles alone do not print or reach a screen reader.
  for (let c = k - 1, row = 0; c >= 0; c--, row++) {
    body += `<text x="${W - PAD.r - 4}" y="${PAD.t + 12 + row * 13}" text-anchor="end" fill="${COLORS[c % COLORS.length]}" font-weight="600">${esc(names?.[c] ?? `component ${c}`)}${kept.length === 1 ? ` ${fmt(kept[0][1][c] ?? 0)}` : ''}</text>`;
  }
  return frame(xMin, xMax, 0, yMax, body, title);
}

/**
 * One histogram (e.g. gate openness in 10 bins over [0, 1]) as bars with their bin edges: drawn as a stacked
 * area over steps it was one solid block (the shares always sum to 1).
 */
export function histogramBars(title: string, shares: number[], range: [number, number] = [0, 1]): string {
  if (!shares.length) return '';
  const yMax = Math.max(...shares) || 1;
  const plotW = W - PAD.l - PAD.r, bw = plotW / shares.length;
  const y = (v: number) => PAD.t + (1 - v / yMax) * (H - PAD.t - PAD.b);
  const edge = (i: number) => range[0] + ((range[1] - range[0]) * i) / shares.length;
  const bars = shares.map((v, i) => `<rect x="${(PAD.l + i * bw + 1).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${COLORS[0]}"><title>${fmt(edge(i))}–${fmt(edge(i + 1))}: ${fmt(v)}</title></rect>`).join('');
  const ticks = [0, shares.length / 2, shares.length].map((i) => `<text x="${PAD.l + i * bw}" y="${H - 8}" text-anchor="middle">${fmt(edge(i))}</text>`).join('');
  const axis = [0, yMax].map((t) => `<text x="${PAD.l - 6}" y="${y(t) + 4}" text-anchor="end">${fmt(t)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" font-size="11" font-family="sans-serif">${axis}${ticks}${bars}</svg>`;
}
