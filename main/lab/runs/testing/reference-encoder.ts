// Test-only: a reference encoder written from the `gatelab.preprocessing` JSON alone (its documented
// fields, preprocessing-doc.ts), the way a user of an exported model would write one in any language.
// It deliberately imports none of the lab's pipeline code: the export test compares it with Try it.
import type { Feature, InputDoc, OutputDoc, PreprocessingDoc } from '../preprocessing-doc';

export type Row = Record<string, string>;

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function writeCsv(rows: Row[]): string {
  const cols = Object.keys(rows[0]);
  const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [cols.map(q).join(','), ...rows.map((r) => cols.map((c) => q(r[c] ?? '')).join(','))].join('\n') + '\n';
}

type Cells = Pick<PreprocessingDoc, 'cells'>;
type Described = Extract<Feature, { cell: string }>;

/** A number cell as `cells.numberFormat` says the feature's `number` format reads it. */
function parseNumberCell(cell: string, format: Described['number']): number {
  // as the feature's `number` says (both when it does not say: an export written before the fields):
  // spaces and apostrophes between groups of three digits group thousands in every format; parentheses negate
  const paren = format?.accountingNegatives !== false ? /^\((.*)\)$/.exec(cell.trim()) : null;
  if (paren) return -parseNumberCell(paren[1], format);
  // a '%' only where the feature says `percent: true` ('13.56%' is 13.56)
  const bare = format?.percent === true ? cell.trim().replace(/\s*%$/, '') : cell.trim();
  // the Unicode minus only where the feature says `unicodeMinus: true` (absent: an export from before GateLab read it)
  const signed = format?.unicodeMinus === true ? bare.replaceAll('\u2212', '-') : bare;
  const t = format?.otherThousands !== false ? signed.replace(/(?<=\d)[ \u00a0\u202f'\u2019](?=\d{3})/g, '') : signed;
  if (format?.decimal === ',' && t.includes(',')) {
    const comma = t.indexOf(',');
    return Number(t.slice(0, comma).replaceAll('.', '') + '.' + t.slice(comma + 1));
  }
  // '1.444' in a column whose dots group thousands (the importer's dot-reading.ts) is 1444
  if (format?.decimal === ',' && format.dotsWithoutComma === 'thousands' && t.includes('.')) return Number(t.replaceAll('.', ''));
  const plain = t === '' ? NaN : Number(t);
  if (!Number.isNaN(plain) || !format) return plain;
  return Number(t.replaceAll(format.thousands, ''));
}

function numberOf(doc: Cells, f: Described, cell: string | undefined): number {
  if (cell === undefined || doc.cells.missing.includes(cell)) return NaN;
  const x = parseNumberCell(cell, f.number);
  if (!Number.isFinite(x)) return NaN;
  return f.storage === 'float32' ? Math.fround(x) : x;
}

function tokenOf(doc: Cells, f: Described, cell: string | undefined): string | null {
  if (cell === undefined || doc.cells.missing.includes(cell)) return null;
  if (f.cell === 'number') { const x = numberOf(doc, f, cell); return Number.isNaN(x) ? null : String(x); }
  if (f.cell === 'boolean') {
    const w = cell.trim().toLowerCase();
    return ['true', 'yes', 't', 'y', '1'].includes(w) ? 'true' : ['false', 'no', 'f', 'n', '0'].includes(w) ? 'false' : null;
  }
  return cell;
}

function fnv1a(text: string, basis: number, prime: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, prime) >>> 0; }
  return h >>> 0;
}

