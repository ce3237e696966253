// A forecasting run's test error per channel, read from `test-channels.json` in the run's folder (the
// trainer writes it after the test evaluation: workers/run/channel-errors.ts), for `gatelab show` /
// `gatelab runs show` and their --json. The run's folder is where its checkpoints are.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { TEST_CHANNELS_FILE, TestChannels, testChannelLines } from '../../../common/runs/test-channels';
import type { LabStore } from '../store/index';

/** The run's per-channel test errors; null when it has none (not forecasting, not tested, or from before they existed). */
export function testChannelsOf(store: LabStore, runId: number): TestChannels | null {
  // Checkpoint paths are stored relative to the lab home (the database's folder), not to the current folder.
  const home = dirname(store.path);
  const dirs = new Set(store.checkpoints.forRun(runId).map((c) => dirname(isAbsolute(c.path) ? c.path : join(home, c.path))));
  for (const dir of dirs) {
    const path = join(dir, TEST_CHANNELS_FILE);
    if (!existsSync(path)) continue;
    try {
      const r = TestChannels.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (r.success) return r.data;
    } catch { /* a damaged file: the report shows the headline metrics only */ }
  }
  return null;
}

/** `gatelab show` lines: "  test per channel (worst first, scaled like mse/mae):" then a line per channel. */
export function testChannelsText(t: TestChannels | null, indent = '  '): string[] {
  if (!t?.channels.length) return [];
  return [`${indent}test per channel (worst first; scaled values, like the test mse/mae):`, ...testChannelLines(t).map((l) => `${indent}  ${l}`)];
}
