// The memory check counts the activations a batch keeps besides the parameters, and its fix is computed:
// the largest batch size that fits, and channel-mixing mode only when that fits too.
import { describe, expect, it } from 'vitest';
import { ACTIVATION_COPIES, activationBytes, largestBatchThatFits, runTooBig, trainingMemory, MEMORY_SHARE } from './size-estimate';

const GB = 1e9;
const forecaster = { template: 'patch-transformer-gated', mode: 'channel-independent', lookback: 336, horizon: 96, channels: 321 };
// the numbers of the 321-channel patch transformer (engine/analytics/activations.test.ts)
const needs = { params: 82_544, activationsPerSample: 90_107_337, channelMixing: { params: 1_000_000, activationsPerSample: 400_000 } };

describe('run memory: parameters and activations', () => {
  it('refuses a small model whose batch of activations does not fit, naming both parts and the batch size that fits', () => {
    const msg = runTooBig(forecaster, needs, 'float32', 128, 23 * GB)!;
    expect(msg).toMatch(/^patch-transformer-gated \(channel-independent, lookback 336, horizon 96, 321 channels\) does not fit in memory: training needs ~60 GB: ~9 MB for its 82,544 parameters/);
    expect(msg).toContain('~60 GB for the activations of a batch of 128 × 321 channels (90,107,337 values per sample kept for the backward');
    expect(msg).toContain("more than 75% of this machine's 23 GB of memory");
    const fits = Number(/--set batchSize=(\d+) fits/.exec(msg)![1]);
    // computed, not guessed: that batch size is accepted and one more is refused
    expect(runTooBig(forecaster, needs, 'float32', fits, 23 * GB)).toBeNull();
    expect(runTooBig(forecaster, needs, 'float32', fits + 1, 23 * GB)).toMatch(/batchSize=\d+ fits/);
    expect(fits).toBe(Math.floor((23 * GB * MEMORY_SHARE - trainingMemory(needs.params).expected) / (needs.activationsPerSample * 4 * ACTIVATION_COPIES)));
    expect(msg).toContain('or channel-mixing mode (--set mode=channel-mixing');
    // float64 doubles the activations too
    const f64 = runTooBig(forecaster, needs, 'float64', 128, 23 * GB)!;
    expect(Number(/batchSize=(\d+)/.exec(f64)![1])).toBe(largestBatchThatFits(needs, 'float64', 23 * GB * MEMORY_SHARE));
    expect(Number(/batchSize=(\d+)/.exec(f64)![1])).toBeLessThan(fits / 1.9);
  });

  it('offers channel-mixing mode only when it fits at the run batch size, and says when not even one sample fits', () => {
    const noMixing = runTooBig(forecaster, { ...needs, channelMixing: { params: 1, activationsPerSample: 1e9 } }, 'float32', 128, 23 * GB)!;
    expect(noMixing).not.toContain('channel-mixing mode');
    expect(noMixing).toContain('--set batchSize=');
    const tiny = runTooBig(forecaster, { params: 82_544, activationsPerSample: 90_107_337 }, 'float32', 128, 0.4 * GB)!;
    expect(tiny).not.toContain('--set batchSize=');
    // 90,107,337 × 4 bytes × 1.3 + 82,544 × 4 × 27
    expect(tiny).toMatch(/Even a batch of 1 needs ~477 MB\. Use a shorter lookback or horizon \(now 336 and 96\), or fewer channels \(now 321;/);
  });

  it('accepts what fits and keeps the parameter-only message for a model too big at any batch size', () => {
    expect(runTooBig(forecaster, needs, 'float32', 8, 23 * GB)).toBeNull();
    expect(activationBytes(1000, 'float32', 10)).toBe(1000 * 4 * ACTIVATION_COPIES * 10);
    const huge = runTooBig({ ...forecaster, template: 'dlinear', mode: 'channel-mixing' }, { params: 2e9, activationsPerSample: 10 }, 'float32', 1, 32 * GB)!;
    expect(huge).toMatch(/has 2,000,000,000 parameters: training needs 32 GB .* peaks at ~216 GB/);
  });
});
