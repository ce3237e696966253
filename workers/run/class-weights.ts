// The class weights of a run's loss (run config `loss.classWeights`), in class-id order, from its training
// rows: 'balanced' gives a class of n_c of the n training rows the weight n / (k · n_c), k the classes that
// have training rows (scikit-learn's compute_class_weight('balanced')); a list is taken as given once its
// length matches the classes. The engine applies them (engine/ops/class-weighted-losses.ts). The weights are
// recomputed from the same split on a resume, so they need no storing; the data line names them.
import type { LossOptions } from '../../common/runs/config';
import { chunkOf, rangeBatch, sampleBytes, type RunData, type Rows } from './run-data';
import { classNamesOf } from './class-metrics';

export interface ClassWeights {
  weights: number[];
  /** For the data line: "class weights (balanced): 'escalated' 3.46, 'refund' 10.9, 'resolved' 0.37". */
  note: string;
}

/**
 * Rows per class among the first `limit` rows of a part (those an epoch trains on under maxRowsPerEpoch):
 * a binary label counts as 1 above 0.5. Read in chunks of ~64 MB of samples. `part` names the part in the
 * error (the data line's notes count validation and test too: part-classes.ts).
 */
export function classCounts(rows: Rows, target: string, classes: number, binary: boolean, limit = rows.rows, part = 'training'): number[] {
  const counts = new Array<number>(classes).fill(0);
  const chunk = chunkOf(sampleBytes(rows), 64 << 20, 1 << 16);
  const end = Math.min(rows.rows, limit);
  for (let from = 0; from < end; from += chunk) {
    const labels = rangeBatch(rows, from, Math.min(end, from + chunk))[target]?.data;
    if (!labels) throw new Error(`the ${part} rows have no target '${target}' to count the classes of`);
    for (let i = 0; i < labels.length; i++) {
      const y = binary ? (Number(labels[i]) > 0.5 ? 1 : 0) : Number(labels[i]);
      if (y >= 0 && y < classes) counts[y]++;
    }
  }
  return counts;
}

/** n / (k · n_c) over the classes with rows; a class without training rows gets 1 (it weighs only held-out losses). */
export function balancedWeights(counts: readonly number[]): number[] {
  const n = counts.reduce((s, c) => s + c, 0);
  const k = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? n / (k * c) : 1));
}

const short = (w: number) => String(Number(w.toPrecision(3)));

function describeWeights(kind: string, names: readonly string[], weights: readonly number[], counts?: readonly number[]): string {
  const shown = names.slice(0, 8).map((name, c) => `'${name}' ${short(weights[c])}`).join(', ');
  const more = names.length > 8 ? `, … (${names.length} classes)` : '';
  const empty = counts ? names.filter((_, c) => counts[c] === 0) : [];
  const absent = empty.length ? ` (no training rows, weight 1: ${empty.slice(0, 4).map((n) => `'${n}'`).join(', ')}${empty.length > 4 ? ', …' : ''})` : '';
  return `class weights (${kind}): ${shown}${more}${absent}`;
}

/**
 * The run's class weights; undefined when its loss is unweighted. `trainRows`: the training rows an epoch
 * uses (maxRowsPerEpoch caps them). Throws the user's fix for a mismatch.
 */
export function classWeightsFor(loss: LossOptions | undefined, data: RunData, template: string, trainRows = data.train.rows): ClassWeights | undefined {
  const option = loss?.classWeights ?? 'none';
  if (option === 'none') return undefined;
  if (data.task === 'regression') {
    throw new Error(`loss.classWeights applies to classification runs (a binary or multi-class target); template ${template} predicts numbers: remove loss.classWeights from the run`);
  }
  const names = classNamesOf(data);
  if (option === 'balanced') {
    const counts = classCounts(data.train, data.target, names.length, data.task === 'binary', trainRows);
    const weights = balancedWeights(counts);
    return { weights, note: describeWeights('balanced', names, weights, counts) };
  }
  if (option.length !== names.length) {
    throw new Error(`loss.classWeights has ${option.length} weights but the target has ${names.length} classes ` +
      `(${names.slice(0, 8).map((n) => `'${n}'`).join(', ')}${names.length > 8 ? ', …' : ''}): give one weight per class in that order, or 'balanced'`);
  }
  return { weights: [...option], note: describeWeights('given', names, option) };
}
