// A dataset run's binding, resolved the one way both the trainer (workers/data/run-data.ts) and the lab's
// export (main/lab/runs/run-pipeline.ts) must resolve it: the template's family, the run's column snapshot
// and label rule, and its split (a stored one, one asked for by name, or the family's default). Two copies
// of this drifted apart once already (the split-name message); the export test compares both paths.
import type { SplitResult, SplitSpecInput } from '../data';
import type { ColumnRole, ColumnTypeName } from '../data/roles';
import { defaultBinding, orderedByTime, type DataBindingInput } from './binding';
import { timeColumnOf } from './column-kinds';
import { templateInfo } from './index';
import { TARGET_TASKS, type TargetTask } from './regression-target';
import { statsHints } from './stats-hints';

const PROTOCOL_RATIOS = { train: 0.8, val: 0.1, test: 0.1 };

export interface RunBindingConfig {
  model: Record<string, unknown>;
  data: { split?: string; splitSeed?: number; splitByTime?: boolean; stratifyByTotals?: boolean; positiveByCount?: boolean };
  seed?: number;
}

/**
 * The split a run's `data.split` asks for by name, or undefined for the family's default. `seed` seeds a
 * random split. 'given' needs its split files, which only a stored split (`data.splitId`) carries.
 */
export function namedSplit(name: string | undefined, seed: number, timeColumn?: string, refuseCoarse = false): SplitSpecInput | undefined {
  if (name === undefined) return undefined;
  // the time column gives the rows per hour, so 15-minute data gets ETTm's 12/4/4 months, not 3/1/1
  if (name === 'ett') return { kind: 'ett', ...(timeColumn ? { timeColumn } : {}), ...(refuseCoarse ? { refuseCoarse } : {}) };
  if (name === 'chronological') return { kind: 'chronological' };
  if (name === 'random') return { kind: 'random', ratios: PROTOCOL_RATIOS, seed };
  throw new Error(`data.split '${name}' needs its split files: create the split with \`gatelab datasets split ID --kind given ...\` and run with --set data.splitId=SPLIT`);
}

/** A stored row assignment (0 train, 1 validation, 2 test, 3 unused) as a split. */
export function splitOfAssignment(assignment: Uint8Array): SplitResult {
  const counts = { train: 0, val: 0, test: 0 };
  for (const a of assignment) if (a === 0) counts.train++; else if (a === 1) counts.val++; else if (a === 2) counts.test++;
  return { assignment, counts, ranges: null };
}

export function runBinding(
  columns: ReadonlyArray<{ name: string; type: string; role: string; modality?: string | null; stats?: unknown }>,
  config: RunBindingConfig,
  storedSplit?: SplitSpecInput,
): { family: ReturnType<typeof templateInfo>['family']; columns: Array<{ name: string; type: ColumnTypeName; role: ColumnRole; modality: string | null }>; binding: DataBindingInput } {
  const family = templateInfo(String(config.model.template)).family;
  const described = columns.map((c) => ({ name: c.name, type: c.type as ColumnTypeName, role: c.role as ColumnRole, modality: c.modality ?? null }));
  const positiveAtLeast = typeof config.model.positiveAtLeast === 'number' ? config.model.positiveAtLeast : undefined;
  // the positive value the user chose (`--set positive='Charged Off'`), and for runs created since the rule the rarer of two values no word decides
  const choice = { ...(typeof config.model.positive === 'string' || typeof config.model.positive === 'number' ? { positive: String(config.model.positive) } : {}), ...(config.data.positiveByCount === true ? { minorityPositive: true } : {}) };
  // classes or a number (fusion's model.task; a stored run without it: auto, the rule it trained under)
  const task = (TARGET_TASKS as readonly unknown[]).includes(config.model.task) ? config.model.task as TargetTask : undefined;
  // The split's seed: fixed per dataset run since splitSeed exists (every seed of a group is tested on the
  // same rows); runs created before it keep the run seed they were trained with.
  const seed = config.data.splitSeed ?? config.seed;
  const defaults = defaultBinding(family, described, { split: config.data.split, positiveAtLeast, ...choice, seed, ...(task ? { task } : {}), hints: statsHints(columns) });
  // A stored split is its stored rows (ordered, or not, when it was created). Otherwise a chronological split
  // of recommendation/fusion data is ordered by its time column only for runs created since that rule
  // (data.splitByTime): a run from before resumes and exports on the rows it trained on.
  // (The same marker refuses 'ett' on weekly or coarser data for new runs only.)
  const chosen = storedSplit ?? namedSplit(config.data.split, seed ?? 42, timeColumnOf(described), config.data.splitByTime === true) ?? defaults.split;
  const ordered = !storedSplit && config.data.splitByTime === true ? orderedByTime(chosen, family, described) : chosen;
  // a stratified default split of a run created since the rule (data.stratifyByTotals) makes the part totals
  // the ratios' (common/data/split.ts 'part-totals'); a run from before keeps its per-class rows
  const split = !storedSplit && config.data.stratifyByTotals === true && ordered.kind === 'stratified' && ordered.allocation === undefined
    ? { ...ordered, allocation: 'part-totals' as const } : ordered;
  if (family === 'forecasting' && split.kind !== 'chronological' && split.kind !== 'ett') {
    throw new Error(`a forecasting model needs a split by time ('chronological' or 'ett'), not '${split.kind}': its windows must not cross between train and test`);
  }
  return { family, columns: described, binding: { ...defaults, split } };
}
