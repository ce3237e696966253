// f1 is macro-F1; shown bare it was read as the positive class's F1 (test.f1 0.636 beside a 'yes' F1 of 0.34).
import { describe, expect, it } from 'vitest';
import { shownMetricName } from './metric-name';

describe('shownMetricName', () => {
  it('says that f1 is the macro average, on every split', () => {
    expect(shownMetricName('test.f1')).toBe('test.f1 (macro)');
    expect(shownMetricName('val.f1')).toBe('val.f1 (macro)');
    expect(shownMetricName('f1')).toBe('f1 (macro)');
  });
  it('leaves other metrics as they are', () => {
    for (const name of ['test.auc', 'val.loss', 'accuracy', 'test.rating_rmse', 'buf1', 'test.f10']) expect(shownMetricName(name)).toBe(name);
  });
});
