// The charts draw on a canvas in CSS pixels; on a HiDPI screen (devicePixelRatio 2) a canvas of CSS size is
// stretched and its lines blur. One setup for every canvas chart (LineChart, Heatmap): the backing store
// sized for the screen's pixels, the context scaled so drawing code keeps CSS pixel coordinates.

/** `canvas` sized `width` × `height` CSS pixels at the screen's density, and its 2D context to draw in CSS pixels; null without one. */
export function sharpContext(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = width * dpr;
  canvas.height = height * dpr;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(dpr, dpr);
  return ctx;
}
