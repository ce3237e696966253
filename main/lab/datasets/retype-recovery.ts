// Start-up repair of a type change cut short: a lab killed between parking the live cache and recording the
// new parse (retype.ts swapIn) leaves the parked cache beside the live one; the one the store describes stays.
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { META_FILE, type DatasetCacheMeta } from '../../../common/dataset-cache';
import { isAlive } from '../process-alive';
import type { Dataset, DatasetRegistry } from './registry';

/**
 * A lab killed between parking the live cache and recording the new parse leaves `cache.replaced-<pid>-<hex>`.
 * Whichever of the two caches matches the store's column types stays; the other goes. Returns paths removed.
 */
export function recoverInterruptedRetypes(registry: DatasetRegistry): string[] {
  if (registry.store.readOnly) return [];
  const removed: string[] = [];
  for (const d of registry.list()) {
    const dir = dirname(d.cachePath);
    let names: string[];
    try { names = readdirSync(dir); } catch { continue; }
    const prefix = `${basename(d.cachePath)}.replaced-`;
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length).split('-')[0]);
      if (pid === process.pid || isAlive(pid)) continue;
      const parked = join(dir, name);
      if (!fitsStore(d, d.cachePath) && fitsStore(d, parked)) {
        rmSync(d.cachePath, { recursive: true, force: true });
        renameSync(parked, d.cachePath);
      } else {
        rmSync(parked, { recursive: true, force: true });
      }
      removed.push(parked);
    }
  }
  return removed;
}

function fitsStore(d: Dataset, cacheDir: string): boolean {
  try {
    const meta = JSON.parse(readFileSync(join(cacheDir, META_FILE), 'utf8')) as DatasetCacheMeta;
    return meta.rows === d.rows && meta.columns.length === d.columns.length && meta.columns.every((c, i) => c.type === d.columns[i].type);
  } catch {
    return false;
  }
}
