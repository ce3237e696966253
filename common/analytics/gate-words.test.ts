// The words every view uses for an older run's gate points stored as means over one training call.
import { describe, expect, it } from 'vitest';
import { callMeansNote, callMeanWords } from './gate-words';

describe('call-mean words', () => {
  it('name a mean by its steps, and a step’s own value not at all', () => {
    expect(callMeanWords(80, 73)).toBe('mean over steps 73–80');
    expect(callMeanWords(80, null)).toBeNull();
    expect(callMeanWords(80, undefined)).toBeNull();
    expect(callMeanWords(80, 80)).toBeNull(); // a call of one step: its value
  });

  it('count the means among the points drawn, naming the last', () => {
    const lead = 'Points recorded by an older GateLab are means over the steps of one training call, not values at their step: ';
    expect(callMeansNote([4, 80, 81], [3, 73, null])).toBe(`${lead}2 of the 3 points drawn (the last of them: mean over steps 73–80).`);
    expect(callMeansNote([4, 80], [3, 73])).toBe(`${lead}all 2 points drawn (the last of them: mean over steps 73–80).`);
    expect(callMeansNote([80], [1])).toBe(`${lead}the one point drawn (mean over steps 1–80).`);
    expect(callMeansNote([4, 80], [null, null])).toBeNull();
    expect(callMeansNote([4, 80], undefined)).toBeNull();
  });
});
