import { describe, expect, it } from 'vitest';
import { apAfterAuc, apChanceText } from './ap-chance';

describe('ap beside auc', () => {
  it('moves each ap right after its auc, leaving an ap without an auc where it is', () => {
    const id = (s: string) => s;
    expect(apAfterAuc(['accuracy', 'ap', 'auc', 'f1'], id)).toEqual(['accuracy', 'auc', 'ap', 'f1']);
    expect(apAfterAuc(['test.accuracy', 'test.ap', 'test.auc', 'val.ap', 'val.auc'], id)).toEqual(['test.accuracy', 'test.auc', 'test.ap', 'val.auc', 'val.ap']);
    expect(apAfterAuc(['accuracy', 'ap', 'f1'], id)).toEqual(['accuracy', 'ap', 'f1']);
    expect(apAfterAuc(['rating_rmse', 'snap', 'auc'], id)).toEqual(['rating_rmse', 'snap', 'auc']); // only the metric named ap
  });

  it('words the chance level with two significant digits', () => {
    expect(apChanceText(0.05)).toBe('chance 0.05');
    expect(apChanceText(0.1399)).toBe('chance 0.14');
    expect(apChanceText(0.012345)).toBe('chance 0.012');
  });
});
