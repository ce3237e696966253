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

  it('a time column with a target set is a label to predict, not a series', () => {
    expect(importNextStep(2, [col('ts', 'datetime'), col('user', 'categorical'), col('clicked', 'boolean', 'target')])).toContain('--template deepfm   (predicts its target clicked;');
  });
});
