// Finished runs keep reading the data as they trained on it. A run snapshots its columns (names, types,
// roles) when it is created; `datasets types` later re-parses the dataset with other types. Export, Try it
// and analytics of a finished run re-derive its inputs from the cache, so after a retype they would read
// the new types: a category read as a number has another width (the export "cannot describe" its inputs)
// or, worse, the same width and silently other codes. So a retype that changes a column finished runs read
// keeps the cache they trained on beside the live one, as `cache.trained-<hex>/` with `runs.json` naming
// those runs, and the dataset resolver hands each of them its own (cacheForRun). Numbers read as int or
// float are the same values with the same scaling, so int <-> float keeps nothing. A run retyped under
// before copies were kept gets a message naming the retype and what to do instead of other inputs.
// A run whose stored JSON is damaged (its snapshot unreadable) keeps the copies of its dataset: whether it
// needs them cannot be told, and once its row is restored a copy deleted meanwhile could not be made again.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { META_FILE, type DatasetCacheMeta } from '../../../common/dataset-cache';
import type { LabStore, RunRecord } from '../store/index';
import { LabUnavailable } from '../runs/refusal';

export const TRAINED_PREFIX = 'cache.trained-';
const RUNS_FILE = 'runs.json';
const FINISHED = new Set(['completed', 'failed', 'cancelled']);
const NUMBER = new Set(['int', 'float']);

interface Column { name: string; type: string; role?: string }
export interface Retyped { column: string; from: string; to: string }

/** A run as far as this module needs it. */
type RunLike = Pick<RunRecord, 'id' | 'status' | 'config'>;

/** The column snapshot a run was created with (runs from before snapshots have none). */
export function snapshotOf(run: Pick<RunRecord, 'config'>): Column[] | undefined {
  return (run.config as { data?: { columns?: Column[] } }).data?.columns;
}

/** Columns the run reads (not ignored) whose type now reads other values than it trained on. */
export function retypedSince(snapshot: readonly Column[], now: readonly Column[]): Retyped[] {
  const out: Retyped[] = [];
  for (const c of snapshot) {
    if (c.role === 'ignore') continue;
    const current = now.find((x) => x.name === c.name)?.type;
    if (current === undefined || current === c.type || (NUMBER.has(current) && NUMBER.has(c.type))) continue;
    out.push({ column: c.name, from: c.type, to: current });
  }
  return out;
}

function readJson<T>(path: string): T | undefined {
  try { return JSON.parse(readFileSync(path, 'utf8')) as T; } catch { return undefined; }
}

/** Names of the kept-cache folders beside `cachePath`. */
function keptCacheNames(cachePath: string): string[] {
  try { return readdirSync(dirname(cachePath)).filter((n) => n.startsWith(TRAINED_PREFIX)); } catch { return []; }
}

/** The kept caches beside `cachePath`: folder, the runs it serves, its column types. */
function keptCaches(cachePath: string): Array<{ path: string; runs: number[]; columns: Column[] }> {
  const dir = dirname(cachePath);
  return keptCacheNames(cachePath).map((n) => {
    const path = join(dir, n);
    const runs = readJson<{ runs?: number[] }>(join(path, RUNS_FILE))?.runs ?? [];
    const columns = readJson<DatasetCacheMeta>(join(path, META_FILE))?.columns ?? [];
    return { path, runs, columns };
  });
}

/**
 * The cache a run reads: its kept cache when a retype since changed columns it trained on, else the live
 * one. A finished run retyped under with no kept cache is refused with what to do (a paused run resumes on
 * the new types, as the retype said).
 */
export function cacheForRun(d: { id: number; name: string; cachePath: string; columns: readonly Column[] }, run: RunLike): string {
  const snapshot = snapshotOf(run);
  if (!snapshot) return d.cachePath;
  const changed = retypedSince(snapshot, d.columns);
  if (!changed.length) return d.cachePath;
  const kept = keptCaches(d.cachePath).find((k) => k.runs.includes(run.id) && retypedSince(snapshot, k.columns).length === 0);
  if (kept) return kept.path;
  if (!FINISHED.has(run.status)) return d.cachePath;
  const what = changed.map((c) => `'${c.column}' from ${c.from} to ${c.to}`).join(', ');
  const back = changed.map((c) => `${c.column}=${c.from}`).join(' ');
  throw new Error(`dataset ${d.id} '${d.name}' was retyped after run ${run.id} trained on it (${what}), and no copy of the data as the run read it was kept (retyped before GateLab kept copies, or while the run was paused): its inputs cannot be re-derived. Change ${changed.length > 1 ? 'them' : 'it'} back with \`gatelab datasets types ${d.id} ${back}\` (or in the Datasets view), or start a new run on the new types`);
}

