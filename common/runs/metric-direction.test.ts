// Every metric the lab reports ranks the same way wherever runs are ranked: losses and errors lowest
// first, scores highest first (the run table once ranked mape best-highest while Compare ranked it best-lowest).
import { describe, expect, it } from 'vitest';
import { lowerIsBetter } from './metric-direction';

describe('lowerIsBetter', () => {
  it('losses and errors: lower is better, under every prefix the lab writes', () => {
    for (const m of ['loss', 'logloss', 'mse', 'rmse', 'mae', 'mape', 'smape', 'perplexity', 'nll']) {
      for (const name of [m, `test.${m}`, `val.${m}`, `train.${m}`, `rating_${m}`, `test.rating_${m}`]) expect(lowerIsBetter(name), name).toBe(true);
    }
    expect(lowerIsBetter('TEST.MSE')).toBe(true);
    expect(lowerIsBetter('val.error')).toBe(true);
  });

  it('scores: higher is better', () => {
    for (const m of ['auc', 'accuracy', 'f1', 'r2', 'precision', 'recall', 'samples_per_sec']) {
      for (const name of [m, `test.${m}`, `val.${m}`]) expect(lowerIsBetter(name), name).toBe(false);
    }
  });

  it('reads whole parts of a name, not letters inside a word', () => {
    // 'mae' inside 'gamaelia' or 'mse' inside 'mouse_clicks' is no error metric
    expect(lowerIsBetter('test.gamaelia')).toBe(false);
    expect(lowerIsBetter('test.mouse_clicks')).toBe(false);
  });
});
