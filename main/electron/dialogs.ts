// Files into the lab from the desktop: File > Import dataset… opens the system dialog; files dropped
// on the window arrive through the renderer (the preload gives it their path) and are imported by
// path, without an upload. Either way the lab reports progress as import.progress events.
import { dialog } from 'electron';
import type { AppContext } from './context';

export const DATA_FILTERS = [
  { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'jsonl', 'ndjson', 'json', 'parquet', 'arrow', 'feather', 'npy', 'data', 'dat', 'item', 'user', 'gz'] },
  { name: 'All files', extensions: ['*'] },
];

export async function importWithDialog(ctx: AppContext): Promise<void> {
  if (!ctx.window || !ctx.lab) return;
  const r = await dialog.showOpenDialog(ctx.window, { title: 'Import a dataset', properties: ['openFile', 'multiSelections'], filters: DATA_FILTERS });
  if (r.canceled) return;
  for (const path of r.filePaths) await ctx.lab.dispatch('datasets.import', { path });
}
