// One path for every way a file enters the lab (drop anywhere, the Import button): by local path in
// Electron, by chunked upload in a browser (or a file dropped in Electron that has no path on disk).
// The imports store queues uploads beyond the lab's per-window limit, so a sixth dropped file waits,
// listed as waiting, and starts when an upload ends.
import type { Stores } from '../stores';

export { UPLOADS_AT_ONCE } from '../stores/imports.svelte';

export function importFiles(stores: Stores, files: FileList | File[]): void {
  const list = Array.from(files);
  if (!list.length) return;
  stores.router.go('datasets');
  for (const f of list) {
    const path = stores.pathForFile(f);
    if (path) void stores.imports.importPath(path, f.name); // the lab reads it and queues the parse itself
    else void stores.imports.upload(f);
  }
}
