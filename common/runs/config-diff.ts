// Which config keys distinguish some runs: each config flattened to dotted keys (JSON-encoded values),
// keeping the keys whose values differ. Compare's table and the CLI's sweep/runs tables both use it.
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
