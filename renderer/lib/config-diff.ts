// Config diff for Compare: flatten each run's config to dotted keys and keep the keys whose values
// differ between runs (what actually distinguishes them).
export function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = JSON.stringify(value);
  }
  return out;
}

export function configDiff(configs: Record<string, unknown>[]): { key: string; values: (string | undefined)[] }[] {
  const flat = configs.map((c) => flatten(c));
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  return keys
    .map((key) => ({ key, values: flat.map((f) => f[key]) }))
    .filter((row) => new Set(row.values).size > 1);
}

/** A config value for the diff table: short values as they are, long lists and objects summarised. */
export function summariseValue(v: string | undefined, max = 40): string {
  if (v === undefined) return '—';
  if (v.length <= max) return v;
  try {
    const x = JSON.parse(v);
    if (Array.isArray(x)) return `[${x.length} item${x.length === 1 ? '' : 's'}]`;
    if (x && typeof x === 'object') return `{${Object.keys(x).slice(0, 3).join(', ')}${Object.keys(x).length > 3 ? ', …' : ''}}`;
  } catch {
    /* not JSON: cut below */
  }
  return `${v.slice(0, max - 1)}…`;
}
