// How a dataset's columns feed a template family (the "binding"), shared by the lab (which builds it from
// column roles and computes the data-shaped config fields) and the trainer (which builds batches from it):
//   forecasting: numeric channels in and out;  recsys: categorical fields + numeric + a click label (and
//   the rating behind it, for multi-task MMoE);
//   fusion: modalities (column groups) + a label.
// Plus the feature pipeline each family needs and the template fields the data decides.
import { forecastingTargetNotes, type PivotColumns } from './forecasting-target-note';
import { z } from 'zod';
import {
  SplitSpec, vocabularySize, type SplitSpecInput, type ColumnRole, type ColumnSource, type ColumnTypeName, type FittedPipeline, type FittedStep,
  type HashedNgramsState, type MultiHotState, type PipelineSpecInput, type ScalerState, type VocabularyState,
} from '../data';
import { TEXT_BUCKETS, type Family } from './base';
import { WORD_RULES } from '../data';
import { ratingAdvice, type StatsHints } from './stats-hints';
import { IMPLICIT_FEEDBACK_HINT, MAX_INTEGER_CLASSES, distinctNumbers } from './target';
import { TARGET_TASKS, type TargetTask } from './regression-target';
import { shellWord } from '../text/shell-word';
import { LABEL_NAMES, likelyTarget } from './likely-target';
import { CODED, NUMERIC, timeColumnOf } from './column-kinds';
import { forecastingFitProblem, noChannelsToForecast } from './forecast-fit';


const names = z.array(z.string().min(1));

export const DataColumns = z.discriminatedUnion('family', [
  z.object({ family: z.literal('forecasting'), channels: names.min(1), stride: z.number().int().positive().default(1) }),
  z.object({
    family: z.literal('recsys'),
    fields: names.min(1),
    numeric: names.default([]),
    multiHot: z.array(z.object({ name: z.string(), columns: names.min(1) })).default([]),
    label: z.object({ column: z.string(), positiveAtLeast: z.number().optional(), positive: z.string().optional(), minorityPositive: z.boolean().optional() }),
    rating: z.string().optional(),
  }),
  z.object({
    family: z.literal('fusion'),
    modalities: z.array(z.object({ name: z.string().min(1), columns: names.min(1) })).min(1), // one: text-only / tabular-only; gated fusions need 2 (their schemas say so)
    label: z.string(),
    /** Filled by the trainer from the target's values (common/models/target.ts): 1 binary, k ≥ 3 classes. */
    classes: z.number().int().min(1).default(1),
    /** The label rule: value ≥ t is the positive class (a numeric target read as binary). */
    positiveAtLeast: z.number().optional(),
    /** The value of a two-valued target that is the positive class (the run's model.positive); target.ts TargetOptions. */
    positive: z.string().optional(),
    /** Two values no word decides: the rarer is positive (set for runs created since the rule; absent, the later in sorted order). */
    minorityPositive: z.boolean().optional(),
    /**
     * Classes or a number to regress (the run's model.task; regression-target.ts states the auto rule).
     * bindTarget sets 'regression' once the values decide it; absent in runs from before regression (auto).
     */
    task: z.enum(TARGET_TASKS).optional(),
    /** Hashed n-gram buckets per text column: the run's model.textBuckets (model-columns.ts), else the default. */
    textBuckets: z.number().int().min(16).max(1 << 20).default(TEXT_BUCKETS),
    /** How text splits into words (common/data/text-hashing.ts WORD_RULES): the run's model.textWords; absent, 'letters-v1'. */
    textWords: z.enum(WORD_RULES).optional(),
    /**
     * One-hot cap of a categorical column (its most frequent training values + one "other"): set by today's
     * column rule from the run's model.maxCategories (usable-columns.ts); absent, uncapped, as runs were built
     * before the cap.
     */
    maxCategories: z.number().int().min(1).optional(),
  }),
]);
export type DataColumns = z.output<typeof DataColumns>;

/** A binding: the split protocol and the columns' parts. */
export const DataBinding = z.object({ split: SplitSpec, columns: DataColumns });
export type DataBinding = z.output<typeof DataBinding>;
export type DataBindingInput = z.input<typeof DataBinding>;

type StateOf<K extends string> = K extends 'zscore' | 'minmax' ? ScalerState : K extends 'vocabulary' ? VocabularyState
  : K extends 'multi-hot' ? MultiHotState : K extends 'hashed-ngrams' ? HashedNgramsState : never;

