// Which config keys distinguish some runs: each config flattened to dotted keys (JSON-encoded values),
// keeping the keys whose values differ. Compare's table and the CLI's sweep/runs tables both use it.
import { TEMPLATES } from '../models/index';

export function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = JSON.stringify(value);
  }
  return out;
}

const RATING_UNITS = 'metrics.ratingUnits';

/**
 * Whether a config's `metrics.ratingUnits` means something: only recommendation runs score a rating. Forecasting
 * and fusion runs created before the lab stopped writing it there carry it anyway, and a newer run of the same
 * setup would otherwise read as differing in it.
 */
function readsRatingUnits(config: Record<string, unknown>): boolean {
  const template = (config.model as { template?: unknown } | undefined)?.template;
  const family = TEMPLATES.find((t) => t.id === template)?.family;
  return family === undefined || family === 'recsys';
}

export function configDiff(configs: Record<string, unknown>[]): { key: string; values: (string | undefined)[] }[] {
  const flat = configs.map((c) => {
    const f = flatten(c);
    if (!readsRatingUnits(c)) delete f[RATING_UNITS];
    return f;
  });
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  return keys
    .map((key) => ({ key, values: flat.map((f) => f[key]) }))
    .filter((row) => new Set(row.values).size > 1);
}
