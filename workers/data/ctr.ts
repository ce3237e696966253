// CTR batches: categorical fields as vocabulary ids int64 [B, F] (0 = out-of-vocabulary), numeric features
// (scaled numbers and multi-hot lists) float [B, N], and a 0/1 label [B, 1] (plus an optional second,
// regression target `rating` [B, 1] for multi-task templates). The label is read by the same rule as
// fusion's (common/models/target.ts: a threshold, or the two values' words); a CTR label must be two-valued.
// A missing number is the training mean (0 after z-scoring); rows without a label are left out.
import { assertBothClasses } from './labels';
import { assertFiniteInputs } from './finite';
import { targetCoding, type TargetCoding } from '../../common/models/target';
import {
  applyMultiHot, applyScaler, applyVocabulary, rowsOf, scaleValue, vocabularySize, PART_NAMES,
  type ColumnSource, type FittedPipeline, type FittedStep, type PartName, type ScalerState, type SplitResult,
} from '../../common/data';
import { stateFor } from './fitted';
import { tableSource, type SampleSource } from './samples';

export interface CtrData {
  /** Categorical columns, each with a fitted vocabulary. */
  fields: string[];
  /** Numeric columns, each with a fitted scaler. */
  numeric?: string[];
  /** Names of fitted multi-hot steps (their 0/1 matrices join the numeric features). */
  multiHot?: string[];
  /** The click label: a numeric column thresholded (label = value ≥ positiveAtLeast) or a two-valued column. */
  label: { column: string; positiveAtLeast?: number };
  /** The label's coding when the caller has decided it already (run-data.ts); else decided here. */
  target?: TargetCoding;
  /** A regression target (e.g. the rating), scaled with its fitted scaler when it has one. */
  rating?: string;
}

/** The data shape a CTR template needs: vocabulary sizes of the fields and the numeric width. */
export function ctrShape(fitted: FittedPipeline, o: CtrData): { fields: number[]; numeric: number } {
  const fields = o.fields.map((f) => vocabularySize(stateFor(fitted, f, ['vocabulary'])));
  const multi = (o.multiHot ?? []).map((m) => multiHotStep(fitted, m)).reduce((n, s) => n + vocabularySize(s.state), 0);
  return { fields, numeric: (o.numeric?.length ?? 0) + multi };
}

function multiHotStep(fitted: FittedPipeline, name: string) {
  const s = fitted.steps.find((x: FittedStep) => x.target === name && x.state.kind === 'multi-hot') as Extract<FittedStep, { columns: string[] }> | undefined;
  if (!s) throw new Error(`multi-hot '${name}': the fitted pipeline has no multi-hot step with that name`);
  return s;
}

/** One sample source per part (train, val, test) over the rows the split assigns to it. */
export function ctrSources(data: ColumnSource, split: SplitResult, fitted: FittedPipeline, o: CtrData): Record<PartName, SampleSource> {
  const ids = o.fields.map((f) => applyVocabulary(stateFor(fitted, f, ['vocabulary']), data.column(f)));
  const numeric: { name: string; values: Float32Array; width: number }[] = [
    ...(o.numeric ?? []).map((n) => ({ name: n, values: applyScaler(stateFor(fitted, n, ['zscore', 'minmax']), data.column(n)).map((v) => (Number.isNaN(v) ? 0 : v)), width: 1 })),
    ...(o.multiHot ?? []).map((m) => { const s = multiHotStep(fitted, m); return { name: m, values: applyMultiHot(s.state, s.columns.map((c) => data.column(c))), width: vocabularySize(s.state) }; }),
  ];
  const N = numeric.reduce((n, c) => n + c.width, 0);
  const owner = numeric.flatMap((c) => Array<string>(c.width).fill(c.name));
  const target = o.target ?? targetCoding(data.column(o.label.column), o.label.column, { positiveAtLeast: o.label.positiveAtLeast, binaryOnly: true });
  if (target.kind !== 'binary') throw new Error(`the label '${o.label.column}' has ${target.names.length} classes; a CTR model needs a two-valued label`);
  const ratingCol = o.rating ? data.column(o.rating) : null;
  const ratingScaler = o.rating ? fitted.steps.find((s) => s.target === o.rating && (s.state.kind === 'zscore' || s.state.kind === 'minmax')) : undefined;
  const parts = PART_NAMES.map((part, p) => {
    const rows = rowsOf(split.assignment, p).filter((r) => !Number.isNaN(target.labelOf(r)) && !(ratingCol && Number.isNaN(ratingCol.values[r])));
    const F = ids.length;
    const fields = new BigInt64Array(rows.length * F);
    const num = new Float32Array(rows.length * N);
    const label = new Float32Array(rows.length);
    const rating = new Float32Array(rows.length);
    rows.forEach((r, i) => {
      for (let f = 0; f < F; f++) fields[i * F + f] = BigInt(ids[f][r]);
      let k = 0;
      for (const c of numeric) for (let j = 0; j < c.width; j++) num[i * N + k++] = c.values[r * c.width + j];
      label[i] = target.labelOf(r);
      if (ratingCol) rating[i] = ratingScaler ? scaleValue(ratingScaler.state as ScalerState, ratingCol.values[r]) : ratingCol.values[r];
    });
    if (part === 'train') assertBothClasses(label, o.label.column, target.rule, target);
    assertFiniteInputs(num, N, rows, (j) => owner[j], 'numeric');
    const arrays: Parameters<typeof tableSource>[1] = {
      fields: { spec: { dtype: 'int64', shape: [F] }, data: fields },
      label: { spec: { dtype: 'float32', shape: [1] }, data: label },
    };
    if (N > 0) arrays.numeric = { spec: { dtype: 'float32', shape: [N] }, data: num };
    if (ratingCol) arrays.rating = { spec: { dtype: 'float32', shape: [1] }, data: rating };
    return [part, tableSource(rows.length, arrays)] as const;
  });
  return Object.fromEntries(parts) as Record<PartName, SampleSource>;
}
