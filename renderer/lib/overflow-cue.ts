// Which sides of a sideways-scrolling box hide content, so the box can shade those edges. At 1280 px the
// schema table scrolled sideways and cut "Mean ± std" and the Distribution column at the card's edge with
// nothing to say there was more: a thin scrollbar alone did not read as "more to the right".

export interface ScrollBox { scrollLeft: number; scrollWidth: number; clientWidth: number }
export interface HiddenEdges { left: boolean; right: boolean }

/** Below a pixel is rounding (zoomed or fractional widths), not content. */
const SLACK = 1;

/** The edges past which some of the box's content lies. */
export function hiddenEdges(box: ScrollBox): HiddenEdges {
  const hidden = box.scrollWidth - box.clientWidth;
  if (hidden <= SLACK) return { left: false, right: false };
  return { left: box.scrollLeft > SLACK, right: box.scrollLeft < hidden - SLACK };
}

/**
 * Svelte action: calls `report` with the node's hidden edges now, on each scroll, and whenever the node or its
 * content changes size (a window resized, a dataset with other columns opened).
 */
export function overflowCue(node: HTMLElement, report: (edges: HiddenEdges) => void) {
  let tell = report;
  let last: HiddenEdges | null = null;
  // told only when an edge changes: a scroll fires many events, each would re-render the view
  const update = () => {
    const now = hiddenEdges(node);
    if (last && now.left === last.left && now.right === last.right) return;
    last = now;
    tell(now);
  };
  update();
  node.addEventListener('scroll', update, { passive: true });
  // jsdom (tests) has no ResizeObserver: the scroll listener and the first reading still work there
  const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
  resize?.observe(node);
  if (node.firstElementChild) resize?.observe(node.firstElementChild);
  return {
    update(next: (edges: HiddenEdges) => void) { tell = next; last = null; update(); },
    destroy() { node.removeEventListener('scroll', update); resize?.disconnect(); },
  };
}
