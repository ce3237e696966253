// The inputs a router's experts are characterised by (engine/analytics/specialisation.ts), one row per
// test sample, in the user's words:
//   CTR fields     raw ids are arbitrary codes and embeddings are learned, so neither has a meaningful mean.
//                  Instead each field contributes (a) the value's frequency in the training split (log of
//                  1 + count: "does this expert take the popular or the rare items?") and (b) 0/1
//                  indicators of the field's most frequent test values ("field=value": the share of the
//                  expert's samples with that value against the share overall). Numeric features as scaled.
//   forecasting    per channel, the window's mean and its last value (scaled), as the model saw them.
//   fusion         each modality's encoded inputs by the column they come from (fusion-inputs.ts): a number
//                  by its column, a one-hot input as `column=value`; wide columns (hashed text, big
//                  vocabularies) by their mean and largest value, single buckets mean little. A modality
//                  whose layout is not known is numbered (`tabular[2]`), never named wrongly.
//   other models   every float input, flattened.
import type { InputMatrix } from '../../engine/analytics/specialisation';
import type { Rows, RunData } from '../run/run-data';
import type { DatasetContext } from './dataset-context';
import { oneHotNames, type FusionColumn, type FusionLayout } from './fusion-inputs';

const VALUES_PER_FIELD = 10;
const WIDE = 32;
const MAX_INPUTS = 512;

type Builder = { names: string[]; cols: ((s: number) => number)[] };
const add = (b: Builder, name: string, f: (s: number) => number) => { b.names.push(name); b.cols.push(f); };

function ctrInputs(b: Builder, test: Rows, train: Rows, names: readonly string[] | undefined, ctx?: DatasetContext): void {
  const fields = test.columns.fields, F = fields.shape[0] ?? 1;
  const ids = fields.data as BigInt64Array, trainIds = train.columns.fields?.data as BigInt64Array | undefined;
  const n = test.rows;
  for (let f = 0; f < F; f++) {
    const field = names?.[f] ?? `field ${f}`;
    const id = (s: number) => Number(ids[s * F + f]);
    if (trainIds) {
      const count = new Map<number, number>();
      for (let s = 0; s < train.rows; s++) { const v = Number(trainIds[s * F + f]); count.set(v, (count.get(v) ?? 0) + 1); }
      add(b, `${field} value frequency (log)`, (s) => Math.log1p(count.get(id(s)) ?? 0));
    }
    const inTest = new Map<number, { count: number; first: number }>();
    for (let s = 0; s < n; s++) { const v = id(s); const e = inTest.get(v); if (e) e.count++; else inTest.set(v, { count: 1, first: s }); }
    const frequent = [...inTest.entries()].sort((a, b) => b[1].count - a[1].count || a[0] - b[0]).slice(0, VALUES_PER_FIELD);
    if (frequent.length < 2) continue; // a constant field says nothing about an expert
    for (const [v, { first }] of frequent) {
      const token = v === 0 ? 'unknown' : ctx && names?.[f] ? (ctx.token(names[f], ctx.testRows[first]) ?? `#${v}`) : `#${v}`;
      add(b, `${field}=${token}`, (s) => (id(s) === v ? 1 : 0));
    }
  }
  const numeric = test.columns.numeric;
  if (numeric) {
    const N = numeric.shape[0] ?? 1;
    for (let k = 0; k < N; k++) add(b, names?.[F + k] ?? `numeric ${k}`, (s) => Number(numeric.data[s * N + k]));
  }
}

function windowInputs(b: Builder, x: Rows['columns'][string], names: readonly string[] | undefined): void {
  const [L, C] = x.shape as [number, number];
  const d = x.data as Float32Array;
  for (let c = 0; c < C; c++) {
    const ch = names?.[c] ?? `channel ${c}`;
    add(b, `${ch} window mean`, (s) => { let m = 0; for (let t = 0; t < L; t++) m += d[(s * L + t) * C + c]; return m / L; });
    add(b, `${ch} last value`, (s) => d[(s * L + L - 1) * C + c]);
  }
}

