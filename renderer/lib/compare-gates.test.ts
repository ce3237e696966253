import { describe, expect, it } from 'vitest';
import { compareGateLabel, compareSeriesOf, gateStatNames } from './compare-gates';

describe('Compare gate statistics', () => {
  it('names them as the Runs view gate panels do, components counted from 1', () => {
    expect(compareGateLabel('ff.gate/openness')).toBe('ff.gate · openness');
    expect(compareGateLabel('val.router/entropy')).toBe('router (validation) · entropy');
    expect(compareGateLabel('router/load[1]')).toBe('router · load · #2');
    expect(compareGateLabel('loss.router/load_cv2')).toBe('router · auxiliary loss · load CV²');
  });

  it('lists every statistic any run has once, components in order', () => {
    const gates = [
      { id: '1', series: [{ name: 'router/load[10]', steps: [], values: [] }, { name: 'router/load[2]', steps: [], values: [] }] },
      { id: '2', series: [{ name: 'ff.gate/openness', steps: [], values: [] }, { name: 'router/load[2]', steps: [], values: [] }] },
    ];
    expect(gateStatNames(gates)).toEqual(['ff.gate/openness', 'router/load[2]', 'router/load[10]']);
    expect(gateStatNames(undefined)).toEqual([]);
  });

  it('reads a gate statistic from the gates, a metric from the metrics', () => {
    const data = {
      series: [{ id: '1', series: [{ name: 'loss', steps: [1], values: [2] }] }],
      gates: [{ id: '1', series: [{ name: 'ff.gate/openness', steps: [1], values: [0.5] }] }],
    };
    expect(compareSeriesOf(data, '1', 'ff.gate/openness', true)?.values).toEqual([0.5]);
    expect(compareSeriesOf(data, '1', 'loss', false)?.values).toEqual([2]);
    expect(compareSeriesOf(data, '2', 'ff.gate/openness', true)).toBeUndefined();
  });
});

describe('an older run\'s means over training calls', () => {
  it('are named as the statistic, with the note after it', () => {
    expect(compareGateLabel('router/load_cv2 (means over training calls)')).toBe(`${compareGateLabel('router/load_cv2')} (means over training calls)`);
    expect(compareGateLabel('router/load_cv2')).not.toContain('load_cv2');
  });
});
