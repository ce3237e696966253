// Config diff for Compare: the keys whose values differ between runs (common/runs/config-diff), and how
// a long value reads in the table.
import { TEMPLATES } from '../../common/models';
import { DATA_SHAPED_FIELDS } from '../../common/runs/new-run-config';
export { configDiff, flatten } from '../../common/runs/config-diff';

/**
 * Model fields the dataset decides, not the user: a regression target's `targetScale` (the training
 * split's mean and std) and the family's data-shaped fields (common/runs/new-run-config.ts: a fusion run's
 * modalities and classes, a forecast's channels...). They differ between runs on different data, but
 * listing `targetScale.mean=2549117.6234567901` beside lr as a setting says nothing the dataset row does not.
 */
export function dataDerivedFields(template: string): Set<string> {
  const family = TEMPLATES.find((t) => t.id === template)?.family;
  return new Set(['targetScale', ...(family ? DATA_SHAPED_FIELDS[family] : [])]);
}

/** A run's config without its data-derived model fields: what Compare compares as settings. */
export function settingsOf(template: string, config: Record<string, unknown>): Record<string, unknown> {
  const model = config.model;
  if (!model || typeof model !== 'object' || Array.isArray(model)) return config;
  const derived = dataDerivedFields(template);
  return { ...config, model: Object.fromEntries(Object.entries(model).filter(([k]) => !derived.has(k))) };
}

/**
 * A config value (JSON, as configDiff gives it) for the diff table: short values as they are, a text without
 * JSON's quotes (relu, not "relu": the form's picker shows no quotes), long lists and objects summarised.
 */
export function summariseValue(v: string | undefined, max = 40): string {
  if (v === undefined) return '—';
  if (/^"(?:[^"\\]|\\.)*"$/.test(v)) {
    const text = JSON.parse(v) as string;
    if (text === '') return v; // an empty text keeps its quotes: a blank cell reads as "not set"
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
  }
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
