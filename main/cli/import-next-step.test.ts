// The train command `gatelab import` suggests next: by the file's columns, not README's old `dlinear` for all.
import { describe, expect, it } from 'vitest';
import { importNextStep } from './import-next-step';

const col = (name: string, type: string, role = 'feature') => ({ name, type, role });

describe('importNextStep', () => {
  it('a series (a time column, no target) gets a forecaster', () => {
    expect(importNextStep(4, [col('date', 'datetime'), col('load', 'float'), col('temp', 'float')]))
      .toMatch(/^Next: gatelab train --dataset 4 --template dlinear {3}\(forecasts its numeric columns over time; gatelab templates lists every template by family\)$/);
  });

  it('a table with a label gets deepfm and the label it guesses (the last yes/no column)', () => {
    const line = importNextStep(7, [col('age', 'int'), col('plan', 'categorical'), col('has_logo', 'boolean'), col('churned', 'boolean')]);
    expect(line).toContain('--dataset 7 --template deepfm --target churned ');
    expect(line).toContain('(churned looks like the label; deepfm reads the other columns as fields;');
  });

  it('text beside other columns gets gmu; a target already set is not repeated', () => {
    expect(importNextStep(5, [col('title', 'text'), col('logo', 'boolean'), col('fraudulent', 'boolean')])).toContain('--template gmu --target fraudulent ');
    const set = importNextStep(5, [col('review', 'text'), col('price', 'float'), col('Recommended IND', 'int', 'target')]);
    expect(set).toContain('--dataset 5 --template gmu   (predicts its target Recommended IND;');
  });

  it('a name with spaces is quoted for the shell; nothing like a label leaves COLUMN to fill in', () => {
    expect(importNextStep(3, [col('x', 'float'), col('is fraud', 'boolean')])).toContain("--target 'is fraud' ");
    expect(importNextStep(3, [col('a', 'int'), col('b', 'int')])).toContain('--template deepfm --target COLUMN   (COLUMN: the one to predict;');
  });

  it('a review log (ids, a rating, a time, no measurement) is an event log: a CTR line, not a forecaster', () => {
    const amazon = [col('reviewerID', 'categorical'), col('asin', 'categorical'), col('overall', 'int'), col('reviewTime', 'datetime')];
    expect(importNextStep(4, amazon)).toContain('--template deepfm --target overall ');
    // measurements beside the ids keep it a series (a store's sales by day)
    expect(importNextStep(4, [col('date', 'datetime'), col('store', 'categorical'), col('sales', 'float')])).toContain('--template dlinear ');
  });

  it('a log of ids and times with no label points to adding negatives, not to a --target that can only fail', () => {
    const retail = [col('user_id', 'categorical'), col('item_id', 'categorical'), col('timestamp', 'datetime', 'time'), col('quantity', 'int')];
    const line = importNextStep(4, retail);
    expect(line).toMatch(/^Next: this looks like an implicit-feedback log \(ids and times, no label column\)/);
    expect(line).toContain('section "From a dataset to batches", "implicit-feedback logs"');
    expect(line).toMatch(/then gatelab train --dataset 4 --template deepfm --target label$/);
    expect(line).not.toContain('COLUMN');
  });

  it('a two-valued categorical column counts as a label by its stored stats, and loan_status by its name', () => {
    const two = (name: string) => ({ ...col(name, 'categorical'), stats: { cardinality: 2 } });
    expect(importNextStep(6, [col('amount', 'int'), two('outcome_words'), col('rate', 'float')])).toContain('--template deepfm --target outcome_words ');
    const loan = [col('loan_amnt', 'int'), two('term'), col('int_rate', 'float'), col('desc', 'text'), two('loan_status')];
    expect(importNextStep(5, loan)).toContain('--template gmu --target loan_status   (loan_status looks like the label;');
  });

  it('a ratings log with float side features (a price) is still a CTR line, with the threshold its refusal would ask for', () => {
    // a shop's ratings log as imported: ids of many users and products, 1..5 stars, a time, a customer's age and a
    // product's price. The price used to make it a "series": dlinear "forecast" stars, age and price in file order
    const ids = (name: string, cardinality: number) => ({ ...col(name, 'categorical'), stats: { cardinality } });
    const stars = { ...col('stars', 'int'), stats: { min: 1, max: 5, numbers: { distinct: 5, fractions: false } } };
    const shop = [ids('customer_id', 300), ids('product_id', 150), stars, col('ts', 'datetime', 'time'), ids('category', 5), col('customer_age', 'int'), col('price', 'float')];
    expect(importNextStep(5, shop)).toMatch(/^Next: gatelab train --dataset 5 --template deepfm --target stars --set positiveAtLeast=4 {3}\(stars looks like a rating from 1 to 5: a rating ≥ 4 counts as a click;/);
    // a scale from 0 gets no threshold here: the refusal says what its 0s become and how to leave them out
    const zeroStars = { ...stars, stats: { min: 0, max: 10, numbers: { distinct: 11, fractions: false } } };
    expect(importNextStep(5, shop.map((c) => (c.name === 'stars' ? zeroStars : c)))).toContain('--template deepfm --target stars   (stars looks like the label;');
    // a long-format series keeps its forecaster: ids, a float of sales, but no column named as a label
    const sales = [col('date', 'datetime'), ids('store', 60), ids('item', 200), col('sales', 'float'), col('promo', 'boolean')];
    expect(importNextStep(5, sales)).toContain('--template dlinear ');
    // and so does a sensor file whose few-valued status is named like a label
    const plant = [col('Timestamp', 'datetime'), col('Temp_C', 'float'), ids('status', 3), ids('mode', 4)];
    expect(importNextStep(5, plant)).toContain('--template dlinear ');
  });

  it('a time column with a target set is a label to predict, not a series', () => {
    expect(importNextStep(2, [col('ts', 'datetime'), col('user', 'categorical'), col('clicked', 'boolean', 'target')])).toContain('--template deepfm   (predicts its target clicked;');
  });
});
