import { describe, expect, it } from 'vitest';
import { scheduleLengthNotes } from './schedule-length';

const router = (steps: number) => ({ kind: 'softmax-router', schedule: { kind: 'dense-to-sparse', from: 2, to: 0.3, steps } });

describe('scheduleLengthNotes', () => {
  it('warns beside the schedule steps when they exceed the run’s max steps, with the run’s total and where τ stops', () => {
    const notes = scheduleLengthNotes('router', router(10000), 1400);
    expect(notes['router.schedule.steps']).toBe(`Longer than this run: it trains at most 1,400 steps (Max steps), so τ falls only to about ${Number((2 * 0.15 ** 0.14).toPrecision(3))}, not to 0.3. Set Steps to 1,400 or less to anneal within the run.`);
  });
  it('says nothing when the schedule fits, is constant, or the run has no step cap', () => {
    expect(scheduleLengthNotes('router', router(1000), 1400)).toEqual({});
    expect(scheduleLengthNotes('router', { kind: 'softmax-router', schedule: { kind: 'constant' } }, 10)).toEqual({});
    expect(scheduleLengthNotes('router', router(10000), undefined)).toEqual({});
  });
});
