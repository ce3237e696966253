// One path for every way a file enters the lab (drop anywhere, the Import button): by local path in
// Electron, by chunked upload in a browser.
import type { Stores } from '../stores';

export function importFiles(stores: Stores, files: FileList | File[]): void {
  const list = Array.from(files);
  if (!list.length) return;
  stores.router.go('datasets');
  for (const f of list) {
    const path = stores.pathForFile(f);
    void (path ? stores.imports.importPath(path, f.name) : stores.imports.upload(f));
  }
}
