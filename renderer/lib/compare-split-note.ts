// Compare's note on runs of one dataset that were tested on different rows. A new run's stratified
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

/** The split kinds a seed draws rows for (common/data/split.ts); the others cut by position or time. */
const SEEDED = new Set(['random', 'stratified']);

/** The recorded facts that decide a run's rows, each absent where it does not. */
type Recorded = { splitId?: number; split?: string; kind?: string; seed?: number; byTime?: boolean; allocation?: string };

/**
 * The split a run's trainer cuts, read from what its config records by the trainer's own rules
 * (common/models/run-binding.ts), for runs the renderer cannot resolve (no column snapshot):
 * - a stored split (data.splitId) is its stored rows, whatever else the config says;
 * - the kind is the split asked for by name (data.split), else the family's default (forecasting
 *   chronological, recommendation random, fusion stratified); a fusion run told to regress (model.task)
 *   cuts its default split at random (common/models/regression-split.ts);
 * - a random or stratified split draws its rows with the split seed (data.splitSeed; before it, the run seed);
 * - any stratified split sizes its parts by the part totals when the run records data.stratifyByTotals
 *   ('part-totals'), else each class alone ('per-class', the rule before);
 * - a chronological split of recommendation or fusion data is ordered by time when it records data.splitByTime.
 * A template this build does not know has no family to read its default by: its raw settings are compared.
 */
function recorded(r: SplitNoteRun): Recorded {
  const d = dataOf(r);
  const splitId = d.splitId as number | undefined, split = d.split as string | undefined;
  if (splitId !== undefined) return { splitId };
  const model = (r.config.model ?? {}) as Obj;
  const family = TEMPLATES.find((t) => t.id === model.template)?.family;
  const seed = (d.splitSeed ?? r.config.seed ?? r.seed) as number;
  const allocation = d.stratifyByTotals === true ? 'part-totals' : 'per-class';
  if (family === undefined) return { split, seed, byTime: d.splitByTime === true, allocation };
  const asked = split === 'ett' || split === 'chronological' || split === 'random' ? split : undefined;
  const byDefault = family === 'forecasting' ? 'chronological' : family === 'recsys' || model.task === 'regression' ? 'random' : 'stratified';
  const kind = asked ?? byDefault;
  return {
    split, kind,
    ...(SEEDED.has(kind) ? { seed } : {}),
    ...(kind === 'chronological' && family !== 'forecasting' ? { byTime: d.splitByTime === true } : {}),
    ...(kind === 'stratified' ? { allocation } : {}),
  };
}

/**
 * A resolved split as it decides rows: 'ett' refuses coarse data for new runs (refuseCoarse) but cuts a run
 * it accepts as before, so the flag is no difference; a fusion run told to regress has its default
 * stratified split cut at random with the same shares and seed (regression-split.ts).
 */
function rowsKey(spec: Obj, model: Obj): string {
  const cut = Object.fromEntries(Object.entries(spec).filter(([k]) => k !== 'refuseCoarse'));
  if (cut.kind === 'stratified' && model.task === 'regression') return JSON.stringify({ kind: 'random', ratios: cut.ratios, seed: cut.seed });
  return JSON.stringify(cut);
}

/**
 * The split each run's trainer computes, comparable across the runs: the resolved spec (run-binding, the
 * trainer's own resolution) when every run has its column snapshot, else what the configs record (a run
 * from before the snapshot binds to today's columns, which the renderer does not have).
 */
function splitKeys(runs: readonly SplitNoteRun[]): string[] {
  const resolved = runs.map((r) => {
    const d = dataOf(r);
    if (d.splitId !== undefined) return `stored split ${String(d.splitId)}`;
    if (!Array.isArray(d.columns)) return null;
    try {
      const seed = (d.splitSeed ?? r.config.seed ?? r.seed) as number;
      const data = { split: d.split as string | undefined, splitSeed: seed, splitByTime: d.splitByTime === true, stratifyByTotals: d.stratifyByTotals === true };
      const model = (r.config.model ?? {}) as Obj;
      return rowsKey(runBinding(d.columns as { name: string; type: string; role: string }[], { model, data }).binding.split as Obj, model);
    } catch {
      return null; // the columns do not bind (a template this build does not know...): compare the settings
    }
  });
  if (resolved.every((k): k is string => k !== null)) return resolved;
  // the name asked for is no fact of its own once the kind is known: 'random' is the recommendation default
  return runs.map((r) => {
    const facts = recorded(r);
    return JSON.stringify(facts.kind === undefined ? facts : { ...facts, split: undefined });
  });
}

/** What differs between the splits of `a` and `b`, in words ("split seed 42 vs 7"). */
function differences(a: SplitNoteRun, b: SplitNoteRun): string[] {
  const x = recorded(a), y = recorded(b);
  const words: string[] = [];
  const stored = (s: Recorded) => (s.splitId === undefined ? (s.split ? `the '${s.split}' split` : 'the default split') : `stored split ${s.splitId}`);
  if (x.splitId !== y.splitId || x.split !== y.split) words.push(`${stored(x)} vs ${stored(y)}`);
  // the same split asked for, cut otherwise: a fusion run told to regress cuts its default at random
  if (x.split === y.split && x.kind !== undefined && y.kind !== undefined && x.kind !== y.kind) words.push(`a ${x.kind} split vs a ${y.kind} one`);
  if (x.seed !== undefined && y.seed !== undefined && x.seed !== y.seed) words.push(`split seed ${x.seed} vs ${y.seed}`);
  const rule = (allocation: string) => (allocation === 'part-totals' ? 'stratified by part totals' : 'each class rounded alone');
  if (x.allocation !== undefined && y.allocation !== undefined && x.allocation !== y.allocation) words.push(`${rule(x.allocation)} vs ${rule(y.allocation)}`);
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
