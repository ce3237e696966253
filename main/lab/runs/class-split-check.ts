// A classification or regression run whose split leaves train, validation or test without a row is refused
// before it is queued: the run would train to its last epoch and then have nothing to test (or validate) on.
// The rows are the trainer's: the same split spec (a regressed target's default split cut at random,
// regression-split.ts), a stored 'given' split's stored rows, and the rows without a target left out
// (common/models/target.ts bindTarget).
import { computeSplit, type ColumnSource, type SplitResult, type SplitSpecInput } from '../../../common/data';
import type { DataColumns } from '../../../common/models/binding';
import { bindTarget, type DatasetRef } from '../../../common/models/target';
import { splitForTarget } from '../../../common/models/regression-split';
import { splitOfAssignment } from '../../../common/models/run-binding';

type TargetColumns = Exclude<DataColumns, { family: 'forecasting' }>;

/** A stored split, as the run names it (`data.splitId`); `assignment` for a 'given' split, whose rows the trainer is sent. */
export interface StoredSplitRows { id: number; name: string; assignment?: Uint8Array }

const PART_WORDS = { train: 'training', val: 'validation', test: 'test' } as const;

/**
 * The run's row counts per part, as its trainer will have them; throws when a part is empty, naming the part,
 * the sizes and the way out. Errors other than the empty part (a split the trainer refuses in its own words)
 * propagate: the caller decides whether they are its to say.
 */
export function checkSplitParts(source: ColumnSource, columns: TargetColumns, spec: SplitSpecInput, typeOf: (column: string) => string | undefined,
  stored?: StoredSplitRows, dataset?: DatasetRef): SplitResult['counts'] {
  const split = stored?.assignment ? splitOfAssignment(stored.assignment)
    : computeSplit(splitForTarget(spec, source, columns, typeOf, stored ? { id: stored.id, name: stored.name } : undefined), source);
  const { split: labelled, leftOut } = bindTarget(source, columns, split, typeOf, dataset);
  const c = labelled.counts;
  const empty = (['train', 'val', 'test'] as const).filter((p) => c[p] === 0);
  if (!empty.length) return c;
  const n = (x: number) => x.toLocaleString('en-US');
  const sizes = `${n(c.train)} train / ${n(c.val)} validation / ${n(c.test)} test rows${leftOut ? ` (${n(leftOut)} rows without a target left out)` : ''}`;
  const parts = empty.map((p) => PART_WORDS[p]).join(' and ');
  const how = stored ? `split ${stored.id} '${stored.name}'` : splitWords(spec);
  const fix = stored
    ? `make a split that gives every part rows (gatelab datasets split ${dataset?.id ?? 'DATASET'} --kind random --ratios 0.8,0.1,0.1) and run with --set data.splitId=<its id>, or run without data.splitId`
    : spec.kind === 'stratified'
      ? `train with --set split=random (seeded 80/10/10), or choose a target whose classes have more rows`
      : `choose a split with a share for every part, or a dataset with more rows`;
  throw new Error(`the ${how} leaves the ${parts} part${empty.length > 1 ? 's' : ''} empty: ${sizes}. A run needs rows in train, validation and test; ${fix}`);
}

function splitWords(spec: SplitSpecInput): string {
  if (spec.kind === 'stratified') return `split stratified by '${spec.column}'`;
  return `${spec.kind} split`;
}
