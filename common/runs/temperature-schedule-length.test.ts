// A router temperature schedule longer than the run: said with the run's real length (epochs × steps per
// epoch, or max-steps) and where τ stops, by the formula of engine/gates/routers.ts.
import { describe, expect, it } from 'vitest';
import { temperatureScheduleNotes, withTemperatureScheduleNotes } from './temperature-schedule-length';

const router = (schedule: unknown) => ({ template: 'moe-forecaster', router: { kind: 'softmax-router', schedule } });

describe('temperatureScheduleNotes', () => {
  it('without max-steps: the run is epochs × steps per epoch, and τ stops at from·(to/from)^(N/steps)', () => {
    const [note] = temperatureScheduleNotes(router({ kind: 'dense-to-sparse' }), { totalSteps: 3 * 250, epochs: 3, stepsPerEpoch: 250 });
    expect(note).toBe(
      `router.schedule.steps is 10,000 but this run trains at most 750 steps (3 epochs × 250 steps): τ falls only from 2 to about ${Number((2 * 0.15 ** (750 / 10000)).toPrecision(3))}, ` +
        'not to 0.3; --set router.schedule.steps=750 anneals it within the run',
    );
  });

  it('reads a config as a run stores it (the router kind and the schedule steps left to their defaults)', () => {
    const stored = { template: 'moe-forecaster', lookback: 48, horizon: 24, router: { schedule: { kind: 'dense-to-sparse' } } };
    expect(temperatureScheduleNotes(stored, { totalSteps: 6, epochs: 1, stepsPerEpoch: 6 })).toEqual([expect.stringMatching(/^router\.schedule\.steps is 10,000 but this run trains at most 6 steps \(1 epoch × 6 steps\)/)]);
    // moe-dnn's router is top-k by default: no temperature, no note
    expect(temperatureScheduleNotes({ template: 'moe-dnn' }, { totalSteps: 6, epochs: 1, stepsPerEpoch: 6 })).toEqual([]);
  });

  it('names max-steps when it is what ends the run', () => {
    const [note] = temperatureScheduleNotes(router({ kind: 'dense-to-sparse', from: 4, to: 0.5, steps: 100 }), { totalSteps: 30, epochs: 2, stepsPerEpoch: 40, maxSteps: 30 });
    expect(note).toContain('trains at most 30 steps (max-steps): τ falls only from 4 to about 2.14, not to 0.5'); // 4·(1/8)^0.3
  });

  it('says nothing when the schedule fits, is constant, or the gate is no softmax router', () => {
    const run = { totalSteps: 100, epochs: 1, stepsPerEpoch: 100 };
    expect(temperatureScheduleNotes(router({ kind: 'dense-to-sparse', steps: 100 }), run)).toEqual([]);
    expect(temperatureScheduleNotes(router({ kind: 'constant' }), run)).toEqual([]);
    expect(temperatureScheduleNotes({ template: 'moe-dnn', router: { kind: 'topk-router' } }, run)).toEqual([]);
    expect(withTemperatureScheduleNotes('line', router({ kind: 'constant' }), run)).toBe('line');
  });

  it('joins the data line as one more note', () => {
    expect(withTemperatureScheduleNotes('fusion: 48 train samples', router({ kind: 'dense-to-sparse', steps: 20 }), { totalSteps: 12, epochs: 1, stepsPerEpoch: 12 }))
      .toMatch(/^fusion: 48 train samples; router\.schedule\.steps is 20 but this run trains at most 12 steps \(1 epoch × 12 steps\)/);
  });
});
