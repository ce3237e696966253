// Parallel coordinates for Compare: one axis per hyperparameter that differs between the runs (numeric
// ones scaled min..max; categorical ones spread evenly in sorted order), plus the chosen metric.
export interface Axis { key: string; kind: 'number' | 'category'; ticks: string[]; position: (v: string | undefined) => number | null }

/** `values[r]` is run r's value of this key, JSON-encoded (as config-diff produces it). */
export function axisFor(key: string, values: (string | undefined)[]): Axis {
  // only numbers make a number axis: a switch (revin true/false) reads as two named ends, not 0 … 1
  const nums = values.map((v) => { if (v === undefined) return NaN; const x = JSON.parse(v); return typeof x === 'number' ? x : NaN; });
  if (values.every((v, i) => v === undefined || Number.isFinite(nums[i]))) {
    const finite = nums.filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    return {
      key, kind: 'number', ticks: [String(lo), String(hi)],
      position: (v) => (v === undefined ? null : hi === lo ? 0.5 : (Number(JSON.parse(v)) - lo) / (hi - lo)),
    };
  }
  const cats = [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  return {
    key, kind: 'category', ticks: cats,
    position: (v) => (v === undefined ? null : cats.length === 1 ? 0.5 : cats.indexOf(v) / (cats.length - 1)),
  };
}

/** Whether a JSON-encoded config value fits on an axis (a number, string or boolean; not a list or object). */
export function isScalar(v: string | undefined): boolean {
  if (v === undefined) return true;
  try {
    const x = JSON.parse(v);
    return x === null || typeof x !== 'object';
  } catch {
    return false;
  }
}

/**
 * The config rows worth an axis: scalar values only (column lists and other bulky values would read as
 * "[object Object]"), without the run name or the dataset's column binding, and only keys every run has:
 * a key of one template (GMU's `bimodal`) would be an axis the other runs' lines cross as if they had a
 * value there (the Config differences table lists it). At most `max` of them.
 */
export function axisRows<T extends { key: string; values: (string | undefined)[] }>(diff: T[], max = 8): T[] {
  return diff.filter((d) => d.key !== 'name' && !d.key.startsWith('data.columns') && d.values.every((v) => v !== undefined && isScalar(v))).slice(0, max);
}

/** "…" in the middle when `text` is longer than `max` characters, so both ends (a name and its seed) stay. */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/** An axis title: the key's last part ("model.router.k" → "router.k" when the last part alone says little). */
export function shortKey(key: string, max = 14): string {
  const parts = key.split('.');
  const last = parts.at(-1)!;
  const name = last.length <= 3 && parts.length > 1 ? parts.slice(-2).join('.') : last;
  return ellipsize(name, max);
}

/**
 * Labels of a number axis' two ends with enough digits to read the range: two significant digits of
 * the difference (0.0521 / 0.0535, not "0.0" twice), whole numbers as they are.
 */
export function endLabels(lo: number, hi: number): [string, string] {
  if (lo === hi) return [Number(lo.toPrecision(4)).toString(), Number(hi.toPrecision(4)).toString()];
  const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(Math.abs(hi - lo))) + 1));
  const fmt = (v: number) => {
    const fixed = Number(v.toFixed(decimals));
    return fixed === 0 && v !== 0 ? Number(v.toPrecision(2)).toString() : fixed.toString();
  };
  return [fmt(lo), fmt(hi)];
}
