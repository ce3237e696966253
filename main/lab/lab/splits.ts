// LabApi's splits channels over the dataset registry: list a dataset's stored splits with their part
// counts, and create one through the same createSplit the CLI calls (same spec, same seed: same rows),
// named as the CLI names it: without a name, its kind, then kind-2, ...; a name in use is replaced.
import { LabError, type CreatedSplit, type DeletedSplit, type NewSplitSpec, type SplitInfo } from '../../../common/lab-api';
import { SplitInUseError } from '../store/splits';
import { createSplit, DatasetRegistry, type Dataset, type StoredSplit } from '../datasets/index';
import type { LabPaths } from '../home';
import type { LabStore } from '../store/index';
import { didYouMean } from '../../../common/text/did-you-mean';

/** Column types a stratified split may group by: each value is a class (a float column would give a class per row). */
export const STRATIFY_TYPES = ['categorical', 'boolean', 'int'];

/** The first of `base`, `base-2`, `base-3`, ... that no split of the dataset is named. */
export function unusedName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

function infoOf(s: StoredSplit, rows: number): SplitInfo {
  const spec = (s.spec ?? {}) as Record<string, unknown>;
  const used = s.counts.train + s.counts.val + s.counts.test;
  return {
    id: String(s.id),
    datasetId: String(s.datasetId),
    name: s.name,
    kind: spec.kind as SplitInfo['kind'],
    spec,
    counts: { ...s.counts, unused: Math.max(0, rows - used) },
    seed: typeof spec.seed === 'number' ? spec.seed : null,
    createdAt: s.createdAt,
  };
}

/**
 * A lab open read-only (its database failed the start-up check) cannot write splits: 'not-available' with
 * the lab's notice (what to do), as the dataset actions say it (store-datasets.ts), never SQLite's raw
 * 'attempt to write a readonly database', nor 'invalid-payload' (the request was fine; the lab is not).
 */
function writable(registry: DatasetRegistry, action: string): void {
  try {
    registry.assertWritable(action);
  } catch (e) {
    throw new LabError('not-available', (e as Error).message);
  }
}

export class LabSplits {
  private readonly registry: DatasetRegistry | null;

  constructor(store: LabStore | null, paths: LabPaths) {
    this.registry = store ? new DatasetRegistry(store, paths) : null;
  }

  list(datasetId: string): SplitInfo[] {
    const { registry, dataset } = this.find(datasetId);
    return registry.store.splits.list(dataset.id).map((s) => infoOf(s, dataset.rows));
  }

  async create(datasetId: string, name: string | undefined, spec: NewSplitSpec): Promise<CreatedSplit> {
    const { registry, dataset } = this.find(datasetId);
    writable(registry, 'create a split');
    this.checkColumns(dataset, spec);
    const existing = registry.store.splits.list(dataset.id);
    const chosen = name ?? unusedName(spec.kind, existing.map((s) => s.name));
    const replaced = existing.find((s) => s.name === chosen);
    // Replacing a split deletes its id, and runs that name that id (data.splitId) could then no longer
    // resume, be tried, analysed or exported with their preprocessing: the app refuses, naming them, as
    // the CLI's `datasets split --name` does.
    if (replaced) {
      const users = registry.store.splits.runsNaming(replaced.id);
      if (users.length) {
        throw new LabError('invalid-payload', `splits.create: name: split '${chosen}' (id ${replaced.id}) is used by ${users.length === 1 ? 'run' : 'runs'} ${users.slice(0, 8).join(', ')}${users.length > 8 ? ', …' : ''}; replacing it would cut ${users.length === 1 ? 'that run' : 'them'} off from its rows. Give the new split another name`);
      }
    }
    let stored: StoredSplit;
    try {
      stored = await createSplit(registry, dataset.id, chosen, spec);
    } catch (e) {
      throw new LabError('invalid-payload', `splits.create: ${(e as Error).message}`);
    }
    return { split: infoOf(stored, dataset.rows), replaced: replaced ? { id: String(replaced.id) } : null };
  }

  /** Deletes a split of the dataset; one that runs name (data.splitId) is refused, naming them (store/splits.ts). */
  delete(datasetId: string, id: string): DeletedSplit {
    const { registry, dataset } = this.find(datasetId);
    writable(registry, 'delete a split');
    const split = registry.store.splits.list(dataset.id).find((s) => String(s.id) === id);
    if (!split) throw new LabError('not-found', `splits.delete: id: dataset '${dataset.name}' has no split with id ${id} (it may have been deleted already); its splits: ${registry.store.splits.list(dataset.id).map((s) => `${s.name} (id ${s.id})`).join(', ') || 'none'}`);
    try {
      registry.store.splits.delete(split.id);
    } catch (e) {
      if (e instanceof SplitInUseError) throw new LabError('invalid-payload', `splits.delete: ${e.message}`);
      throw e;
    }
    return { deleted: { id, name: split.name } };
  }

  // A column the split reads must exist and have a type the split can use; said with the field's name.
  private checkColumns(dataset: Dataset, spec: NewSplitSpec): void {
    const wanted: Array<[string, string, string[] | null]> = [];
    if (spec.kind === 'stratified') wanted.push(['spec.column', spec.column, STRATIFY_TYPES]);
    if (spec.kind === 'leave-last-out') wanted.push(['spec.userColumn', spec.userColumn, null], ['spec.timeColumn', spec.timeColumn, ['datetime', 'int', 'float']]);
    for (const [field, name, types] of wanted) {
      const c = dataset.columns.find((x) => x.name === name);
      if (!c) throw new LabError('invalid-payload', `splits.create: ${field}: dataset '${dataset.name}' has no column '${name}'${didYouMean(name, dataset.columns.map((x) => x.name))}; its columns: ${dataset.columns.map((x) => x.name).slice(0, 30).join(', ')}`);
      const type = c.typeOverride ?? c.type;
      if (types && !types.includes(type)) throw new LabError('invalid-payload', `splits.create: ${field}: column '${name}' is ${type}; pick a ${types.join(', ')} column`);
    }
  }

  private find(datasetId: string): { registry: DatasetRegistry; dataset: Dataset } {
    if (!this.registry) throw new LabError('not-available', 'splits need the lab\'s dataset store');
    const dataset = /^\d+$/.test(datasetId) ? this.registry.get(Number(datasetId)) : undefined;
    if (!dataset) throw new LabError('not-found', `no dataset with id '${datasetId}' (it may have been deleted); pick one from the list`);
    return { registry: this.registry, dataset };
  }
}
