// Config diff for Compare: the keys whose values differ between runs (common/runs/config-diff), and how
// a long value reads in the table.
export { configDiff, flatten } from '../../common/runs/config-diff';

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
