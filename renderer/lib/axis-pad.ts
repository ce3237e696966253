/** Room between a tick label's right end and the plot's left edge, in pixels. */
export const TICK_GAP = 6;
/** Room kept left of the widest tick label, so its first character is not at the canvas' very edge. */
const EDGE = 4;
/** Average width of one 11 px system-ui character: the estimate when the canvas cannot measure text. */
const CHAR_PX = 6.5;

/**
 * The left padding a chart needs so its widest y tick label fits whole ("2.25e+11" drawn into a fixed
 * 56 px read "..25e+11"): never less than `min`, so charts of short labels keep their usual plot edge.
 */
export function leftPadFor(labels: readonly string[], measure?: (text: string) => number, min = 56): number {
  let widest = 0;
  for (const label of labels) {
    const measured = measure?.(label);
    const w = measured != null && Number.isFinite(measured) && measured > 0 ? measured : label.length * CHAR_PX;
    widest = Math.max(widest, w);
  }
  return Math.max(min, Math.ceil(widest + TICK_GAP + EDGE));
}
