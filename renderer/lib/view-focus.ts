// After the view changes (a nav link, Alt+1…6, Start runs opening Runs), focus moves to the new view's
// main heading, so a screen reader says where the user is and the next Tab starts in that view, not at
// "Skip to content" (the old view's button that had focus is gone, which leaves focus on <body>).
// The heading is made focusable from script only (tabindex=-1): it is not a Tab stop.

/** Focuses the first h1 in `view` (or `fallback`), unless focus is already inside the view (a view that focused a field itself). */
export function focusViewHeading(view: HTMLElement | null, fallback: HTMLElement | null): HTMLElement | null {
  if (!view) return null;
  const active = view.ownerDocument.activeElement;
  if (active && active !== view.ownerDocument.body && view.contains(active)) return null;
  const heading = view.querySelector<HTMLElement>('h1');
  const target = heading ?? fallback;
  if (!target) return null;
  if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
  return target;
}
