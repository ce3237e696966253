// Splits in the user's words: what each kind does (README's split table), the family defaults a run
// uses without a stored split, which columns each kind may read, and the Split form's values as the
// lab's NewSplitSpec, with each problem under the form field it belongs to.
import { NewSplitSpec, type ColumnInfo, type DatasetDetail, type Family, type SplitInfo, type SplitKind } from '../../common/lab-api';
import { regressesByStats } from '../../common/models/regression-reading';

export type NewKind = Exclude<SplitKind, 'given'>;

export const KIND_LABELS: Record<SplitKind, string> = {
  ett: 'ETT months',
  chronological: 'Chronological',
  random: 'Random',
  stratified: 'Stratified',
  'leave-last-out': 'Leave last out',
  given: 'Given files',
};

/** One line per kind: what it does, what it is for (README "Splits"). */
export const KIND_DESCRIPTIONS: Record<SplitKind, string> = {
  ett: 'Chronological 12 / 4 / 4 months of 30 days by rows (rows per hour read from the time column); later rows unused. For ETTh1/ETTm1 results comparable with Informer, DLinear, PatchTST, TSMixer.',
  chronological: 'First / next / last rows by row order with your ratios (default 70 / 10 / 20). For other time series.',
  random: 'Seeded shuffle, exact part sizes. For CTR (BARS uses 7:2:1).',
  stratified: 'Seeded shuffle within each class of a column, so every part keeps the class balance. For imbalanced classification, fusion.',
  'leave-last-out': 'Per user, the latest interaction (by the time column) is test, the one before validation, the rest train. For sequential recommendation.',
  given: 'Rows matched to your split files by their values (MovieLens u1.base / u1.test). Needs the files: create it with the CLI.',
};

export const NEW_KINDS: NewKind[] = ['ett', 'chronological', 'random', 'stratified', 'leave-last-out'];

/** What a run trains on without a stored split (common/models/binding defaultBinding), in a newcomer's words. */
export const FAMILY_DEFAULTS: Record<Family, string> = {
  forecasting: 'by time: 70% train, 10% validation, 20% test',
  recsys: 'random 80/10/10, seed 42',
  fusion: 'stratified by the target 80/10/10, seed 42; random when the target is a number to regress',
};

/**
 * A column that reads as a number to regress by the trainer's auto rule (common/models/regression-reading.ts):
 * stratifying by it would make each value its own class, one validation row and one test row, so the lab
 * refuses such a split and the fusion default is random for such a target.
 */
const readsAsNumber = (c: ColumnInfo): boolean => regressesByStats(c);

/**
 * The default split of this dataset's family, in words: for a fusion set whose target is a number to regress,
 * the random split it actually gets (common/models/regression-split.ts), naming the target; for a class
 * target, the stratified split by that column; with no target yet, both rules.
 */
export function familyDefault(family: Family, columns: readonly ColumnInfo[]): string {
  const target = columns.find((c) => c.role === 'target');
  if (family === 'fusion' && target && readsAsNumber(target)) return `random 80/10/10, seed 42 (the target '${target.name}' is a number to regress: it has no classes to stratify by)`;
  // a class target: the one rule that applies, with its name (the caveat for a number to regress only puzzled)
  if (family === 'fusion' && target) return `stratified by the target '${target.name}' 80/10/10, seed 42`;
  return FAMILY_DEFAULTS[family];
}

/** The CLI command for a 'given' split (the app cannot read split files by path). */
export const givenCommand = (datasetId: string) => `gatelab datasets split ${datasetId} --kind given --train u1.base --test u1.test --name u1`;

/** Why a family cannot train on a kind of split, or null: forecasting windows must not cross parts. */
export function splitProblem(family: Family | null | undefined, kind: SplitKind): string | null {
  if (family === 'forecasting' && kind !== 'ett' && kind !== 'chronological') return 'forecasting needs a split by time (ett or chronological)';
  return null;
}

export type ColumnUse = 'stratify' | 'user' | 'time';
const TYPES: Record<ColumnUse, readonly string[] | null> = {
  stratify: ['categorical', 'boolean', 'int'], // each value a class; a float column would make a class per row
  user: null,
  time: ['datetime', 'int', 'float'],
};
/** A number column named like a time ("rated at", "timestamp", "unix_time"): the likely clock when no column is a date. */
const TIME_NAME = /time|date|stamp|when|(^|[\s_])at$|epoch|day|hour|ts$/i;

/**
 * The dataset's columns a kind may read for `use`; the target first for stratify. For time: the column
 * whose role is time, then dates; numbers only when there is neither (a rating or an age is no clock),
 * those named like a time first.
 */
export function columnsFor(use: ColumnUse, columns: readonly ColumnInfo[]): string[] {
  // stratify: whole numbers with more values than a sane class count are a number too (the lab refuses them)
  const fit = columns.filter((c) => c.role !== 'ignore' && (!TYPES[use] || TYPES[use]!.includes(c.type)) && !(use === 'stratify' && readsAsNumber(c)));
  if (use === 'time') {
    const clocks = fit.filter((c) => c.role === 'time' || c.type === 'datetime');
    const ordered = clocks.length ? [...clocks.filter((c) => c.role === 'time'), ...clocks.filter((c) => c.role !== 'time')] : [...fit.filter((c) => TIME_NAME.test(c.name)), ...fit.filter((c) => !TIME_NAME.test(c.name))];
    return ordered.map((c) => c.name);
  }
  const first = use === 'stratify' ? 'target' : 'categorical';
  return [...fit.filter((c) => c.role === first), ...fit.filter((c) => c.role !== first)].map((c) => c.name);
}

