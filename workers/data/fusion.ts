// Fusion batches: each modality (a group of columns) becomes one float vector per row, `m_<name>` [B, dim]:
// numbers scaled, categoricals one-hot over their vocabulary, text as hashed n-gram counts (log1p), vectors
// as they are; a missing number is the training mean (0 after scaling), a missing vector zeros. The label is
// binary [B, 1] or a class id int64 [B], as the target's values decide (common/models/target.ts), or for a
// regressed target (common/models/regression-target.ts) the value standardized by its training mean and std
// [B, 1], beside `y`, the value in its own units, which the metrics and Try it compare the model's
// `prediction` with. Rows without a target are left out.
import { assertBothClasses } from './labels';
import { assertFiniteInputs } from './finite';
import {
  applyHashedNgrams, applyScaler, applyVocabulary, rowsOf, vocabularySize, PART_NAMES,
  type ColumnSource, type FittedPipeline, type PartName, type SplitResult,
} from '../../common/data';
import { encodedWidth, stateFor } from '../../common/models/binding';
import { targetCoding, type TargetCoding } from '../../common/models/target';
import type { RegressionTarget } from '../../common/models/regression-target';
import { tableSource, type SampleSource } from './samples';
import type { FusionColumnKind, FusionLayout } from '../run/run-data';

export interface FusionData {
  modalities: { name: string; columns: string[] }[];
  /** The target column; its values decide binary or k classes (sorted values give the class ids). */
  label: string;
  /** The label rule: value ≥ t is positive. */
  positiveAtLeast?: number;
  /** The target's coding when the caller has decided it already (run-data.ts); else decided here. */
  target?: TargetCoding;
  /** Ignored (the target's values decide); kept so older callers still type-check. */
  classes?: number;
  /** A regressed target and its training mean and std (run-data.ts): then `target` is not read. */
  regression?: { target: RegressionTarget; mean: number; std: number };
}

/** The batch tensor holding a regressed target in its own units (the model's `label` is it standardized). */
export const RAW_TARGET = 'y';

type Encoded = { name: string; width: number; fill(r: number, out: Float32Array, at: number): void };

/**
 * How a column enters its modality's vector, by what the pipeline fitted for it, in encodeColumn's order
 * (its branches test the same things, so a gate report's names follow the encoder's layout).
 */
function encodingKind(data: ColumnSource, fitted: FittedPipeline, name: string): FusionColumnKind {
  const step = fitted.steps.find((s) => s.target === name);
  if (step?.state.kind === 'vocabulary') return 'one-hot';
  if (step?.state.kind === 'hashed-ngrams') return 'text';
  return isVector(data.column(name).dim, step !== undefined) ? 'vector' : 'number';
}

/** A vector column is used as it is: wider than 1, or a 1-wide vector without a scaler fitted for it. */
const isVector = (dim: number | undefined, scaled: boolean) => (dim ?? 1) > 1 || (dim !== undefined && !scaled);

function encodeColumn(data: ColumnSource, fitted: FittedPipeline, name: string): Encoded {
  const step = fitted.steps.find((s) => s.target === name);
  const col = data.column(name);
  if (step?.state.kind === 'vocabulary') {
    const ids = applyVocabulary(step.state, col), width = vocabularySize(step.state);
    return { name, width, fill: (r, out, at) => { out[at + ids[r]] = 1; } };
  }
  if (step?.state.kind === 'hashed-ngrams') {
    const sparse = applyHashedNgrams(step.state, col);
    return { name, width: sparse.width, fill: (r, out, at) => { for (let k = sparse.offsets[r]; k < sparse.offsets[r + 1]; k++) out[at + sparse.indices[k]] = Math.log1p(sparse.values[k]); } };
  }
  if (isVector(col.dim, step !== undefined)) {
    const dim = col.dim ?? 1;
    // A missing embedding (NaN) is zeros; an infinite element is left for assertFiniteInputs to report.
    return { name, width: dim, fill: (r, out, at) => { for (let j = 0; j < dim; j++) { const v = col.values[r * dim + j]; out[at + j] = Number.isNaN(v) ? 0 : v; } } };
  }
  const scaled = applyScaler(stateFor(fitted, name, ['zscore', 'minmax']), col);
  return { name, width: 1, fill: (r, out, at) => { out[at] = Number.isNaN(scaled[r]) ? 0 : scaled[r]; } };
}

/** Each modality's columns as the encoder lays them out (kind and width, in order): the names of its inputs. */
export function fusionLayout(data: ColumnSource, fitted: FittedPipeline, o: Pick<FusionData, 'modalities'>): FusionLayout {
  return Object.fromEntries(o.modalities.map((m) => [m.name, m.columns.map((name) => ({ name, kind: encodingKind(data, fitted, name), width: encodedWidth(data, fitted, name) }))]));
}

/** Width of each modality after encoding (the template's `modalities[].dim`). */
export function fusionShape(data: ColumnSource, fitted: FittedPipeline, o: FusionData): { name: string; dim: number }[] {
  return o.modalities.map((m) => ({ name: m.name, dim: m.columns.reduce((n, c) => n + encodedWidth(data, fitted, c), 0) }));
}

export function fusionSources(data: ColumnSource, split: SplitResult, fitted: FittedPipeline, o: FusionData): Record<PartName, SampleSource> {
  const mods = o.modalities.map((m) => {
    const cols = m.columns.map((c) => encodeColumn(data, fitted, c));
    return { name: m.name, cols, width: cols.reduce((n, c) => n + c.width, 0) };
  });
  const regression = o.regression;
  const target = regression ? undefined : o.target ?? targetCoding(data.column(o.label), o.label, { positiveAtLeast: o.positiveAtLeast });
  const missing = (r: number) => Number.isNaN(regression ? regression.target.valueOf(r) : target!.labelOf(r));
  const entries = PART_NAMES.map((part, p) => {
    const rows = rowsOf(split.assignment, p).filter((r) => !missing(r));
    const arrays: Parameters<typeof tableSource>[1] = {};
    for (const m of mods) {
      const out = new Float32Array(rows.length * m.width);
      rows.forEach((r, i) => { let at = i * m.width; for (const c of m.cols) { c.fill(r, out, at); at += c.width; } });
      const owner = m.cols.flatMap((c) => Array<string>(c.width).fill(c.name));
      assertFiniteInputs(out, m.width, rows, (j) => owner[j], `m_${m.name}`);
      arrays[`m_${m.name}`] = { spec: { dtype: 'float32', shape: [m.width] }, data: out };
    }
    if (regression) {
      const y = Float32Array.from(rows, (r) => regression.target.valueOf(r));
      arrays.label = { spec: { dtype: 'float32', shape: [1] }, data: Float32Array.from(y, (v) => (v - regression.mean) / regression.std) };
      arrays[RAW_TARGET] = { spec: { dtype: 'float32', shape: [1] }, data: y };
    } else if (target!.kind === 'binary') {
      const t = target!;
      const y = Float32Array.from(rows, (r) => t.labelOf(r));
      if (part === 'train') assertBothClasses(y, o.label, t.rule, t);
      arrays.label = { spec: { dtype: 'float32', shape: [1] }, data: y };
    } else {
      arrays.label = { spec: { dtype: 'int64', shape: [] }, data: BigInt64Array.from(rows, (r) => BigInt(target!.labelOf(r))) };
    }
    return [part, tableSource(rows.length, arrays)] as const;
  });
  return Object.fromEntries(entries) as Record<PartName, SampleSource>;
}
