// A forecasting run's test error per channel, read from `test-channels.json` in the run's folder (the
// trainer writes it after the test evaluation: workers/run/channel-errors.ts), for `gatelab show` /
// `gatelab runs show` and their --json. The run's folder is where its checkpoints are.
import { TEST_CHANNELS_FILE, TestChannels, testChannelLines } from '../../../common/runs/test-channels';
import type { LabStore } from '../store/index';
import { readRunSidecar } from './run-sidecar';

/** The run's per-channel test errors; null when it has none (not forecasting, not tested, or from before they existed). */
export function testChannelsOf(store: LabStore, runId: number): TestChannels | null {
  return readRunSidecar(store, runId, TEST_CHANNELS_FILE, TestChannels);
}

/** `gatelab show` lines: "  test per channel (worst first, scaled like mse/mae):" then a line per channel. */
export function testChannelsText(t: TestChannels | null, indent = '  '): string[] {
  if (!t?.channels.length) return [];
  return [`${indent}test per channel (worst first; scaled values, like the test mse/mae):`, ...testChannelLines(t).map((l) => `${indent}  ${l}`)];
}

// The target lines, the naive forecasts and their warning are common/runs/test-channels.ts's, shared with the
// app's Test per channel panel (renderer/components/TestChannelsPanel.svelte), so both say the same.
export { forecastHeadlineText, testTargetsOf } from '../../../common/runs/test-channels';
