// The HTML gate report's numbers: an expert × class grid whose cells fit their numbers (the audit read
// "0.000150.00055": two full-precision values running together), and an expert's mean beside the overall
// mean with the digits it takes to differ.
import { describe, expect, it } from 'vitest';
import { heatmap } from './report-html';

const cellTexts = (svg: string) => [...svg.matchAll(/<text [^>]*font-size="10">([^<]*)<\/text>/g)].map((m) => m[1]);

describe('gate report heatmap numbers', () => {
  it('writes small values in a shared power of ten, stated under the grid, short enough for a cell', () => {
    const svg = heatmap(['expert 0', 'expert 1'], ['0', '1'], [[0.00015, 0.00055], [0.0002, 0.0001]]);
    expect(cellTexts(svg)).toEqual(['1.5', '5.5', '2.0', '1.0']);
    expect(svg).toContain('values × 10⁻⁴');
    // a 34 px cell fits 4 characters of 10 px text
    for (const t of cellTexts(svg)) expect(t.length).toBeLessThanOrEqual(4);
    expect(svg).toContain('aria-label="values × 10⁻⁴: expert 0: 0 1.5, 1 5.5; expert 1: 0 2.0, 1 1.0"');
  });
  it('shares of 0.1 and up as they are', () => {
    expect(cellTexts(heatmap(['expert 0'], ['0', '1'], [[0.242, 0.758]]))).toEqual(['0.24', '0.76']);
  });
});
