// Fusion batches: each modality (a group of columns) becomes one float vector per row, `m_<name>` [B, dim]:
// numbers scaled, categoricals one-hot over their vocabulary, text as hashed n-gram counts (log1p), vectors
// as they are. The label is binary [B, 1] (classes = 1) or a class id int64 [B].
import { assertBothClasses } from './labels';
import {
  applyHashedNgrams, applyScaler, applyVocabulary, rowsOf, vocabularySize, PART_NAMES,
  type ColumnSource, type FittedPipeline, type PartName, type SplitResult,
} from '../../common/data';
import { encodedWidth, stateFor } from '../../common/models/binding';
import { tableSource, type SampleSource } from './samples';

export interface FusionData {
  modalities: { name: string; columns: string[] }[];
  /** The target column: 0/1 (classes 1) or categorical (its dictionary order gives the class ids). */
  label: string;
  classes: number;
}

type Encoded = { width: number; fill(r: number, out: Float32Array, at: number): void };

function encodeColumn(data: ColumnSource, fitted: FittedPipeline, name: string): Encoded {
  const step = fitted.steps.find((s) => s.target === name);
  const col = data.column(name);
  if (step?.state.kind === 'vocabulary') {
    const ids = applyVocabulary(step.state, col), width = vocabularySize(step.state);
    return { width, fill: (r, out, at) => { out[at + ids[r]] = 1; } };
  }
  if (step?.state.kind === 'hashed-ngrams') {
    const sparse = applyHashedNgrams(step.state, col);
    return { width: sparse.width, fill: (r, out, at) => { for (let k = sparse.offsets[r]; k < sparse.offsets[r + 1]; k++) out[at + sparse.indices[k]] = Math.log1p(sparse.values[k]); } };
  }
  if ((col.dim ?? 1) > 1) {
    const dim = col.dim!;
    return { width: dim, fill: (r, out, at) => { for (let j = 0; j < dim; j++) out[at + j] = col.values[r * dim + j]; } };
  }
  const scaled = applyScaler(stateFor(fitted, name, ['zscore', 'minmax']), col);
  return { width: 1, fill: (r, out, at) => { out[at] = Number.isFinite(scaled[r]) ? scaled[r] : 0; } };
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
  const labelCol = data.column(o.label);
  const entries = PART_NAMES.map((part, p) => {
    const rows = rowsOf(split.assignment, p);
    const arrays: Parameters<typeof tableSource>[1] = {};
    for (const m of mods) {
      const out = new Float32Array(rows.length * m.width);
      rows.forEach((r, i) => { let at = i * m.width; for (const c of m.cols) { c.fill(r, out, at); at += c.width; } });
      arrays[`m_${m.name}`] = { spec: { dtype: 'float32', shape: [m.width] }, data: out };
    }
    if (o.classes === 1) {
      const y = Float32Array.from(rows, (r) => (labelCol.dictionary ? (['1', 'true', 'yes'].includes(String(labelCol.dictionary[labelCol.values[r]]).toLowerCase()) ? 1 : 0) : labelCol.values[r] > 0 ? 1 : 0));
      if (part === 'train') assertBothClasses(y, o.label, undefined);
      arrays.label = { spec: { dtype: 'float32', shape: [1] }, data: y };
    } else {
      arrays.label = { spec: { dtype: 'int64', shape: [] }, data: BigInt64Array.from(rows, (r) => BigInt(Math.max(0, labelCol.values[r]))) };
    }
    return [part, tableSource(rows.length, arrays)] as const;
  });
  return Object.fromEntries(entries) as Record<PartName, SampleSource>;
}
