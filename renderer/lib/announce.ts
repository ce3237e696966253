// Screen-reader announcements of async results ("Paused run 3", "Exported run-3.onnx"): one polite live
// region, created on first use at the end of <body>, so any view can announce without App wiring.
// The text is cleared and re-set, so announcing the same words twice is read twice.

let region: HTMLElement | null = null;

export function liveRegion(doc: Document = document): HTMLElement {
  if (region && region.ownerDocument === doc && doc.body.contains(region)) return region;
  region = doc.createElement('div');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('role', 'status');
  region.dataset.testid = 'announcer';
  // visually hidden, still read (display:none would silence it)
  region.style.cssText = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
  doc.body.appendChild(region);
  return region;
}

export function announce(text: string): void {
  if (typeof document === 'undefined') return;
  const r = liveRegion();
  r.textContent = '';
  // a macrotask later, so assistive tech sees a change even for repeated text
  setTimeout(() => { r.textContent = text; }, 30);
}
