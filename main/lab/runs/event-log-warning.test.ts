// A forecasting template on a ratings log with side features is warned of (it trains, as a series of ratings),
// naming the run `gatelab import` suggested; a series, and a run whose target is set, are not.
import { describe, expect, it } from 'vitest';
import { eventLogWarning } from './event-log-warning';

const col = (name: string, type: string, role = 'feature') => ({ name, type, role });
// the import's stored statistics of a shop's ratings log: 300 customers, 150 products, 1..5 stars
const stored = [
  { name: 'customer_id', stats: { cardinality: 300 } }, { name: 'product_id', stats: { cardinality: 150 } },
  { name: 'stars', stats: { min: 1, max: 5, numbers: { distinct: 5, fractions: false } } }, { name: 'category', stats: { cardinality: 5 } },
  { name: 'customer_age', stats: { min: 18, max: 75, numbers: { distinct: 58, fractions: false } } },
];
const shop = [col('customer_id', 'categorical'), col('product_id', 'categorical'), col('stars', 'int'), col('ts', 'datetime', 'time'), col('category', 'categorical'), col('customer_age', 'int'), col('price', 'float')];
const ratings = { id: 4, name: 'ratings' };

describe('eventLogWarning', () => {
  it("says a ratings log is no series, what dlinear would forecast, and the import's run with its threshold", () => {
    expect(eventLogWarning('dlinear', shop, stored, ratings)).toBe("warning: 'ratings' looks like an event log (many user and item ids and a label, 'stars'), not a series: " +
      'dlinear forecasts stars, customer_age, price in file order, as if each row were a time step. ' +
      "gatelab import suggests a recommendation (CTR) model on 'stars' instead: gatelab train --dataset 4 --template deepfm --target stars --set positiveAtLeast=4. The run trains anyway");
  });

  it('reads the roles as the run has them: ignored ids make no log, a set target says what the run is for', () => {
    expect(eventLogWarning('dlinear', shop.map((c) => (c.name === 'product_id' ? { ...c, role: 'ignore' } : c)), stored, ratings)).toBeNull();
    expect(eventLogWarning('dlinear', shop.map((c) => (c.name === 'stars' ? { ...c, role: 'target' } : c)), stored, ratings)).toBeNull();
  });

  it('leaves series alone: a few stores with a float of sales, many stores and items with no label name', () => {
    const sales = [col('date', 'datetime', 'time'), col('store', 'categorical'), col('sales', 'float')];
    expect(eventLogWarning('dlinear', sales, [{ name: 'store', stats: { cardinality: 4 } }], { id: 5, name: 'sales' })).toBeNull();
    const many = [col('date', 'datetime', 'time'), col('store_id', 'categorical'), col('item_id', 'categorical'), col('units', 'int')];
    expect(eventLogWarning('patchtst', many, [{ name: 'store_id', stats: { cardinality: 60 } }, { name: 'item_id', stats: { cardinality: 800 } }], { id: 6, name: 'units' })).toBeNull();
  });
});
