// Gates are named by the columns the model reads, in its order, whatever the trainer left out (audit A23 #3):
// a constant or empty column left out of a forecast, an id field left out of a CTR run, imported categorical
// columns that keep the role 'feature'. The data lines here are written by the trainer's own code
// (usableColumns), so a reworded note fails this test instead of silently numbering every gate.
import { describe, expect, it } from 'vitest';
import { columnSource, TRAIN, TEST, type DataColumn, type SplitResult } from '../data';
import { defaultBinding, type ColumnDescription, type DataColumns } from '../models/binding';
import { usableColumns } from '../models/usable-columns';
import { gateNamesFromConfig, statComponentNames, knockoutLabel } from './gate-names';
import { leftOutColumns, runInputs } from './run-inputs';

const ROWS = 40;
const split: SplitResult = { assignment: Uint8Array.from({ length: ROWS }, (_, r) => (r < 30 ? TRAIN : TEST)), counts: { train: 30, val: 0, test: 10 }, ranges: null };
const numbers = (f: (r: number) => number): DataColumn => ({ values: Float64Array.from({ length: ROWS }, (_, r) => f(r)) });
const codes = (f: (r: number) => number): DataColumn => ({ values: Float64Array.from({ length: ROWS }, (_, r) => f(r)), dictionary: Array.from({ length: ROWS }, (_, i) => `v${i}`) });

/** The data line as the trainer writes it: "<family>: … samples; <usableColumns' notes>". */
function trainerLine(columns: ColumnDescription[], values: Record<string, DataColumn>, family: 'forecasting' | 'recsys'): { line: string; used: DataColumns } {
  const bound = defaultBinding(family, columns).columns as DataColumns;
  const typeOf = (n: string) => columns.find((c) => c.name === n)?.type;
  const usable = usableColumns(columnSource(ROWS, values), bound, split, typeOf);
  return { line: [`${family}: 28 train / 0 validation / 10 test samples`, ...usable.notes, 'log-scaled: price (skewed)'].join('; '), used: usable.columns };
}
const col = (name: string, type: string, role = 'feature'): ColumnDescription => ({ name, type, role, modality: null } as ColumnDescription);

describe('forecasting gates are named by the channels the model reads', () => {
  // fc15_gap: a constant site flag between the channels; hostile_bom_crlf: an all-NaN numeric column
  const columns = [col('timestamp', 'datetime', 'time'), col('load_kw', 'float'), col('site_flag', 'int'), col('temp_c', 'float'), col('empty_nan', 'float'), col('Verbrauch (kWh)', 'float')];
  const values = { load_kw: numbers((r) => r % 7), site_flag: numbers(() => 1), temp_c: numbers((r) => -r), empty_nan: numbers(() => NaN), 'Verbrauch (kWh)': numbers((r) => r * 1e12) };
  const { line, used } = trainerLine(columns, values, 'forecasting');
  const config = { model: { template: 'tsmixer-gated', channels: 3, lookback: 8, horizon: 2 }, data: { columns } };

  it('leaves out the columns the data line names, keeping the order of the rest', () => {
    expect(line).toContain('left out: site_flag (constant), empty_nan (all missing)');
    expect(used.family === 'forecasting' && used.channels).toEqual(['load_kw', 'temp_c', 'Verbrauch (kWh)']);
    const names = gateNamesFromConfig(config, { line });
    expect(names.variables).toEqual(['load_kw', 'temp_c', 'Verbrauch (kWh)']);
    expect(statComponentNames('block0.gate', 'openness_by_channel', 3, names)).toEqual(['load_kw', 'temp_c', 'Verbrauch (kWh)']);
    expect(statComponentNames('val.block1.gate', 'openness_by_channel', 3, names)).toEqual(['load_kw', 'temp_c', 'Verbrauch (kWh)']);
    // TFT's variable selection over the same channels
    expect(knockoutLabel({ gate: 'selection', kind: 'selection', mode: 'single', expert: 1 }, names)).toBe('variable selection only temp_c');
  });

  it('without the data line, a model narrower than the columns gets numbers, never shifted names', () => {
    expect(gateNamesFromConfig(config).variables).toEqual([]);
    expect(statComponentNames('block0.gate', 'openness_by_channel', 3, gateNamesFromConfig(config))).toEqual(['channel 0', 'channel 1', 'channel 2']);
  });

  it('a run from before columns were left out (its model as wide as all of them) keeps every name', () => {
    const wide = { model: { template: 'tsmixer-gated', channels: 5 }, data: { columns } };
    expect(gateNamesFromConfig(wide, { line: 'forecasting: 28 train / 0 validation / 10 test samples' }).variables).toEqual(['load_kw', 'site_flag', 'temp_c', 'empty_nan', 'Verbrauch (kWh)']);
    expect(gateNamesFromConfig(wide).variables).toHaveLength(5);
  });
});

