// The WAI-ARIA tablist pattern for a row of role="tab" buttons: the arrow keys move to the previous or next
// tab (wrapping around) and select it, Home and End to the first and last; Tab leaves the row (only the
// selected tab is in the tab order: tabindex 0 on it, -1 on the others). A keyboard user expects this
// of anything announced as tabs; without it each tab was one more Tab stop and arrows did nothing.

/** The keydown handler of a role="tablist" element: moves focus to the tab the key names and clicks it (selecting it). */
export function tablistKeydown(e: KeyboardEvent): void {
  const list = e.currentTarget as HTMLElement;
  const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')].filter((t) => !t.hasAttribute('disabled'));
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  if (at < 0 || !tabs.length) return;
  const to = e.key === 'ArrowRight' ? (at + 1) % tabs.length
    : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length
    : e.key === 'Home' ? 0
    : e.key === 'End' ? tabs.length - 1
    : null;
  if (to === null) return;
  e.preventDefault();
  tabs[to].focus();
  tabs[to].click();
}