/** The state fitted for `target` with one of `kinds`; throws naming the column and the step to add. */
export function stateFor<K extends 'zscore' | 'minmax' | 'vocabulary' | 'multi-hot' | 'hashed-ngrams'>(
  fitted: FittedPipeline, target: string, kinds: readonly K[],
): StateOf<K> {
  const step = fitted.steps.find((s: FittedStep) => s.target === target && (kinds as readonly string[]).includes(s.state.kind));
  if (!step) throw new Error(`column '${target}': the fitted pipeline has no ${kinds.join(' or ')} step for it; add one (e.g. { transform: '${kinds[0]}', column: '${target}' })`);
  return step.state as StateOf<K>;
}

/**
 * The pipeline a binding needs, from column types (text → hashed n-grams, codes → vocabulary, numbers → z-score).
 * Recsys and fusion numeric features are log-scaled first when heavy-tailed ('auto'), or, with `logScaled`
 * (the columns a run's trainer logged, so a resume or an export re-derives the same inputs), exactly those.
 * Forecasting channels and the MMoE rating stay linear: their outputs are read back in the column's units.
 */
export function pipelineFor(typeOf: (column: string) => string | undefined, c: DataColumns, o: { logScaled?: readonly string[] } = {}): PipelineSpecInput {
  const log = (column: string) => (o.logScaled ? (o.logScaled.includes(column) ? 'always' as const : 'never' as const) : 'auto' as const);
  if (c.family === 'forecasting') return { steps: c.channels.map((column) => ({ transform: 'zscore' as const, column })) };
  if (c.family === 'recsys') {
    return { steps: [
      ...c.fields.map((column) => ({ transform: 'vocabulary' as const, column })),
      ...c.numeric.map((column) => ({ transform: 'zscore' as const, column, log: log(column) })),
      // one column of separated lists (`Action|Comedy`), or several 0/1 indicator columns
      ...c.multiHot.map((m) => (m.columns.length === 1 && CODED.has(typeOf(m.columns[0]) ?? '')
        ? { transform: 'multi-hot' as const, name: m.name, column: m.columns[0], separator: '|' }
        : { transform: 'multi-hot' as const, name: m.name, columns: m.columns })),
      ...(c.rating ? [{ transform: 'zscore' as const, column: c.rating }] : []),
    ] };
  }
  const features = c.modalities.flatMap((m) => m.columns.flatMap((column): PipelineSpecInput['steps'] => {
    const t = typeOf(column);
    if (t === 'vector') return []; // embeddings go in as they are
    if (t === 'text') return [{ transform: 'hashed-ngrams' as const, column, buckets: c.textBuckets, ...(c.textWords ? { words: c.textWords } : {}) }];
    if (t === 'categorical' || t === 'boolean') return [{ transform: 'vocabulary' as const, column, ...(c.maxCategories ? { maxSize: c.maxCategories } : {}) }];
    return [{ transform: 'zscore' as const, column, log: log(column) }];
  }));
  // A regressed target is learned standardized, its mean and std fitted on the training rows like every
  // feature's (never log-scaled: the model's output is unscaled back to the column's units in the graph).
  return { steps: c.task === 'regression' ? [...features, { transform: 'zscore' as const, column: c.label }] : features };
}

/** Width of one fusion column after encoding: vocabulary one-hot, hashed n-gram buckets, vector dim, or 1. */
export function encodedWidth(data: ColumnSource, fitted: FittedPipeline, column: string): number {
  const step = fitted.steps.find((s) => s.target === column);
  if (step?.state.kind === 'vocabulary') return vocabularySize(step.state);
  if (step?.state.kind === 'hashed-ngrams') return step.state.buckets;
  return data.column(column).dim ?? 1;
}

