// Parallel coordinates for Compare: one axis per hyperparameter that differs between the runs (numeric
// ones scaled min..max; categorical ones spread evenly in sorted order), plus the chosen metric.
export interface Axis { key: string; kind: 'number' | 'category'; ticks: string[]; position: (v: string | undefined) => number | null }

/** `values[r]` is run r's value of this key, JSON-encoded (as config-diff produces it). */
export function axisFor(key: string, values: (string | undefined)[]): Axis {
  const nums = values.map((v) => (v === undefined ? NaN : Number(JSON.parse(v))));
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