/** Rows the ETT split needs from hourly data: 12 + 4 + 4 months of 30 days (common/data/split.ts). */
export const ETT_HOURLY_ROWS = 20 * 30 * 24;

/**
 * The kind *New split* starts with, following each family's protocol (README "Splits"): a series over
 * time is split by time (ETT months when it is long enough for them, else chronological), a fusion set
 * stratified by its target (modality groups mark one without a family) unless the target is a number to
 * regress (then at random, as its runs' default split), a click log at random. A file imported without a
 * family is judged by its columns: a time index or a date column make it a series.
 */
export function defaultKind(dataset: Pick<DatasetDetail, 'family' | 'rows' | 'columnInfo'>): NewKind {
  const cols = dataset.columnInfo.filter((c) => c.role !== 'ignore');
  const stratify = columnsFor('stratify', cols);
  const target = cols.find((c) => c.role === 'target');
  // with a target, only the target's classes make the fusion protocol's stratified split
  const stratifiable = target ? stratify.includes(target.name) : stratify.length > 0;
  if (dataset.family === 'forecasting') return dataset.rows >= ETT_HOURLY_ROWS ? 'ett' : 'chronological';
  if (dataset.family === 'recsys') return 'random';
  if (dataset.family === 'fusion' || cols.some((c) => c.modality)) return stratifiable ? 'stratified' : 'random';
  if (cols.some((c) => c.role === 'time' || c.type === 'datetime')) return 'chronological';
  return 'random';
}

export interface SplitForm {
  kind: NewKind;
  name: string;
  train: number | null;
  val: number | null;
  test: number | null;
  seed: number | null;
  column: string;
  userColumn: string;
  timeColumn: string;
}

export const DEFAULT_RATIOS: Record<NewKind, [number, number, number]> = {
  ett: [0, 0, 0], chronological: [0.7, 0.1, 0.2], random: [0.8, 0.1, 0.1], stratified: [0.8, 0.1, 0.1], 'leave-last-out': [0, 0, 0],
};

/** The form field a spec problem belongs under ('ratios' for the sum). */
function fieldOf(path: readonly PropertyKey[]): string {
  const p = path.map(String);
  if (p[0] === 'ratios') return p[1] ?? 'ratios';
  return p[0] ?? 'kind';
}

/** The form as a spec, or the problems by field (train, val, test, ratios, seed, column, userColumn, timeColumn, name). */
export function specOfForm(f: SplitForm): { spec: NewSplitSpec | null; name: string | undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = f.name.trim();
  if (name.length > 60) errors.name = 'the name must have 1 to 60 characters';
  const num = (v: number | null, field: string) => {
    if (v === null || typeof v !== 'number' || !Number.isFinite(v)) errors[field] = 'enter a number';
    return v as number;
  };
  const ratios = () => ({ train: num(f.train, 'train'), val: num(f.val, 'val'), test: num(f.test, 'test') });
  const candidate =
    f.kind === 'ett' ? { kind: f.kind }
    : f.kind === 'chronological' ? { kind: f.kind, ratios: ratios() }
    : f.kind === 'random' ? { kind: f.kind, ratios: ratios(), seed: num(f.seed, 'seed') }
    : f.kind === 'stratified' ? { kind: f.kind, ratios: ratios(), seed: num(f.seed, 'seed'), column: f.column }
    : { kind: f.kind, userColumn: f.userColumn, timeColumn: f.timeColumn };
  if (f.kind === 'stratified' && !f.column) errors.column = 'pick the column whose classes every part keeps';
  if (f.kind === 'leave-last-out' && !f.userColumn) errors.userColumn = 'pick the user column';
  if (f.kind === 'leave-last-out' && !f.timeColumn) errors.timeColumn = 'pick the time column';
  if (Object.keys(errors).length) return { spec: null, name: name || undefined, errors };
  const r = NewSplitSpec.safeParse(candidate);
  if (!r.success) for (const i of r.error.issues) errors[fieldOf(i.path)] ??= i.message;
  return { spec: r.success ? r.data : null, name: name || undefined, errors };
}

/** "70.0%" of all rows. */
export function share(n: number, total: number): string {
  return total > 0 ? `${((100 * n) / total).toFixed(1)}%` : '—';
}

/** The Models form's option: "stratified · 16,000 / 2,000 / 2,000". */
export function splitOption(s: SplitInfo): string {
  const f = new Intl.NumberFormat('en-US');
  return `${s.name} · ${f.format(s.counts.train)} / ${f.format(s.counts.val)} / ${f.format(s.counts.test)}`;
}

/** What a stored split reads, in words: "by label", "user u, time t", "ratios 0.8/0.1/0.1". */
export function splitDetail(s: SplitInfo): string {
  const spec = s.spec as { ratios?: { train: number; val: number; test: number }; column?: string; userColumn?: string; timeColumn?: string; rowsPerHour?: number };
  const parts: string[] = [];
  if (spec.ratios) parts.push(`${spec.ratios.train} / ${spec.ratios.val} / ${spec.ratios.test}`);
  if (spec.column) parts.push(`by ${spec.column}`);
  if (spec.userColumn) parts.push(`user ${spec.userColumn}, time ${spec.timeColumn}`);
  if (spec.rowsPerHour) parts.push(`${spec.rowsPerHour} rows per hour`);
  else if (s.kind === 'ett' && spec.timeColumn) parts.push(`rows per hour from ${spec.timeColumn}`);
  return parts.join(' · ');
}
