import { describe, expect, it } from 'vitest';
import { spreadLabels } from './value-labels';

describe('value labels beside single points', () => {
  it('pushes close labels apart (0.7814 and 0.7803 one pixel apart) and leaves distant ones alone', () => {
    const out = spreadLabels([
      { x: 500, y: 41, text: '0.7803', color: 'b' },
      { x: 500, y: 40, text: '0.7814', color: 'a' },
      { x: 500, y: 42, text: '0.78', color: 'c' },
      { x: 100, y: 40, text: 'far left', color: 'd' },
    ], 12, 0);
    const at = (t: string) => out.find((l) => l.text === t)!.y;
    expect([at('0.7814'), at('0.7803'), at('0.78')]).toEqual([40, 52, 64]);
    expect(at('far left')).toBe(40);
  });

  it('keeps labels below the top edge', () => {
    expect(spreadLabels([{ x: 0, y: 2, text: 'a', color: 'a' }], 12, 19)[0].y).toBe(19);
  });
});
