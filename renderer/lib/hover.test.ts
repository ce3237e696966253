// The hover tooltip lists only points near the cursor (in pixels along the step axis).
import { describe, expect, it } from 'vitest';
import { hoverRows } from './hover';

const train = { label: 'train.loss', color: '#000', steps: Array.from({ length: 1400 }, (_, i) => i + 1), values: Array.from({ length: 1400 }, (_, i) => 1 / (i + 1)) };
const val = { label: 'val.loss', color: '#111', steps: [280, 560, 840, 1120, 1400], values: [0.5, 0.4, 0.35, 0.33, 0.32] };
const test = { label: 'test.loss', color: '#222', steps: [1400], values: [0.3] };

describe('hoverRows', () => {
  it('at step ~741 of a 700 px plot lists the training point, not test.loss @ 1,400 nor val.loss @ 560/840', () => {
    const xr: [number, number] = [1, 1400];
    const px = ((741 - 1) / 1399) * 700;
    expect(hoverRows([train, val, test], px, xr, 700)).toEqual([{ label: 'train.loss', color: '#000', value: 1 / 741, step: 741 }]);
  });

  it('lists a sparse point when the cursor is within a few pixels of it', () => {
    const xr: [number, number] = [1, 1400];
    const at = (s: number) => ((s - 1) / 1399) * 700;
    expect(hoverRows([train, val, test], at(842), xr, 700).map((r) => `${r.label}@${r.step}`)).toEqual(['train.loss@842', 'val.loss@840']);
    expect(hoverRows([train, val, test], 700, xr, 700).map((r) => r.label)).toEqual(['train.loss', 'val.loss', 'test.loss']);
    expect(hoverRows([test], 350, [1399, 1401], 700)).toEqual([{ label: 'test.loss', color: '#222', value: 0.3, step: 1400 }]); // one point mid-chart
  });
});
