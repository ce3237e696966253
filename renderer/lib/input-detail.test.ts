// The diagram's input block while the dataset cannot feed the template: it names what is missing, and says
// "no usable columns" only when no column is left (it said so for a fresh import that only lacked a target).
import { describe, expect, it } from 'vitest';
import { unfedInputDetail } from './input-detail';
import type { ColumnInfo } from '../../common/lab-api';

const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature') => ({ name, type, role, modality: null }) as unknown as ColumnInfo;
const churn = [col('age', 'int'), col('plan', 'categorical', 'categorical'), col('spend', 'float'), col('churned', 'boolean')];

describe('the input block of a dataset that cannot feed the model', () => {
  it('counts the columns and says the target is missing, before roles are set', () => {
    expect(unfedInputDetail('fusion', { columnInfo: churn })).toBe('4 columns, no target set yet');
    expect(unfedInputDetail('recsys', { columnInfo: churn })).toBe('4 columns, no target set yet');
  });

  it('names what the model needs in the trainer’s words', () => {
    const numbersOnly = [col('a', 'float'), col('b', 'float'), col('y', 'boolean', 'target')];
    expect(unfedInputDetail('recsys', { columnInfo: numbersOnly })).toMatch(/^3 columns; the model needs categorical fields$/);
    const categoricalOnly = [col('city', 'categorical', 'categorical'), col('kind', 'categorical', 'categorical')];
    expect(unfedInputDetail('forecasting', { columnInfo: categoricalOnly })).toBe('2 columns, none of them numbers to forecast');
  });

  it('keeps "no usable columns" for a dataset whose columns are all left out', () => {
    expect(unfedInputDetail('fusion', { columnInfo: churn.map((c) => ({ ...c, role: 'ignore' as const })) })).toBe('no usable columns in this dataset');
    expect(unfedInputDetail('forecasting', { columnInfo: [] })).toBe('no usable columns in this dataset');
  });
});