/** The feature's values for one raw row, appended to `out`. */
function encodeFeature(doc: Cells, f: Feature, row: Row, out: number[]): void {
  switch (f.kind) {
    case 'zscore': case 'minmax': {
      const x = numberOf(doc, f, row[f.column]);
      const logged = f.kind !== 'zscore' || !f.log1p ? x : f.signed ? Math.sign(x) * Math.log1p(Math.abs(x)) : Math.log1p(x < 0 ? 0 : x);
      const v = f.kind === 'zscore' ? (logged - f.mean) / f.std : f.max > f.min ? (x - f.min) / (f.max - f.min) : x - f.min;
      out.push(Number.isNaN(v) && f.missing === 'zero' ? 0 : v);
      return;
    }
    case 'vocabulary-id': case 'one-hot': {
      const t = tokenOf(doc, f, row[f.column]);
      const id = t === null ? f.unknownIndex : f.tokens.indexOf(t) + 1 || f.unknownIndex;
      if (f.kind === 'vocabulary-id') out.push(id);
      else out.push(...Array.from({ length: f.width }, (_, i) => (i === id ? 1 : 0)));
      return;
    }
    case 'hashed-ngrams': {
      const v = new Array<number>(f.width).fill(0);
      const cell = row[f.column];
      if (cell !== undefined && !doc.cells.missing.includes(cell)) {
        const text = f.words.normalize ? cell.normalize(f.words.normalize) : cell;
        const words = (f.lowercase ? text.toLowerCase() : text).match(new RegExp(f.words.pattern, f.words.flags)) ?? [];
        const grams: string[] = [];
        for (let n = f.ngrams[0]; n <= f.ngrams[1]; n++) {
          if (f.unit === 'word') for (let i = 0; i + n <= words.length; i++) grams.push(words.slice(i, i + n).join(f.joiner!));
          else for (const w of words) { const p = `${f.wrap![0]}${w}${f.wrap![1]}`; for (let i = 0; i + n <= p.length; i++) grams.push(p.slice(i, i + n)); }
        }
        const counts = new Map<number, number>();
        for (const g of grams) { const b = fnv1a(g, f.hash.basis, f.hash.prime) % f.buckets; counts.set(b, (counts.get(b) ?? 0) + 1); }
        for (const [b, n] of counts) v[b] = Math.log1p(n);
      }
      out.push(...v);
      return;
    }
    case 'multi-hot': {
      const v = new Array<number>(f.width).fill(0);
      const tokens = f.indicatorColumns
        ? f.indicatorColumns.filter((c) => { const x = (row[c] ?? '').trim().toLowerCase(); return Number(x) > 0 || ['1', 'true', 'yes'].includes(x); })
        : (row[f.column!] ?? '').split(f.separator!).map((t) => t.trim()).filter(Boolean);
      for (const t of tokens) v[f.tokens.indexOf(t) + 1] = 1;
      out.push(...v);
      return;
    }
    case 'vector': throw new Error('the reference encoder reads no vector cells');
  }
}

/**
 * 'previous' positions, over every row given (the series up to the window's end, or the window alone): a gap
 * takes the last value before it; rows before the first value take that value; a channel with no value in
 * any row given is 0 after scaling (its training mean; min-max: its minimum).
 */
function fillForward(rows: number[][], previous: boolean[]): void {
  previous.forEach((fill, j) => {
    if (!fill) return;
    const first = rows.findIndex((r) => !Number.isNaN(r[j]));
    if (first < 0) { for (const r of rows) r[j] = 0; return; }
    rows.forEach((r, i) => { if (Number.isNaN(r[j])) r[j] = i < first ? rows[first][j] : rows[i - 1][j]; });
  });
}

/**
 * One graph input for a batch: each item is one raw row, or, for a window input, the series' rows up to the
 * window's end (oldest first): the documented fill runs over all of them and the last `window` rows are
 * the input. Given only the window's rows, a window that starts inside a gap is filled from inside it.
 */
export function encodeInputs(input: InputDoc, items: Row[][], doc: Cells): { dtype: 'int64' | 'float32' | 'float64'; data: BigInt64Array | Float32Array | Float64Array; dims: number[] } {
  const values: number[] = [];
  const previous = input.features.flatMap((f) => Array.from({ length: f.width ?? 1 }, () => 'missing' in f && f.missing === 'previous'));
  const window = typeof input.rows === 'object' ? input.rows.window : null;
  for (const rows of items) {
    const encoded = rows.map((row) => { const v: number[] = []; for (const f of input.features) encodeFeature(doc, f, row, v); return v; });
    fillForward(encoded, previous);
    for (const v of window === null ? encoded : encoded.slice(-window)) values.push(...v);
  }
  const dims = input.shape.map((d) => (d === 'batch' ? items.length : d));
  const data = input.dtype === 'int64' ? BigInt64Array.from(values, (v) => BigInt(v)) : input.dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
  if (data.length !== dims.reduce((a, b) => a * b, 1)) throw new Error(`${input.name}: encoded ${data.length} values for shape [${dims}]`);
  return { dtype: input.dtype, data, dims };
}

/** Whether a raw label cell is the positive class of a binary output. */
export function isPositive(label: NonNullable<OutputDoc['label']>, cell: string): boolean {
  if (label.positiveIf) return Number(cell) >= label.positiveIf.atLeast;
  // the label's words are the file's ('yes'/'no'): both sides read as boolean tokens, so 'Y' matches 'yes'
  if (label.cell === 'boolean') {
    const token = (c: string) => tokenOf({ cells: { missing: [] } } as unknown as Cells, { cell: 'boolean' } as Described, c);
    return token(cell) !== null && token(cell) === token(label.positive!);
  }
  return cell === label.positive || (cell.trim() !== '' && Number(cell) === Number(label.positive));
}

export function unscale(ch: NonNullable<OutputDoc['channels']>[number], v: number): number {
  if (ch.std !== undefined) return v * ch.std + ch.mean!;
  return ch.max! > ch.min! ? v * (ch.max! - ch.min!) + ch.min! : v + ch.min!;
}
