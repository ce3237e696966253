// A forecasting template on a file that is no series (a click log: user, item, category, price, clicked; no
// time column, a label that is no number) is refused with what forecasting needs, the family that fits and the
// =ignore route; a file of numbers, with or without categorical columns (load, temp, weekday), still trains in
// file order and its data line says so; a target that is no channel is not said to be reported;
// the target a refusal suggests is the label, not a feature named like one ('category'); a file with no number
// at all (user, item, clicked) is told the template family that fits it.
import { describe, expect, it } from 'vitest';
import { defaultBinding, forecastingColumnNotes, type ColumnDescription } from './binding';
import { forecastingFitProblem } from './forecast-fit';
import { likelyTarget } from './likely-target';

const col = (name: string, type: ColumnDescription['type'], role: ColumnDescription['role'] = 'feature'): ColumnDescription => ({ name, type, role, modality: null });
const clickLog = [col('user', 'categorical'), col('item', 'categorical'), col('category', 'categorical'), col('price', 'float'), col('clicked', 'boolean')];

describe('forecastingFitProblem: a forecasting template on a file with no time column', () => {
  const ctr = { id: 4, name: 'ctr' };

  it('a click log (its label named clicked, boolean): refused, saying what forecasting needs, a CTR template with the label, and the =ignore route', () => {
    const problem = forecastingFitProblem('dlinear', clickLog, ctr);
    expect(problem).toBe("template dlinear forecasts a series, and 'ctr' has no time column (no date or time column, none with the role time) while user, item, " +
      "category are categorical, and 'clicked' (boolean), named as a label, is not a numeric channel: forecasting needs a time column and numeric channels " +
      'measured at each step; read in file order, price would be forecast as if its rows were time steps. Its columns fit a recommendation (CTR) template, ' +
      "such as deepfm with the target 'clicked' (--template deepfm --target clicked; gatelab templates lists the recsys templates). If its rows are time steps " +
      'in file order, forecast its numbers alone: gatelab datasets roles 4 clicked=ignore user=ignore item=ignore category=ignore');
  });

  it('with --target clicked (a boolean, no channel): the target is named as not being one; without a dataset id the command says ID', () => {
    const withTarget = clickLog.map((c) => (c.name === 'clicked' ? { ...c, role: 'target' as const } : c));
    expect(forecastingFitProblem('dlinear', withTarget, { name: 'ctr' })).toMatch(/while user, item, category are categorical, and its target 'clicked' \(boolean\) is not a numeric channel: .*--template deepfm --target clicked;.*gatelab datasets roles ID clicked=ignore user=ignore/);
  });

  it('text and a label over numbers: a fusion template fits', () => {
    const reviews = [col('review', 'text'), col('age', 'int'), col('recommended', 'boolean', 'target')];
    expect(forecastingFitProblem('tsmixer-gated', reviews, { id: 2, name: 'mm' })).toMatch(/while review is text, and its target 'recommended' \(boolean\) is not a numeric channel: .*Its columns fit a fusion template, such as concat-fusion with the target 'recommended' \(--template concat-fusion --target recommended;.*gatelab datasets roles 2 recommended=ignore review=ignore$/);
  });

  it('a series with a categorical column and no label (load, temp, weekday): not refused, it trains in file order with weekday not forecast', () => {
    const week = [col('load', 'float'), col('temp', 'float'), col('weekday', 'categorical')];
    expect(forecastingFitProblem('dlinear', week, { id: 1, name: 'series_notime' })).toBeNull();
    expect(forecastingColumnNotes(week).notes).toEqual(['no time column: rows read in file order', 'not forecast: weekday (categorical)']);
    // a numeric target (--target load) is a channel: forecast as before
    expect(forecastingFitProblem('dlinear', week.map((c) => (c.name === 'load' ? { ...c, role: 'target' as const } : c)), { id: 1, name: 'series_notime' })).toBeNull();
    // a feature merely named like a label's weaker names ('category'), or a boolean feature, is no label
    expect(forecastingFitProblem('dlinear', [col('category', 'categorical'), col('holiday', 'boolean'), col('sales', 'float')], { id: 1, name: 'shop' })).toBeNull();
    // but a categorical target chosen for it is (--target weekday)
    expect(forecastingFitProblem('dlinear', week.map((c) => (c.name === 'weekday' ? { ...c, role: 'target' as const } : c)), { id: 1, name: 'series_notime' }))
      .toMatch(/its target 'weekday' \(categorical\) is not a numeric channel: .*gatelab datasets roles 1 weekday=ignore$/);
  });

  it('numbers alone, or any file with a time column: no refusal', () => {
    expect(forecastingFitProblem('dlinear', [col('load', 'float'), col('temp', 'float')], { name: 'loads' })).toBeNull();
    expect(forecastingFitProblem('dlinear', [col('date', 'datetime', 'time'), ...clickLog], ctr)).toBeNull();
    // a datetime column with another role is still the time index (timeColumnOf)
    expect(forecastingFitProblem('dlinear', [col('ts', 'datetime'), col('shop', 'categorical'), col('sales', 'float')], { name: 'sales' })).toBeNull();
    // an ignored label does not count: the =ignore route the refusal offers is then accepted
    expect(forecastingFitProblem('dlinear', clickLog.map((c) => (c.name === 'clicked' ? { ...c, role: 'ignore' as const } : c)), ctr)).toBeNull();
  });
});

describe('a forecasting template on a file with no number at all', () => {
  it("a click log (user, item, category, a 0/1 'clicked'): names the CTR template and the target, as import's Next line does", () => {
    const noPrice = clickLog.filter((c) => c.name !== 'price');
    expect(() => defaultBinding('forecasting', noPrice)).toThrow('no numeric columns to forecast; check the column types (gatelab datasets show ID). ' +
      "Its columns fit a recommendation (CTR) template, such as deepfm with the target 'clicked' (--template deepfm --target clicked; gatelab templates lists the recsys templates)");
    // a label written in words ('yes'/'no') is found by its two values, as likelyTarget finds it
    const words = [col('user', 'categorical'), col('item', 'categorical'), col('bought', 'categorical')];
    expect(() => defaultBinding('forecasting', words, { hints: { twoValued: new Set(['bought']), ratings: new Map(), epochSeconds: new Set() } })).toThrow(/such as deepfm with the target 'bought' \(--template deepfm --target bought;/);
    // text and a chosen target: a fusion template
    expect(() => defaultBinding('forecasting', [col('review', 'text'), col('stars', 'categorical', 'target')])).toThrow(/such as concat-fusion with the target 'stars' \(--template concat-fusion --target stars; gatelab templates lists the fusion templates\)$/);
    // nothing that looks like a label: the types are what to check
    expect(() => defaultBinding('forecasting', [col('user', 'categorical'), col('item', 'categorical')])).toThrow(/^no numeric columns to forecast; check the column types \(gatelab datasets show ID\)$/);
  });
});

describe('the forecasting data line', () => {
  it('a file with no time column: "no time column: rows read in file order"; with one: not said', () => {
    expect(forecastingColumnNotes([col('load', 'float'), col('temp', 'float')]).notes).toEqual(['no time column: rows read in file order']);
    expect(forecastingColumnNotes([col('date', 'datetime', 'time'), col('load', 'float')]).notes).toEqual([]);
  });

  it('a target that is no channel (boolean) is listed as not forecast, not as "its own test error is reported"', () => {
    const notes = forecastingColumnNotes([col('date', 'datetime', 'time'), col('load', 'float'), col('clicked', 'boolean', 'target')]).notes;
    expect(notes).toEqual(['not forecast: clicked (boolean)']);
    const numeric = forecastingColumnNotes([col('date', 'datetime', 'time'), col('load', 'float', 'target')]).notes;
    expect(numeric).toEqual([expect.stringMatching(/^forecasting predicts every channel; the target role \('load'\) does not select one: its own test error is reported/)]);
  });
});

describe('the target a refusal suggests', () => {
  it("a label's name beats a feature named like a label (category), in any column order", () => {
    expect(likelyTarget(clickLog)?.name).toBe('clicked');
    expect(() => defaultBinding('recsys', clickLog)).toThrow(/needs a target column: .*\(the column 'clicked' looks like one\)/);
    expect(() => defaultBinding('fusion', clickLog)).toThrow(/\(the column 'clicked' looks like one\)/);
  });

  it('a two-valued column beats a weak name; a weak name is still offered when nothing else is', () => {
    expect(likelyTarget([col('category', 'categorical'), col('bought', 'boolean')])?.name).toBe('bought');
    expect(likelyTarget([col('category', 'categorical'), col('price', 'float')])?.name).toBe('category');
    expect(likelyTarget([col('rating', 'int'), col('category', 'categorical')])?.name).toBe('rating');
    expect(likelyTarget([col('user', 'categorical'), col('price', 'float')])).toBeUndefined();
    // a job-postings file: the label's name wins over the flags before it, and a flag-only file names its last flag
    const postings = [col('title', 'text'), col('has_company_logo', 'boolean'), col('telecommuting', 'boolean')];
    expect(likelyTarget([...postings, col('fraudulent', 'boolean')])?.name).toBe('fraudulent');
    expect(likelyTarget([...postings, col('isFraud', 'boolean')])?.name).toBe('isFraud');
    expect(likelyTarget([...postings, col('Exited', 'boolean')])?.name).toBe('Exited');
    expect(likelyTarget(postings)?.name).toBe('telecommuting');
    // a headerless dump (Criteo) writes its label first
    expect(likelyTarget([col('column_1', 'boolean'), col('column_2', 'int'), col('column_3', 'boolean')])?.name).toBe('column_1');
  });
});
