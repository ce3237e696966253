// Which family tab the builder opens for a user's own dataset (no family hint): the one it can feed
// when it feeds only one, else the one its roles point to, else the tab in use. Audit H2 #4: a sales
// series (a date, no target) opened while the CTR tab was in use must open Forecasting.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, DatasetDetail } from '../../common/lab-api';
import { familyForDataset, familyOfRoles } from './models-family';
import { dataShapeOf } from '../lib/data-shape';

const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature', modality: string | null = null): ColumnInfo => ({
  name, type, role, modality, missing: 0, distinct: 10, min: null, max: null, mean: null, std: null, histogram: null,
});
const dataset = (columnInfo: ColumnInfo[], family: string | null = null): DatasetDetail => ({
  id: '5', name: 'sales', rows: 100, columns: columnInfo.length, source: 'sales.csv', family, createdAt: '2026-01-01T00:00:00Z', bytes: 1000, columnInfo, issues: [],
});

const series = dataset([col('date', 'datetime', 'time'), col('sales', 'float'), col('temp', 'float')]);
const ctr = dataset([col('user', 'categorical', 'categorical'), col('item', 'categorical', 'categorical'), col('price', 'float'), col('clicked', 'int', 'target')]);
const fusion = dataset([col('a1', 'float', 'feature', 'audio'), col('a2', 'float', 'feature', 'audio'), col('v1', 'float', 'feature', 'video'), col('label', 'int', 'target')]);

describe('familyForDataset', () => {
  it('opens Forecasting for a series with a time column and no target, whatever tab was in use', () => {
    for (const current of ['recsys', 'fusion', 'forecasting'] as const) expect(familyForDataset(series, current)).toBe('forecasting');
  });

  it('follows the roles: categorical fields and a target are a CTR log, modality groups are fusion', () => {
    expect(familyForDataset(ctr, 'forecasting')).toBe('recsys');
    expect(familyForDataset(fusion, 'forecasting')).toBe('fusion');
  });

  it('keeps the tab in use when the dataset feeds it and its roles point nowhere in particular', () => {
    const plain = dataset([col('x', 'float'), col('y', 'float'), col('label', 'int', 'target')]);
    expect(familyOfRoles(plain)).toBeNull();
    expect(familyForDataset(plain, 'fusion')).toBe('fusion');
    // with a time column beside the target, the Forecasting tab in use stays (a series with a label)
    const dated = dataset([col('day', 'datetime', 'time'), ...plain.columnInfo]);
    expect(familyForDataset(dated, 'forecasting')).toBe('forecasting');
  });

  it('does not open a labelled table without a time column on Forecasting (a fresh window’s tab)', () => {
    // a forecaster would ignore the target and read x, y as two series ("336 steps × 2 variables")
    const plain = dataset([col('x', 'float'), col('y', 'float'), col('label', 'int', 'target')]);
    expect(familyForDataset(plain, 'forecasting')).toBe('fusion');
  });

  it('opens Fusion for a review file as imported: a text column and other features make text + tabular', () => {
    // every column a plain feature with no modality, as the importer leaves a user's CSV
    const reviews = dataset([col('comment', 'text'), col('category', 'categorical'), col('price', 'float'), col('age_days', 'int'), col('satisfied', 'boolean', 'target')]);
    for (const current of ['forecasting', 'recsys', 'fusion'] as const) expect(familyForDataset(reviews, current)).toBe('fusion');
    // fields the user marked categorical still say CTR
    const marked = dataset(reviews.columnInfo.map((c) => (c.name === 'category' ? { ...c, role: 'categorical' as const } : c)));
    expect(familyForDataset(marked, 'forecasting')).toBe('recsys');
  });

  it('opens a ratings log with side features on Recommendation, whose note names the target to set', () => {
    // the columns as `gatelab import` reads a shop's ratings log: 300 customers, 150 products, 1..5 stars, a time
    // (role time), 5 categories, an age and a price. As imported only a forecaster could take it: the price made it a "series"
    const ids = (name: string, distinct: number): ColumnInfo => ({ ...col(name, 'categorical'), distinct });
    const shop = dataset([ids('customer_id', 300), ids('product_id', 150), { ...col('stars', 'int'), distinct: 5, min: 1, max: 5 },
      col('ts', 'datetime', 'time'), ids('category', 5), { ...col('customer_age', 'int'), distinct: 58, min: 18, max: 75 }, { ...col('price', 'float'), distinct: 147, min: 3.32, max: 79.47 }]);
    for (const current of ['forecasting', 'recsys', 'fusion'] as const) expect(familyForDataset(shop, current)).toBe('recsys');
    expect(dataShapeOf('recsys', shop).problem).toContain("the column 'stars' looks like one");
    // once a target is set the roles decide as for any table; a long-format series of a few stores stays a forecaster
    const sales = dataset([col('date', 'datetime', 'time'), ids('store', 4), col('sales', 'float')]);
    expect(familyForDataset(sales, 'recsys')).toBe('forecasting');
  });

  it('takes a demo dataset’s own family', () => {
    expect(familyForDataset(dataset(series.columnInfo, 'recsys'), 'fusion')).toBe('recsys');
  });
});