function vectorInputs(b: Builder, label: string, col: Rows['columns'][string]): void {
  const w = col.shape.reduce((a, x) => a * x, 1);
  const d = col.data as Float32Array;
  if (w <= WIDE) {
    for (let k = 0; k < w; k++) add(b, w === 1 ? label : `${label}[${k}]`, (s) => d[s * w + k]);
    return;
  }
  add(b, `${label} mean of ${w} inputs`, (s) => { let m = 0; for (let k = 0; k < w; k++) m += d[s * w + k]; return m / w; });
  add(b, `${label} largest input`, (s) => { let m = -Infinity; for (let k = 0; k < w; k++) m = Math.max(m, d[s * w + k]); return m; });
}

/** A modality's inputs column by column (its layout adds up to the encoded width: fittingLayout checks). */
function modalityInputs(b: Builder, layout: readonly FusionColumn[], col: Rows['columns'][string], ctx?: DatasetContext): void {
  const w = col.shape.reduce((a, x) => a * x, 1), n = col.data.length / w;
  const d = col.data as Float32Array;
  let at = 0;
  for (const c of layout) {
    const from = at;
    at += c.width;
    if (c.width === 1) { add(b, c.name, (s) => d[s * w + from]); continue; }
    if (c.width > WIDE || c.kind === 'text') {
      add(b, `${c.name} mean of ${c.width} inputs`, (s) => { let m = 0; for (let k = 0; k < c.width; k++) m += d[s * w + from + k]; return m / c.width; });
      add(b, `${c.name} largest input`, (s) => { let m = -Infinity; for (let k = 0; k < c.width; k++) m = Math.max(m, d[s * w + from + k]); return m; });
      continue;
    }
    const names = c.kind === 'one-hot' ? oneHotNames(c.name, (s, k) => d[s * w + from + k], c.width, n, ctx) : Array.from({ length: c.width }, (_, k) => `${c.name}[${k}]`);
    names.forEach((name, k) => add(b, name, (s) => d[s * w + from + k]));
  }
}

/** The report's input matrix for a run's test split, or undefined when the model's inputs are not known. */
export function reportInputs(model: Record<string, unknown>, data: RunData, featureNames?: readonly string[], ctx?: DatasetContext, layout?: FusionLayout): InputMatrix | undefined {
  const b: Builder = { names: [], cols: [] };
  const cols = data.test.columns;
  let describe: string;
  if (cols.fields && Array.isArray(model.fields)) {
    ctrInputs(b, data.test, data.train, featureNames, ctx);
    describe = 'CTR inputs: per field the value’s training frequency (log) and its most frequent test values (0/1), numeric features as scaled';
  } else if (cols.x && cols.x.shape.length === 2 && typeof model.channels === 'number') {
    windowInputs(b, cols.x, featureNames);
    describe = 'forecast windows: per channel the window mean and the last value (scaled)';
  } else if (Array.isArray(model.modalities)) {
    for (const m of model.modalities as { name: string }[]) {
      const col = cols[`m_${m.name}`];
      if (!col) continue;
      const columns = layout?.[m.name];
      if (columns) modalityInputs(b, columns, col, ctx); else vectorInputs(b, m.name, col);
    }
    describe = 'modality inputs as encoded, by column (categories as column=value; text and other wide columns: their mean and largest input)';
  } else {
    for (const [name, col] of Object.entries(cols)) if (name !== data.target && !(col.data instanceof BigInt64Array)) vectorInputs(b, name, col);
    describe = 'model inputs';
  }
  const F = Math.min(b.names.length, MAX_INPUTS), n = data.test.rows;
  if (!F) return undefined;
  const values = new Float64Array(n * F);
  for (let f = 0; f < F; f++) { const get = b.cols[f]; for (let s = 0; s < n; s++) values[s * F + f] = get(s); }
  return { names: b.names.slice(0, F), values, describe };
}