/**
 * After a retype swapped `parked` (the old cache) out: when finished runs trained on its types and the new
 * ones read other values, it becomes their kept cache; otherwise it is removed. Returns the kept folder.
 */
export function keepForFinishedRuns(store: LabStore, datasetId: number, parked: string, newColumns: readonly Column[]): string | null {
  const old = readJson<DatasetCacheMeta>(join(parked, META_FILE))?.columns ?? [];
  const { records, damaged } = store.runs.listChecked();
  const trainedOnOld = records.filter((r) => {
    const snapshot = r.datasetId === datasetId && FINISHED.has(r.status) ? snapshotOf(r) : undefined;
    return snapshot !== undefined && retypedSince(snapshot, newColumns).length > 0 && retypedSince(snapshot, old).length === 0;
  });
  // Finished only, as above: a copy listing a paused run would be handed to its resume (cacheForRun), which
  // the retype said reads the new types. Dataset and status are plain columns, readable despite the damage.
  const unreadable = damaged.filter((r) => {
    const plain = store.runs.plainColumns(r.id);
    return plain?.datasetId === datasetId && FINISHED.has(plain.status);
  });
  const runs = [...trainedOnOld, ...unreadable].map((r) => r.id).sort((a, b) => a - b);
  if (!runs.length) {
    rmSync(parked, { recursive: true, force: true });
    return null;
  }
  writeFileSync(join(parked, RUNS_FILE), JSON.stringify({ runs }));
  const kept = join(dirname(parked), `${TRAINED_PREFIX}${randomBytes(4).toString('hex')}`);
  renameSync(parked, kept);
  return kept;
}

/**
 * Kept caches no run needs any more (runs deleted, or the dataset retyped back so the live cache reads as
 * they trained) are removed; the others list only the runs that still need them. Returns folders removed.
 * Another process may retype the dataset meanwhile (a start-up sweep lists every dataset first, then
 * prunes): its new copy appears only after the store has its new types, so the types, the runs and the
 * copy's run list are read from the store and the folder for each copy, never from what the caller listed.
 */
export function pruneTrainedCaches(store: LabStore, d: { id: number; cachePath: string }): string[] {
  const removed: string[] = [];
  for (const name of keptCacheNames(d.cachePath)) {
    const path = join(dirname(d.cachePath), name);
    const runs = readJson<{ runs?: number[] }>(join(path, RUNS_FILE))?.runs ?? [];
    const columns = store.datasets.columns(d.id); // after the folder was seen: includes the retype that made it
    const copyColumns = readJson<DatasetCacheMeta>(join(path, META_FILE))?.columns;
    const still = runs.filter((id) => stillReadsCopy(store, id, d.id, columns, copyColumns));
    if (!still.length || !existsSync(join(path, META_FILE))) {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } else if (still.length !== runs.length) {
      writeFileSync(join(path, RUNS_FILE), JSON.stringify({ runs: still }));
    }
  }
  return removed;
}

/**
 * Whether run `id` still needs a kept copy of dataset `datasetId`, whose types are now `columns`: the live
 * cache reads other values than it trained on, and the copy (types `copyColumns`; unknown: assumed so) reads
 * them as it did (cacheForRun hands it no other). A run whose stored JSON is damaged still needs the copy
 * while its row names the dataset: a copy removed now would be gone when the row is restored (and a retype
 * meanwhile lists it in a copy it did not train on too, pruned here once the row reads again). Any other
 * failure is not this module's to hide.
 */
function stillReadsCopy(store: LabStore, id: number, datasetId: number, columns: readonly Column[], copyColumns: readonly Column[] | undefined): boolean {
  let r: RunRecord | undefined;
  try {
    r = store.runs.get(id);
  } catch (e) {
    if (!(e instanceof LabUnavailable)) throw e;
    return store.runs.plainColumns(id)?.datasetId === datasetId;
  }
  const snapshot = r && r.datasetId === datasetId ? snapshotOf(r) : undefined;
  return snapshot !== undefined && retypedSince(snapshot, columns).length > 0 && (copyColumns === undefined || retypedSince(snapshot, copyColumns).length === 0);
}

/** The runs a kept cache serves. */
export function keptRunIds(kept: string): number[] {
  return readJson<{ runs?: number[] }>(join(kept, RUNS_FILE))?.runs ?? [];
}
