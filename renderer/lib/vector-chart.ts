// What the two charts of a vector statistic over steps share (components/Heatmap.svelte,
// components/StackedArea.svelte): the gate panel draws one series as either, so both take the same props
// and hovering either shows the same thing.
import { stepIndexAt } from './decimate';
import { formatValue } from './format';

export interface VectorChartProps {
  steps: number[];
  /** The vector recorded at each step (null: none recorded then). */
  vectors: (number[] | null)[];
  title: string;
  /** The hover's words for point i's step ("mean over steps 73–80"); null or absent: "step 80". */
  stepLabel?: (i: number) => string | null;
  height?: number;
  /** Bumped when `steps` and `vectors` grow in place, so the chart draws again. */
  version?: number;
  /** Component names for the legend and hover (expert 0, context..., a histogram's bins). */
  labels?: string[];
}

/** What a hover shows: the stored vector of the step nearest the pointer, and that step in words. */
export interface VectorHover { px: number; step: number; at: string; vector: number[] }

/**
 * The hover at `px` pixels from the chart's left edge (`width` wide, `pad` its margins): the nearest step's
 * exact stored vector, not the pooled pixel; null off the plot or at a step without a vector.
 */
export function vectorHoverAt(px: number, width: number, pad: { l: number; r: number }, chart: Pick<VectorChartProps, 'steps' | 'vectors' | 'stepLabel'>): VectorHover | null {
  const { steps, vectors, stepLabel } = chart;
  const i = stepIndexAt(px, width, pad, steps);
  if (i === null) return null;
  const v = vectors[i];
  return v ? { px, step: steps[i], at: stepLabel?.(i) ?? `step ${formatValue(steps[i])}`, vector: v } : null;
}