describe('FinalMLP per-field gates are named by the fields the model reads', () => {
  // clicks.csv as imported: string columns are type categorical with role feature (only the demo sets the
  // role categorical), price and ids written 10717.0 are numbers, impression_id is one value per row
  const columns = [col('impression_id', 'categorical'), col('user_id', 'float'), col('device', 'categorical'), col('publisher', 'categorical'),
    col('hour', 'int', 'categorical'), col('price', 'float'), col('clicked', 'int', 'target')];
  const values = { impression_id: codes((r) => r), user_id: numbers((r) => 10000 + (r % 9)), device: codes((r) => r % 3), publisher: codes((r) => r % 11), hour: numbers((r) => r % 24), price: numbers((r) => r * 1.5), clicked: numbers((r) => r % 2) };
  const { line } = trainerLine(columns, values, 'recsys');
  const model = { template: 'finalmlp', fields: [3, 11, 24], numeric: 2, gate1: { kind: 'sigmoid', scale: 2, granularity: 'field' }, gate2: { kind: 'sigmoid', scale: 2, granularity: 'field' } };

  it('names the fields (type categorical, role feature) then the numeric inputs, the id field left out', () => {
    expect(line).toContain('left out: impression_id (an id: one value per row)');
    const names = gateNamesFromConfig({ model, data: { columns } }, { line });
    expect(names.fields).toEqual(['device', 'publisher', 'hour', 'user_id', 'price']);
    expect(statComponentNames('gate2', 'openness_by_field', 5, names)).toEqual(['device', 'publisher', 'hour', 'user_id', 'price']);
    expect(statComponentNames('val.gate1', 'openness_by_field', 5, names)).toEqual(['device', 'publisher', 'hour', 'user_id', 'price']);
  });

  it('with nothing left out, the config alone names them (run 31: user_id and ad_id set categorical)', () => {
    const kept = columns.filter((c) => c.name !== 'impression_id');
    expect(gateNamesFromConfig({ model, data: { columns: kept } }).fields).toEqual(['device', 'publisher', 'hour', 'user_id', 'price']);
    // a multi-hot's buckets are numeric inputs without a column each: numbers, not names
    expect(gateNamesFromConfig({ model: { ...model, numeric: 9 }, data: { columns: kept } }).fields).toBeUndefined();
  });
});

describe('the trainer\'s own list of inputs (RunDataSummary.inputs) wins over the data line', () => {
  // a channel whose name reads like the note: the line parser takes 'pv' for left out and numbers every gate
  const columns = [col('ts', 'datetime', 'time'), col('load; left out: pv (kW)', 'float'), col('pv', 'float'), col('flag', 'int')];
  const values = { 'load; left out: pv (kW)': numbers((r) => r % 7), pv: numbers((r) => -r), flag: numbers(() => 1) };
  const { line: notes, used } = trainerLine(columns, values, 'forecasting');
  const config = { model: { template: 'tsmixer-gated', channels: 2 }, data: { columns } };
  // as `gatelab train` printed it for this file: the channel list note comes before usableColumns' notes
  const line = 'forecasting: 251 train / 35 validation / 75 test samples; 2 channels: load; left out: pv (kW), pv; left out: flag (constant)';

  it('names the channels a line parser cannot tell apart', () => {
    expect(notes).toContain('; left out: flag (constant)');
    expect(used.family === 'forecasting' && used.channels).toEqual(['load; left out: pv (kW)', 'pv']);
    expect(gateNamesFromConfig(config, { line }).variables).toEqual([]); // an old run's summary: numbers, not names
    const inputs = { channels: ['load; left out: pv (kW)', 'pv'] };
    expect(gateNamesFromConfig(config, { line, inputs }).variables).toEqual(['load; left out: pv (kW)', 'pv']);
    // no column snapshot needed: the trainer said them
    expect(runInputs({ model: { channels: 2 } }, { inputs })).toEqual(inputs);
  });

  it('CTR fields by the trainer, checked against the model\'s width; a list that does not fit is not used', () => {
    const model = { template: 'finalmlp', fields: [3, 11], numeric: 1 };
    expect(runInputs({ model }, { inputs: { fields: ['city, country', 'device', 'price'] } })).toEqual({ fields: ['city, country', 'device', 'price'] });
    expect(runInputs({ model }, { inputs: { fields: ['city, country', 'device'] } })).toEqual({});
    expect(runInputs(config, { line, inputs: { channels: ['a', 'b', 'c'] } })).toEqual({});
  });
});

describe('reading the left-out note', () => {
  it('finds whole names only, whatever characters they hold', () => {
    const line = 'recsys: 9 train; left out: a, b (an id: one value per row), user_id (constant); log-scaled: id (skewed)';
    expect([...leftOutColumns(line, ['a, b', 'id', 'user_id', 'a', 'b'])].sort()).toEqual(['a, b', 'user_id']);
    expect(leftOutColumns('forecasting: 3 train; not forecast: x (categorical)', ['x']).size).toBe(0);
    expect(leftOutColumns(undefined, ['x']).size).toBe(0);
  });

  it('a config that does not bind (no target, no channel) names nothing; one without types is read by its roles', () => {
    expect(runInputs({ model: { fields: [3], numeric: 0 }, data: { columns: [col('a', 'categorical')] } })).toEqual({});
    expect(runInputs({ model: { channels: 1 }, data: { columns: [{ name: 'when', role: 'time' }] } })).toEqual({});
    expect(runInputs({ model: { channels: 2 }, data: { columns: [{ name: 'when', role: 'time' }, { name: 'a', role: 'feature' }, { name: 'b', role: 'target' }] } })).toEqual({ channels: ['a', 'b'] });
  });
});
