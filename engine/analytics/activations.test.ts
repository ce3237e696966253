// The activation count behind the memory check: every intermediate tensor of the one-sample forward,
// counted from the model's own graph (so a channel-independent forecaster's channels are in it).
import { describe, expect, it } from 'vitest';
import { add, input, relu } from '../ops/builders';
import { activationElements, elementCount } from './activations';
import { modelSize } from '../models/index';

describe('activation elements per sample', () => {
  it('sums the outputs of every node the outputs depend on, never the inputs', () => {
    const x = input('x', 'float32', [1, 4, 3]);
    const y = relu(add(x, x)); // Add [1,4,3] + Relu [1,4,3]
    expect(activationElements([y])).toBe(24);
    expect(activationElements([x])).toBe(0);
    expect(elementCount(['batch', 5, 2])).toBe(10); // a symbolic dimension is one sample
  });

  it('grows with the channels of a channel-independent forecaster, not with the parameters', () => {
    const at = (channels: number, mode = 'channel-independent') => modelSize({ template: 'patch-transformer-gated', channels, mode });
    const [seven, big] = [at(7), at(321)];
    expect(big.params).toBe(seven.params); // one model shared by the channels
    // every channel's series is a sample of its own inside the graph: ~321/7 times the values
    expect(big.activationsPerSample / seven.activationsPerSample).toBeGreaterThan(0.9 * 321 / 7);
    expect(big.activationsPerSample / seven.activationsPerSample).toBeLessThan(1.1 * 321 / 7);
    // the 321-channel model of the audit (~20 GB RSS in two minutes) keeps ~90 million values per window
    expect(big.activationsPerSample).toBeGreaterThan(80e6);
    // channel-mixing: a token holds every channel, far fewer values
    expect(at(321, 'channel-mixing').activationsPerSample).toBeLessThan(big.activationsPerSample / 20);
  });
});
