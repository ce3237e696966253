// A settled run's speed reads as an average, never as a live rate: "1,600 avg", with what it counts.
import { describe, expect, it } from 'vitest';
import { averageSpeed, speedText } from './run-speed';

describe('averageSpeed', () => {
  it("gives a stopped run's average with what it counts; none while the live rate stands or without steps", () => {
    const done = averageSpeed({ status: 'completed', samplesPerSec: null, meanSamplesPerSec: 1600.4 });
    expect(done).toEqual({
      rate: '1,600',
      title: "Average training speed: samples per second over the run's training steps (validation and start-up not counted), as gatelab show reports it. The live rate shows only while the run trains.",
    });
    // a run that resumes trains on: its average is the one so far
    expect(averageSpeed({ status: 'interrupted', samplesPerSec: null, meanSamplesPerSec: 12.345 })).toMatchObject({ rate: '12.3', title: expect.stringMatching(/^Average training speed so far: /) });
    expect(averageSpeed({ status: 'running', samplesPerSec: 900, meanSamplesPerSec: 800 })).toBeNull();
    expect(averageSpeed({ status: 'failed', samplesPerSec: null, meanSamplesPerSec: null })).toBeNull(); // failed before its first steps
    expect(averageSpeed({ status: 'cancelled', samplesPerSec: null })).toBeNull(); // a lab from before the field
  });

  it('writes fast rates as whole samples and slow ones to three digits', () => {
    expect(speedText(1523.6)).toBe('1,524');
    expect(speedText(100)).toBe('100');
    expect(speedText(0.04567)).toBe('0.0457');
  });
});
