// The data line's words about a forecasting target: a wide file's target is one channel with its own error;
// a long-format file's target is the value column every channel (one per series) forecasts, so the line must
// not send the user to a per-target error line that a pivoted run has no channel for.
import { describe, expect, it } from 'vitest';
import { forecastingTargetNotes } from './forecasting-target-note';
import { forecastingColumnNotes } from './binding';

const col = (name: string, type: string, role = 'feature') => ({ name, type, role });

describe('forecastingTargetNotes', () => {
  it('a wide file: the target is one channel among several, with its own error beside the headline', () => {
    expect(forecastingTargetNotes(['OT'])[0]).toMatch(/^forecasting predicts every channel; the target role \('OT'\) does not select one: its own test error is reported beside the headline/);
    expect(forecastingTargetNotes([])).toEqual([]);
  });

  it("long format with one value column: every channel is the target, one per series (no 'set the other columns to ignore')", () => {
    const notes = forecastingColumnNotes([col('date', 'datetime', 'time'), col('store', 'categorical', 'series-id'), col('sales', 'float', 'target'), col('promo', 'boolean')], () => false, { series: 'store', values: ['sales'] }).notes;
    expect(notes).toEqual(['not forecast: promo (boolean)', "every channel is 'sales' of one 'store' (long format), so the headline scores the target"]);
  });

  it('long format with several value columns: the per-channel list has each series\' target channel; ignore the other value columns to forecast it alone', () => {
    const [note] = forecastingTargetNotes(['temp'], { series: 'site', values: ['temp', 'humidity'] });
    expect(note).toBe("forecasting predicts every channel; the target role ('temp') does not select one: each series' 'temp' channel (<series>/temp) has its own test error in the per-channel list "
      + "(in the app: Runs → the run's Test per channel panel; on the command line: gatelab show RUN); to forecast only 'temp', set 'humidity' to ignore");
  });
});