/** The template fields the data decides (they override the user's values). */
export function dataShape(data: ColumnSource, fitted: FittedPipeline, c: DataColumns, window: { lookback?: number; horizon?: number } = {}): Record<string, unknown> {
  if (c.family === 'forecasting') return { channels: c.channels.length, lookback: window.lookback ?? 336, horizon: window.horizon ?? 96 };
  if (c.family === 'recsys') {
    const multi = c.multiHot.reduce((n, m) => n + vocabularySize(stateFor(fitted, m.name, ['multi-hot'])), 0);
    return { fields: c.fields.map((f) => vocabularySize(stateFor(fitted, f, ['vocabulary']))), numeric: c.numeric.length + multi };
  }
  const modalities = c.modalities.map((m) => ({ name: m.name, dim: m.columns.reduce((n, col) => n + encodedWidth(data, fitted, col), 0) }));
  if (c.task !== 'regression') return { modalities, classes: c.classes };
  // the model unscales its output with these (engine/models/fusion/common.ts), so its prediction is in the target's units
  const s = stateFor(fitted, c.label, ['zscore']) as { mean: number; std: number };
  return { modalities, classes: 1, task: 'regression', targetScale: { mean: s.mean, std: s.std } };
}

export interface ColumnDescription { name: string; type: ColumnTypeName; role: ColumnRole; modality: string | null }

/**
 * A chronological split of recommendation or fusion data orders its rows by the column with role time
 * (common/data/split.ts byTime): those files are often grouped by user or item, not sorted by time, and by
 * row order every test row could be earlier than the latest training one. Forecasting keeps row order (its
 * windows read rows in file order; checkForecastingRows warns when the file is not sorted).
 */
export function orderedByTime<S extends SplitSpecInput>(split: S, family: Family, columns: ReadonlyArray<{ name: string; role: string }>): S {
  if (split.kind !== 'chronological' || family === 'forecasting' || split.timeColumn) return split;
  const time = columns.find((c) => c.role === 'time')?.name;
  return time ? { ...split, timeColumn: time } : split;
}

/**
 * What the forecasting data line says about the columns defaultBinding does not make channels: used
 * non-numeric columns other than the time index ("not forecast: is_weekend (boolean), season (categorical)";
 * one without any value is `leftOut`, "empty (all missing)", as an empty numeric channel is), and, when a
 * column has the target role, that it selects nothing. ARCHITECTURE §4: forecasting is multivariate (every
 * channel in and out, the ETT "M" setting its published baselines use), so a target cannot narrow it;
 * saying so beats accepting `--target OT` silently.
 */
export function forecastingColumnNotes(columns: ReadonlyArray<{ name: string; type: string; role: string }>, isEmpty: (column: string) => boolean = () => false, long?: PivotColumns):
  { leftOut: string[]; notes: string[] } {
  const used = columns.filter((c) => c.role !== 'ignore');
  const time = timeColumnOf(used);
  const skipped = used.filter((c) => !NUMERIC.has(c.type as ColumnTypeName) && c.name !== time && c.role !== 'time' && c.role !== 'series-id');
  const notForecast = skipped.filter((c) => !isEmpty(c.name));
  // only a numeric target is a channel with an error of its own; another one is among the "not forecast"
  const targets = used.filter((c) => c.role === 'target' && NUMERIC.has(c.type as ColumnTypeName)).map((c) => c.name);
  return {
    leftOut: skipped.filter((c) => isEmpty(c.name)).map((c) => `${c.name} (all missing)`),
    notes: [
      // without a time column nothing says the rows are steps of a series: the line says how they were read
      ...(time ? [] : ['no time column: rows read in file order']),
      ...(notForecast.length ? [`not forecast: ${notForecast.map((c) => `${c.name} (${c.type})`).join(', ')}`] : []),
      // the papers' MS setting (one target, the rest as inputs only) has no template: say how to get close today
      ...forecastingTargetNotes(targets, long),
    ],
  };
}


/** Fusion inputs the user gave no modality group: feature (or categorical) columns other than the target and times. */
function ungroupedFeatures<C extends { name: string; type: string; role: string; modality?: string | null }>(used: readonly C[], target: C | undefined): C[] {
  return used.filter((c) => c !== target && !c.modality && c.type !== 'datetime' && (c.role === 'feature' || c.role === 'categorical'));
}
const defaultModality = (c: { name: string; type: string }) => (c.type === 'text' ? 'text' : c.type === 'vector' ? c.name : 'tabular');

/**
 * What the fusion data line says about modality groups: when the user grouped some columns but not
 * others, which ungrouped ones joined a default group ("no modality given: acc_2, acc_3 → tabular"), so
 * a third modality the user did not name is never a surprise (and nothing is left out silently).
 */
