// Try it names what the model predicts by the user's column (try-target.ts), never by the ONNX tensor names.
import { describe, expect, it } from 'vitest';
import { binaryTargetText, predictsText } from './try-target';

describe('predictsText', () => {
  it('says the task and the target column as the file writes it', () => {
    expect(predictsText('binary', 'Recommended IND')).toBe('Binary classification of Recommended IND');
    expect(predictsText('multiclass', 'species')).toBe('Classification of species');
    expect(predictsText('regression', 'price')).toBe('Regression of price');
    // no column known (a run on synthetic data): the task alone, not "label"
    expect(predictsText('binary', null)).toBe('Binary classification');
  });

  it('names a forecast’s channels, a long list cut short, and counts unnamed ones', () => {
    expect(predictsText('regression', null, { horizon: 24, channels: 2, names: ['load', 'temp'] })).toBe('Forecast of load, temp');
    expect(predictsText('regression', null, { horizon: 24, channels: 7, names: ['HUFL', 'HULL', 'MUFL', 'MULL', 'LUFL', 'LULL', 'OT'] })).toBe('Forecast of HUFL, HULL, MUFL and 4 more');
    expect(predictsText('regression', null, { horizon: 24, channels: 2, names: ['channel 0', 'channel 1'] })).toBe('Forecast of 2 channels');
  });
});

describe('binaryTargetText', () => {
  it("a rule's row by its own value beside its side; a row without one by its class word", () => {
    expect(binaryTargetText('≥ 4', 5)).toBe('5 (≥ 4)');
    expect(binaryTargetText('< 4', 3.5)).toBe('3.5 (< 4)');
    expect(binaryTargetText('< 4', 'three')).toBe('three (< 4)');
    expect(binaryTargetText('true')).toBe('true');
  });
});
