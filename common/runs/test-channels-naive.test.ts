// The naive forecasts beside a forecasting run's headline, as `gatelab show` prints them (and the app's
// panel, which uses the same code): the seasonal one when the run has it, the warning considering it, and
// advice that fits the run's own settings.
import { describe, expect, it } from 'vitest';
import { forecastHeadlineText, naiveAdvice, naiveNotBeaten, seasonLength, TestChannels, type NaiveForecast } from './test-channels';

const base = (mse: number, mae: number) => ({ mse, mae, channels: [{ name: 'sales', mse, mae }] });
// the audit's monthly run (monthly.csv, dlinear L36/H12): model 0.0637; repeat last 1.8918, training mean 1.2716, seasonal 0.0465
const monthly: TestChannels = TestChannels.parse({
  step: 120, units: 'scaled values', channels: [{ name: 'sales', mse: 0.0637, mae: 0.2 }],
  baselines: { lastValue: base(1.8918, 1.1), trainMean: base(1.2716, 0.9), seasonal: { ...base(0.0465, 0.17), season: 12 } },
});
const config = (model: Record<string, unknown>) => ({ model: { lookback: 36, horizon: 12, ...model }, data: { columns: [{ name: 'sales', role: 'target' }] } });

describe('the seasonal naive forecast in gatelab show', () => {
  it('is printed with its season, and a model it beats is warned about, with advice for whole seasons', () => {
    const lines = forecastHeadlineText(monthly, { mse: 0.0637 }, config({ template: 'dlinear' }), '');
    expect(lines).toEqual([
      'naive forecasts on the same test windows: repeat last value mse 1.8918  mae 1.1000; training mean mse 1.2716  mae 0.9000; seasonal naive (season 12) mse 0.0465  mae 0.1700',
      "warning: the model does not beat repeating the last season (mse 0.0465): its test mse is 0.0637. Try --set model.revin=true or template nlinear (both take out each window's level), " +
        'a longer lookback in whole seasons (48 steps), or more epochs',
    ]);
    // a lookback shorter than two seasons: two seasons are the advice
    const short = naiveNotBeaten(monthly, 0.0637)!;
    expect(naiveAdvice({ model: { template: 'dlinear', lookback: 12 } }, short)).toBe("Try --set model.revin=true or template nlinear (both take out each window's level), a lookback of at least two seasons (24 steps) so the model sees the pattern the seasonal forecast repeats, or more epochs");
    expect(forecastHeadlineText(monthly, { mse: 0.04 }, config({ template: 'dlinear' }), '')).toHaveLength(1); // beats all three: no warning
  });

  it('never suggests nlinear to an nlinear run, nor RevIN to a run that has it', () => {
    const lastOnly = TestChannels.parse({ ...monthly, baselines: { lastValue: base(0.5, 0.5), trainMean: base(2, 1) } });
    const notBeaten = naiveNotBeaten(lastOnly, 0.6)! as NaiveForecast[];
    expect(notBeaten.map((n) => n.key)).toEqual(['lastValue']);
    expect(naiveAdvice(config({ template: 'nlinear' }), notBeaten)).toBe('Try --set model.revin=true (it also scales each window), a longer lookback, or more epochs');
    expect(naiveAdvice(config({ template: 'nlinear', revin: true }), notBeaten)).toBe('Try a longer lookback, or more epochs');
    expect(naiveAdvice(config({ template: 'dlinear', revin: true }), notBeaten)).toBe('Try a longer lookback, or more epochs');
    expect(naiveAdvice(config({ template: 'dlinear' }), notBeaten)).toBe("Try --set model.revin=true or template nlinear (both take out each window's level), a shorter lookback, or more epochs");
  });

  it('a run from before the seasonal forecast still reads, and is judged on the two it has', () => {
    const old = TestChannels.parse({ ...monthly, baselines: { lastValue: base(1.8918, 1.1), trainMean: base(1.2716, 0.9) } });
    expect(forecastHeadlineText(old, { mse: 0.0637 }, config({ template: 'dlinear' }), '')).toEqual([
      'naive forecasts on the same test windows: repeat last value mse 1.8918  mae 1.1000; training mean mse 1.2716  mae 0.9000',
    ]);
  });
});

describe('season length from the time step', () => {
  it('a day of sub-daily steps, a week of days, a year of weeks, months or quarters; none for a yearly step', () => {
    const day = 86_400;
    expect([3600, 900, 1800, day, 7 * day, 31 * day, 28 * day, 91 * day].map(seasonLength)).toEqual([24, 96, 48, 7, 52, 12, 12, 4]);
    expect(seasonLength(365 * day)).toBeUndefined();
    expect(seasonLength(7 * 3600)).toBeUndefined(); // 7-hour steps: no whole number per day
    expect(seasonLength(undefined)).toBeUndefined();
  });
});
