// Compare's note on runs of one dataset that were tested on different rows. A new run's default stratified
// split sizes its parts by the part totals (data.stratifyByTotals), a new chronological one orders rows by
// time (data.splitByTime), and the split seed is fixed since splitSeed: a new run set beside an older run
// of the same dataset and seed may hold other test rows, and its test metrics then differ for that reason
// alone. The table still ranks them; this says why their numbers may differ without any setting differing.
import { runBinding } from '../../common/models/run-binding';
import { TEMPLATES } from '../../common/models';

type Obj = Record<string, unknown>;

export interface SplitNoteRun {
  id: string;
  seed: number;
  config: Obj;
}

const dataOf = (r: SplitNoteRun) => (r.config.data ?? {}) as Obj;

/**
 * The split's settings a run's config records, as the trainer reads them (absent rules: the old ones), with
 * those that cannot change its rows left undefined: a stored split is its stored rows; a forecasting split
 * is by time, whatever the seed; only a default fusion split is stratified; only a chronological split of
 * recommendation or fusion data is ordered by its time column.
 */
function recorded(r: SplitNoteRun) {
  const d = dataOf(r);
  const splitId = d.splitId as number | undefined, split = d.split as string | undefined;
  const family = TEMPLATES.find((t) => t.id === (r.config.model as Obj | undefined)?.template)?.family;
  const own = splitId === undefined;
  const seeded = own && family !== 'forecasting' && (split === undefined || split === 'random');
  return {
    splitId, split,
    seed: seeded ? (d.splitSeed ?? r.config.seed ?? r.seed) as number : undefined,
    byTime: own && family !== 'forecasting' && (split === 'chronological' || split === 'ett') ? d.splitByTime === true : undefined,
    byTotals: own && family === 'fusion' && split === undefined ? d.stratifyByTotals === true : undefined,
  };
}

/**
 * The split each run's trainer computes, comparable across the runs: the resolved spec (run-binding, the
 * trainer's own resolution) when every run has its column snapshot, else the recorded settings (a run from
 * before the snapshot binds to today's columns, which the renderer does not have).
 */
function splitKeys(runs: readonly SplitNoteRun[]): string[] {
  const resolved = runs.map((r) => {
    const d = dataOf(r);
    if (d.splitId !== undefined) return `stored split ${String(d.splitId)}`;
    if (!Array.isArray(d.columns)) return null;
    try {
      const seed = (d.splitSeed ?? r.config.seed ?? r.seed) as number;
      const data = { split: d.split as string | undefined, splitSeed: seed, splitByTime: d.splitByTime === true, stratifyByTotals: d.stratifyByTotals === true };
      return JSON.stringify(runBinding(d.columns as { name: string; type: string; role: string }[], { model: (r.config.model ?? {}) as Obj, data }).binding.split);
    } catch {
      return null; // the columns do not bind (a template this build does not know...): compare the settings
    }
  });
  if (resolved.every((k): k is string => k !== null)) return resolved;
  return runs.map((r) => JSON.stringify(recorded(r)));
}

/** What differs between the splits of `a` and `b`, in words ("split seed 42 vs 7"). */
function differences(a: SplitNoteRun, b: SplitNoteRun): string[] {
  const x = recorded(a), y = recorded(b);
  const words: string[] = [];
  const stored = (s: typeof x) => (s.splitId === undefined ? (s.split ? `the '${s.split}' split` : 'the default split') : `stored split ${s.splitId}`);
  if (x.splitId !== y.splitId || x.split !== y.split) words.push(`${stored(x)} vs ${stored(y)}`);
  if (x.seed !== undefined && y.seed !== undefined && x.seed !== y.seed) words.push(`split seed ${x.seed} vs ${y.seed}`);
  if (x.byTotals !== undefined && y.byTotals !== undefined && x.byTotals !== y.byTotals) words.push(`${x.byTotals ? 'stratified by part totals' : 'each class rounded alone'} vs ${y.byTotals ? 'stratified by part totals' : 'each class rounded alone'}`);
  if (x.byTime !== undefined && y.byTime !== undefined && x.byTime !== y.byTime) words.push(`${x.byTime ? 'rows ordered by time' : 'rows in file order'} vs ${y.byTime ? 'rows ordered by time' : 'rows in file order'}`);
  return words.length ? words : ['their split specs differ'];
}

const runList = (runs: readonly SplitNoteRun[]) => runs.map((r) => `#${r.id}`).join(', ');

/**
 * One note per dataset whose compared runs were split differently, e.g. "#3 and #5 on clicks were tested on
 * different rows: stratified by part totals vs each class rounded alone (runs created before the rule keep
 * their old split). …". Runs on synthetic data or alone on their dataset get none.
 */
export function splitNotes(runs: readonly SplitNoteRun[], datasetName: (id: string) => string | undefined = () => undefined): string[] {
  const byDataset = new Map<string, SplitNoteRun[]>();
  for (const r of runs) {
    const d = dataOf(r);
    if (d.kind !== 'dataset' || d.datasetId === undefined) continue;
    const id = String(d.datasetId);
    byDataset.set(id, [...(byDataset.get(id) ?? []), r]);
  }
  const notes: string[] = [];
  for (const [id, group] of byDataset) {
    if (group.length < 2) continue;
    const keys = splitKeys(group);
    const splits = [...new Set(keys)].map((k) => group.filter((_, i) => keys[i] === k));
    if (splits.length < 2) continue;
    const parts = splits.map(runList).join(' vs ');
    const what = splits.slice(1).map((s) => differences(splits[0][0], s[0]).join(', ')).join('; ');
    notes.push(`Runs ${parts} on ${datasetName(id) ?? `dataset ${id}`} were tested on different rows (${what}): their test metrics are not measured on the same rows. ` +
      'Runs created before a split rule keep the split they trained on; start the older configuration again (New run from this) to compare on one split.');
  }
  return notes;
}