export function fusionColumnNotes(columns: ReadonlyArray<{ name: string; type: string; role: string; modality?: string | null }>): string[] {
  const used = columns.filter((c) => c.role !== 'ignore');
  // Datetime features are not encoded (no export could describe how a date cell becomes a number yet): say so.
  const dates = used.filter((c) => c.type === 'datetime' && c.role !== 'time' && c.role !== 'target').map((c) => c.name);
  const datesNote = dates.length ? [`left out: ${dates.join(', ')} (datetime; fusion models do not encode dates: give it the role time, or derive a numeric or categorical column from it)`] : [];
  if (!used.some((c) => c.modality && c.role !== 'target')) return datesNote;
  const target = used.find((c) => c.role === 'target');
  const joined = new Map<string, string[]>();
  for (const c of ungroupedFeatures(used, target)) joined.set(defaultModality(c), [...(joined.get(defaultModality(c)) ?? []), c.name]);
  if (!joined.size) return datesNote;
  const list = (names: string[]) => names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length})` : '');
  return [...datesNote, `no modality given: ${[...joined].map(([m, names]) => `${list(names)} → ${m}`).join('; ')} (give them a modality group, or the role ignore to leave them out)`];
}

/**
 * CTR inputs among the columns left once the target and the multi-hot columns are set aside: fields (the role
 * categorical, or a categorical or boolean type) and numeric inputs (int or float with the role feature).
 * defaultBinding binds by it and ctrColumnNotes names the rest; a run's binding is re-derived from its column
 * snapshot by this rule (run-binding.ts), so changing it would change what old runs read.
 */
function ctrInputs(rest: ReadonlyArray<{ name: string; type: string; role: string }>): { fields: string[]; numeric: string[] } {
  const fields = rest.filter((c) => c.role === 'categorical' || c.type === 'categorical' || c.type === 'boolean').map((c) => c.name);
  const numeric = rest.filter((c) => c.role === 'feature' && NUMERIC.has(c.type as ColumnTypeName) && !fields.includes(c.name)).map((c) => c.name);
  return { fields, numeric };
}

/** Why a CTR binding does not read a column, and what to do to use it (no brackets: run-inputs.ts reads the note). */
function ctrLeftOutReason(c: { type: string; role: string }): string {
  if (c.type === 'datetime') return 'datetime: a CTR model does not read times; to use it, derive hour-of-day or weekday columns from it in the file and import it again';
  if (c.type === 'text') return 'text: a CTR model does not read text; use a fusion template, or give it the role categorical if its values are codes';
  if (c.type === 'vector') return 'vector: a CTR model does not read vectors; use a fusion template';
  return `role ${c.role}: a CTR model reads columns with the role feature or categorical`;
}

/**
 * What the CTR data line says about the columns it reads in a way the user may not expect (forecasting's and
 * fusion's lines do the same for theirs). `leftOut`: used columns that are neither fields nor numeric inputs
 * (a datetime such as Avazu's `hour`, text, vectors, numbers with another role), each with why and what to
 * do, for the "left out" note. `notes`: integer columns with few distinct values (2 to MAX_INTEGER_CLASSES,
 * the count under which an integer target reads as classes; any count when named C1, C14…: anonymised
 * categories) read as numbers (z-scored): codes such as
 * Avazu's `C1` or `banner_pos` usually mean a category, not an amount, and the role categorical makes one a
 * field. Only said, never changed: the binding is the run's (ctrInputs), and old runs must read their
 * columns as they trained. `numbersOf`: the column's values (NaN missing), to count their distinct integers.
 * `datasetId`: the dataset's id, so the command can be pasted (without it the command says ID).
 */
export function ctrColumnNotes(columns: ReadonlyArray<{ name: string; type: string; role: string }>, numbersOf?: (column: string) => ArrayLike<number>, datasetId?: number):
  { leftOut: string[]; notes: string[] } {
  const used = columns.filter((c) => c.role !== 'ignore');
  const target = used.find((c) => c.role === 'target');
  const rest = used.filter((c) => c !== target && c.role !== 'multi-hot');
  const { fields, numeric } = ctrInputs(rest);
  const read = new Set([...fields, ...numeric]);
  const leftOut = rest.filter((c) => !read.has(c.name)).map((c) => `${c.name} (${ctrLeftOutReason(c)})`);
  const codes = !numbersOf ? [] : numeric.flatMap((name) => {
    const values = numbersOf(name);
    const { seen, integers } = distinctNumbers(values.length, (r) => values[r], MAX_INTEGER_CLASSES);
    // Avazu's C14…C21 (and Criteo-style C1…C26 written as integers) are anonymised categories however many values they have
    const code = seen.size <= MAX_INTEGER_CLASSES || /^C\d+$/.test(name);
    return integers && seen.size >= 2 && code ? [{ name, distinct: seen.size }] : [];
  });
  const counted = (c: { name: string; distinct: number }) => `${c.name} (${c.distinct > MAX_INTEGER_CLASSES ? `more than ${MAX_INTEGER_CLASSES}` : c.distinct} distinct integers)`;
  // Past 8, the rest are named without their counts: an Avazu log has 10 such codes, and a note that hid two
  // of them ("… (10 in all)") left the user guessing which; the second command makes every one a field at once.
  const listed = codes.slice(0, 8).map(counted).join(', ') +
    (codes.length > 8 ? `, and ${codes.slice(8).map((c) => c.name).join(', ')} (${codes.length} in all)` : '');
  const roles = (some: typeof codes) => `gatelab datasets roles ${datasetId ?? 'ID'} ${some.map((c) => shellWord(`${c.name}=categorical`)).join(' ')}`;
  const all = codes.length > 1 ? `; if all are codes: ${roles(codes)}` : '';
  const notes = codes.length ? [`read as numbers, not fields: ${listed}; if one is a code, make it a field with the role categorical (${roles(codes.slice(0, 1))}${all})`] : [];
  return { leftOut, notes };
}

/**
 * The default binding of a family from column types and roles, with the family's default split:
 * forecasting: every numeric column not marked ignore/target-less is a channel, chronological 70/10/20
 * (or `split: 'ett'`); recsys: categorical columns are fields, the target column is the label (threshold
 * `positiveAtLeast`), seeded random 80/10/10; fusion: columns grouped by their modality, stratified 80/10/10.
 * Throws a message saying which role to set when the columns do not say enough.
 */
export function defaultBinding(family: Family, columns: ColumnDescription[], o: { split?: string; positiveAtLeast?: number; positive?: string; minorityPositive?: boolean; seed?: number; task?: TargetTask; hints?: StatsHints } = {}): DataBindingInput {
  const choice = { ...(o.positive !== undefined ? { positive: o.positive } : {}), ...(o.minorityPositive ? { minorityPositive: true } : {}) };
  const used = columns.filter((c) => c.role !== 'ignore');
  const target = used.find((c) => c.role === 'target');
  const seed = o.seed ?? 42;
  const ratios = { train: 0.8, val: 0.1, test: 0.1 };
  if (family === 'forecasting') {
    const channels = used.filter((c) => NUMERIC.has(c.type) && c.role !== 'time' && c.role !== 'series-id').map((c) => c.name);
    if (!channels.length) throw new Error(noChannelsToForecast(used, o.hints?.twoValued));
    const time = timeColumnOf(used);
    const split = o.split === 'ett' ? { kind: 'ett' as const, ...(time ? { timeColumn: time } : {}) } : { kind: 'chronological' as const };
    return { split, columns: { family, channels } };
  }
  if (!target) {
    // name the likely column: a user whose file has 'click' or 'label' should not have to guess
    const likely = likelyTarget(used, o.hints?.twoValued);
    // a headerless ratings file names no label, yet its ratings are one with a threshold: not an interaction log
    // ('rating' itself is a label's name: say its threshold too, or the next refusal asks for one). A column
    // guessed only for being two-valued (Amazon's 'verified') gives way to a rating named as one ('overall')
    const isRating = (c: { name: string }) => o.hints?.ratings.has(c.name) === true;
    const namedRating = likely && !LABEL_NAMES.test(likely.name.trim()) ? used.find((c) => isRating(c) && !/^column_\d+$/.test(c.name)) : undefined;
    const rated = family !== 'recsys' ? undefined : likely ? (isRating(likely) ? likely : namedRating) : used.find(isRating);
    const r = rated && o.hints!.ratings.get(rated.name)!;
    const rating = r ? ` (${ratingAdvice(rated!.name, r)})` : '';
    // a recsys dataset with no label-like column is most often an interaction log (user, item, time):
    // say why that cannot train a CTR model, instead of leaving the user to pick a column at random
    const implicit = family === 'recsys' && !likely && !rated ? `. ${IMPLICIT_FEEDBACK_HINT}` : '';
    throw new Error(`a ${family === 'recsys' ? 'recommendation (CTR)' : family} model needs a target column: gatelab datasets roles ID <column>=target${likely && !rated ? ` (the column '${likely.name}' looks like one)` : ''}${rating}${implicit}`);
  }
  if (family === 'recsys') {
    // multi-hot: a column of separated lists is one multi-hot of its own; 0/1 indicator columns (MovieLens'
    // genres) form one multi-hot per modality group, or together one named 'multi_hot'
    const multi = used.filter((c) => c !== target && c.role === 'multi-hot');
    const indicators = new Map<string, string[]>();
    for (const c of multi.filter((x) => !CODED.has(x.type))) indicators.set(c.modality ?? 'multi_hot', [...(indicators.get(c.modality ?? 'multi_hot') ?? []), c.name]);
    const multiHot = [...multi.filter((x) => CODED.has(x.type)).map((c) => ({ name: c.name, columns: [c.name] })), ...[...indicators].map(([name, columns]) => ({ name, columns }))];
    const rest = used.filter((c) => c !== target && c.role !== 'multi-hot');
    const { fields, numeric } = ctrInputs(rest);
    if (!fields.length) {
      // A headerless event log (MovieLens' u.data) reads its user and item ids as integers: name them,
      // so the user sees which columns the role is meant for instead of guessing among column_1…column_n.
      // A headerless log's Unix seconds (ratings.dat's column_4) are a time, not an id: as a field, ML-1M's
      // 460,000 distinct times would each get an embedding. `o.hints` (stats-hints.ts) names them when the caller has the stats.
      const ints = rest.filter((c) => c.type === 'int' && c.role === 'feature').map((c) => c.name);
      const ids = ints.filter((n) => !o.hints?.epochSeconds.has(n));
      const times = ints.filter((n) => o.hints?.epochSeconds.has(n));
      const hint = ids.length ? ` (integer columns that may hold ids: ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''})` : '';
      const time = times.length ? `; ${times.join(', ')} ${times.length === 1 ? 'looks' : 'look'} like Unix seconds, a time rather than an id (to leave ${times.length === 1 ? 'it' : 'them'} out: gatelab datasets roles ID ${times.map((n) => shellWord(`${n}=ignore`)).join(' ')})` : '';
      throw new Error(`a recommendation (CTR) model needs categorical fields: gatelab datasets roles ID <column>=categorical${hint}${time}`);
    }
    // A numeric target read as a click by a rule (MovieLens: rating ≥ 4) is a rating: MMoE's second task
    // regresses it (its batch needs 'rating'). Other templates leave it unused (a batch feeds only what
    // the graph takes, and a model without a rating tower is scored on the click only).
    const rating = NUMERIC.has(target.type) && o.positiveAtLeast !== undefined ? { rating: target.name } : {};
    return { split: { kind: 'random', ratios, seed }, columns: { family, fields, numeric, multiHot, label: { column: target.name, positiveAtLeast: o.positiveAtLeast, ...choice }, ...rating } };
  }
  const groups = new Map<string, string[]>();
  for (const c of used) if (c !== target && c.modality && c.type !== 'datetime') groups.set(c.modality, [...(groups.get(c.modality) ?? []), c.name]);
  // Feature columns without a modality take the obvious one: text columns 'text', each vector column (an
  // embedding) a modality of its own named after it, the others 'tabular' (the user can regroup with
  // `datasets roles`). This also holds when the user grouped only some columns: a column is never dropped
  // for lacking a group (fusionColumnNotes names the ones that joined a default group; role ignore leaves one out).
  for (const c of ungroupedFeatures(used, target)) {
    const m = defaultModality(c);
    groups.set(m, [...(groups.get(m) ?? []), c.name]);
  }
  if (groups.size < 1) throw new Error('a fusion model needs at least one modality (a column group; gated fusions need two); found none: gatelab datasets roles ID <column>=feature:<modality>');
  return {
    split: { kind: 'stratified', ratios, column: target.name, seed },
    columns: { family, modalities: [...groups].map(([name, cols]) => ({ name, columns: cols })), label: target.name, ...(o.positiveAtLeast !== undefined ? { positiveAtLeast: o.positiveAtLeast } : {}), ...choice,
      ...(o.task !== undefined && o.task !== 'auto' ? { task: o.task } : {}) },
  };
}
