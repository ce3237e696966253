// How a knockout's interval was resampled, and the words every place that shows the interval uses for it
// (`gatelab knockout`, the app's knockout panel, the HTML report), so a reader knows whether the interval
// treats test samples as independent or respects overlapping forecast windows (bootstrap.ts says why).
import { z } from 'zod';

export const IntervalMethod = z.discriminatedUnion('kind', [
  /** Samples drawn one by one: CTR, fusion and classification rows, which do not share data. */
  z.object({ kind: z.literal('independent') }),
  /**
   * Runs of `block` consecutive forecast windows. `span` = lookback + horizon: windows closer than that share
   * a time step. block < span when the test part was too short for runs that long (capped, see blockFor).
   */
  z.object({ kind: z.literal('block'), block: z.number().int().positive(), span: z.number().int().positive() }),
]);
export type IntervalMethod = z.infer<typeof IntervalMethod>;

/**
 * Fewest runs a resample is made of. With runs of a quarter of the test part, a resample is four runs and
 * the bootstrap still varies; longer runs would make every resample nearly the whole test part again and
 * the interval collapse, so the run length is capped there (and the words say so).
 */
export const MIN_BLOCKS = 4;

/** The block bootstrap for `windows` consecutive stride-1 forecast windows of lookback + horizon = `span` steps. */
export function blockFor(windows: number, span: number): IntervalMethod {
  return { kind: 'block', block: Math.max(1, Math.min(span, Math.floor(windows / MIN_BLOCKS))), span };
}

/** "95% interval: block bootstrap over runs of 432 consecutive windows (windows overlap)". */
export function intervalMethodWords(method: IntervalMethod | undefined, level: number, samples: number): string {
  const head = `${Math.round(100 * level)}% interval: `;
  // tables stored before the block bootstrap carry no method: they were all drawn independently
  if (!method || method.kind === 'independent') return `${head}paired bootstrap over independent test samples`;
  const runs = `${head}block bootstrap over runs of ${method.block.toLocaleString('en-US')} consecutive windows`;
  if (method.block >= method.span) return `${runs} (windows overlap)`;
  return `${runs} (windows overlap; lookback + horizon is ${method.span.toLocaleString('en-US')}, capped at a quarter of the ` +
    `${samples.toLocaleString('en-US')} test windows, so the interval may still be too narrow)`;
}

/**
 * Whether two tables' intervals were resampled alike (a table without a method was drawn independently):
 * rows of tables that differ must not be merged under one method's words.
 */
export function sameIntervalMethod(a: IntervalMethod | undefined, b: IntervalMethod | undefined): boolean {
  const x = a ?? { kind: 'independent' }, y = b ?? { kind: 'independent' };
  if (x.kind === 'independent' || y.kind === 'independent') return x.kind === y.kind;
  return x.block === y.block && x.span === y.span;
}
