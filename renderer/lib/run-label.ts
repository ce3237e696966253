// How a run is named where several runs sit side by side (the run table, Compare's picker, tables,
// legends and charts, Export's run picker, Delete buttons): the run id first, then the seed
// ("#12 · s2 · tsmixer-gated on grid load"). A run and its "New run from this" child often share a name
// and a seed; the id is what always tells them apart, and a label cut short by a narrow column keeps it.
// A name that already ends with its seed (runs started as a group get "… seed=2") does not say it twice.
import { changeWords, valueWord } from '../../common/runs/change-words';

export function runLabel(run: { id?: string | number; name: string; seed?: number | null }): string {
  const id = run.id === undefined || run.id === null || run.id === '' ? '' : `#${run.id} · `;
  if (run.seed === undefined || run.seed === null) return `${id}${run.name}`;
  const name = run.name.replace(new RegExp(`\\s+seed=${run.seed}$`), '');
  return `${id}s${run.seed} · ${name}`;
}

/**
 * What the run page's heading adds after the run's name: its template, unless the name starts with it
 * ("tsmixer-gated on grid load"), and its seed, unless the name ends with it (a run of a group is named
 * "… seed=1"): the heading read "…seed=1 · tsmixer-gated · seed 1".
 */
export function runHeadingExtra(run: { name: string; template: string; seed?: number | null }): string {
  const words: string[] = [];
  if (!run.name.startsWith(`${run.template} `) && run.name !== run.template) words.push(run.template);
  if (run.seed !== undefined && run.seed !== null && !new RegExp(`\\bseed=${run.seed}$`).test(run.name)) words.push(`seed ${run.seed}`);
  return words.join(' · ');
}

function flat(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flat(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
  return out;
}

/**
 * What a "New run from this" child changed from its parent, as `key=value` words
 * ("granularity=element · lr=0.01"): each changed leaf named by its last key (the full dotted path when
 * two changed leaves share that key), a long value cut, at most `max`, then "+N more". Empty when nothing changed. With
 * `label` (a dotted path → the form's label), each reads "Gate granularity = element" instead: Compare's
 * settings column, where the form's words matter more than a name's brevity.
 */
export function changedWords(before: Record<string, unknown>, after: Record<string, unknown>, max = 3, label?: (path: string) => string): string {
  const a = flat(before);
  const b = flat(after);
  // the run seed is not a setting the child changed: each run of the start gets its own ("s1" in its label)
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'seed' && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  // worded as a CLI run's --set changes and a sweep's points are (one rule: common/runs/change-words.ts)
  return changeWords(keys.map((k) => [k, b[k] === undefined ? 'unset' : valueWord(b[k])]), { max, label });
}

/**
 * A child run's automatic name: its parent's name and what changed ("tsmixer-gated on loads · granularity=element").
 * The parent's own seed ("… seed=2", which the lab appends to each run of a group) is left out: the lab adds
 * the child's seed, and "… seed=2 · granularity=element seed=1" named two seeds for one run.
 */
export function childRunName(parentName: string, changes: string): string {
  const base = parentName.replace(/\s+seed=\d+$/, '');
  if (!changes) return base;
  // One entry per setting: a parent named "… · threshold=0.6" whose child sets 0.4 is "… · threshold=0.4",
  // not "… · threshold=0.6 · threshold=0.4" (the parent's entry no longer says what the child holds).
  const parts = base.split(' · ');
  const added: string[] = [];
  for (const word of changes.split(' · ')) {
    const key = /^([^=\s]+)=/.exec(word)?.[1];
    const at = key === undefined ? -1 : parts.findIndex((p, i) => i > 0 && p.startsWith(`${key}=`));
    if (at >= 0) parts[at] = word;
    else added.push(word);
  }
  return [...parts, ...added].join(' · ');
}
