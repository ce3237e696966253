import { describe, expect, it } from 'vitest';
import { compareGateLabel, compareSeriesOf, gateNamingOf, gateStatNames } from './compare-gates';

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

describe('components named as the Runs view names them', () => {
  // a tsmixer-gated run on the grid-load demo: its channel gate's components are the dataset's channels
  const run = (id: string, channels: string[]) => ({
    id,
    config: { model: { template: 'tsmixer-gated', channels: channels.length } },
    data: { inputs: { channels } },
  });
  const series = (id: string, k: number) => ({ id, series: Array.from({ length: k }, (_, i) => ({ name: `block0.gate/openness_by_channel[${i}]`, steps: [], values: [] })) });
  const load = ['load_1', 'load_2', 'demand'];

  it('by channel when every run that has it agrees', () => {
    const naming = gateNamingOf({ runs: [run('1', load), run('2', load)] as never, gates: [series('1', 3), series('2', 3)] });
    expect(compareGateLabel('block0.gate/openness_by_channel[0]', naming)).toBe('block 1 gate · openness by channel · load_1');
    expect(compareGateLabel('block0.gate/openness_by_channel[2]', naming)).toBe('block 1 gate · openness by channel · demand');
  });

  it('counted from 1 when runs on different datasets name a component differently', () => {
    const naming = gateNamingOf({ runs: [run('1', load), run('2', ['a', 'b', 'c'])] as never, gates: [series('1', 3), series('2', 3)] });
    expect(compareGateLabel('block0.gate/openness_by_channel[0]', naming)).toBe('block 1 gate · openness by channel · #1');
  });

  it('a histogram’s components by their bins, as the Runs view’s heatmap rows', () => {
    const hist = (id: string) => ({ id, series: Array.from({ length: 10 }, (_, i) => ({ name: `block0.gate/openness_hist[${i}]`, steps: [], values: [] })) });
    const naming = gateNamingOf({ runs: [run('1', load), run('2', ['a', 'b', 'c'])] as never, gates: [hist('1'), hist('2')] });
    expect(compareGateLabel('block0.gate/openness_hist[0]', naming)).toBe('block 1 gate · openness histogram · 0–0.1');
    expect(compareGateLabel('block0.gate/openness_hist[4]', naming)).toBe('block 1 gate · openness histogram · 0.4–0.5');
  });

  it('a run without the statistic has no say', () => {
    const naming = gateNamingOf({ runs: [run('1', load), run('2', ['a', 'b'])] as never, gates: [series('1', 3), { id: '2', series: [] }] });
    expect(compareGateLabel('block0.gate/openness_by_channel[1]', naming)).toBe('block 1 gate · openness by channel · load_2');
  });
});
