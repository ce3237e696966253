// The Models form's class weights: a classification run's `loss.classWeights` (common/runs/config.ts
// LossOptions), held in the form's Training settings as `loss: { classWeights }` so that Start sends it in
// StartRuns.config exactly as `--set loss.classWeights=balanced` (or `=[1,5,0.5]`) does on the CLI. 'none'
// leaves `loss` out, as a CLI run without the option. A custom list keeps what was typed in a box that is
// not a positive number ('' or the text), so the message can name the class and Start stays off.
import type { TargetClasses } from './target-classes';

export type WeightsMode = 'none' | 'balanced' | 'custom';
/** One custom weight: a number, or the text typed when it is not one ('' for an empty box). */
export type TypedWeight = number | string;

/** The config's upper bound on a list (LossOptions: at most 10,000 weights). */
const MAX_WEIGHTS = 10_000;

/** The class weights the Training settings hold (undefined: none). */
export function classWeightsOf(training: Record<string, unknown>): unknown {
  return (training.loss as { classWeights?: unknown } | undefined)?.classWeights;
}

export function modeOf(weights: unknown): WeightsMode {
  return Array.isArray(weights) ? 'custom' : weights === 'balanced' ? 'balanced' : 'none';
}

/** The Training settings with these class weights: 'none' (or undefined) removes `loss`. */
export function trainingWithClassWeights(training: Record<string, unknown>, weights: 'none' | 'balanced' | TypedWeight[] | undefined): Record<string, unknown> {
  const { loss, ...rest } = training;
  if (weights === undefined || weights === 'none') return rest;
  return { ...rest, loss: { ...(loss as object | undefined), classWeights: weights } };
}

/** A box's text as a weight: a number when it reads as one, else the text as typed (trimmed). */
export function typedWeight(text: string): TypedWeight {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** Comma- or space-separated weights (the list box used when the classes are too many, or unknown, for a box each). */
export const typedWeights = (text: string): TypedWeight[] => text.split(/[\s,]+/).filter(Boolean).map(typedWeight);

const quoted = (names: readonly string[], max = 6) => names.slice(0, max).map((n) => `'${n}'`).join(', ') + (names.length > max ? ', …' : '');

/**
 * What is wrong with the class weights for `classes`, naming the class ("The weight of class 'refund'
 * must be a positive number (got 0)"), or null. Only a custom list can be wrong.
 */
export function classWeightsProblem(weights: unknown, classes: TargetClasses | null): string | null {
  if (!Array.isArray(weights)) return null;
  const names = classes?.names ?? null;
  const count = classes?.count ?? names?.length ?? null;
  // "the weight of class 'refund'", or "weight 2" of a list whose classes have no names here
  const named = (i: number) => names?.[i] !== undefined;
  const length = count ?? weights.length;
  for (let i = 0; i < length; i++) {
    const w: unknown = weights[i];
    if (w === undefined || w === '') return named(i) ? `Enter a weight for class '${names![i]}'` : `Enter weight ${i + 1}`;
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
      const got = typeof w === 'string' ? `'${w}'` : String(w);
      return `${named(i) ? `The weight of class '${names![i]}'` : `Weight ${i + 1}`} must be a positive number (got ${got})`;
    }
  }
  if (count !== null && weights.length !== count) {
    return `${weights.length} weights for ${count} classes${names ? ` (${quoted(names)})` : ''}: give one weight per class${names ? ', in that order' : ''}`;
  }
  if (weights.length < 2) return 'Give one weight per class: at least 2';
  if (weights.length > MAX_WEIGHTS) return `At most ${MAX_WEIGHTS.toLocaleString('en-US')} weights`;
  return null;
}

/** The Training header's words for them ("class weights balanced", "class weights 1, 5, 0.5"), or null for none. */
export function classWeightsText(weights: unknown): string | null {
  if (Array.isArray(weights)) return `class weights ${weights.map((w) => (w === '' ? '?' : String(w))).join(', ')}`;
  return weights === 'balanced' ? 'class weights balanced' : null;
}
