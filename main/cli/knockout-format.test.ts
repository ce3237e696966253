// The CLI's knockout table keeps the ids --gate/--mode/--expert take, and adds what a row means in the
// run's words when that says more (which modality a bimodal GMU knockout keeps, which expert is which).
import { describe, expect, it } from 'vitest';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import type { KnockoutTable } from '../../common/analytics';
import { formatKnockouts, knockoutNames } from './knockout';

describe('gatelab knockout table', () => {
  it('names the modality a bimodal GMU knockout keeps, beside the ids to type', () => {
    const row = (mode: 'open' | 'closed' | 'mean', delta: number) => ({ gate: 'gmu', kind: 'gate' as const, mode, value: 0.8 + delta, delta, ci: { low: delta - 0.01, high: delta + 0.01, level: 0.95 } });
    const table: KnockoutTable = { runId: 7, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.8, samples: 100, resamples: 1000, seed: 0, rows: [row('open', -0.35), row('closed', -0.003), row('mean', 0)] };
    const names = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'text', dim: 64 }, { name: 'tabular', dim: 8 }] } });
    const lines = formatKnockouts(table, names).split('\n');
    expect(lines[0]).toMatch(/^run 7: test auc 0\.8000 as trained/);
    expect(lines[2]).toMatch(/^ {2}gmu open +0\.4500 +-0\.3500 +\[-0\.3600, -0\.3400\] {2}\(gmu open \(text only\)\)$/);
    expect(lines[3]).toMatch(/^ {2}gmu closed .*\(gmu closed \(tabular only\)\)$/);
    expect(lines[4]).toMatch(/^ {2}gmu mean .*\]$/); // nothing to add
  });

  it('counts what was resampled in a reader\'s units: thousands separated, a forecast\'s block bootstrap in windows', () => {
    const row = { gate: 'g', kind: 'gate' as const, mode: 'closed' as const, value: 0.5, delta: 0.01, ci: { low: 0, high: 0.02, level: 0.95 } };
    const base = { runId: 3, split: 'test' as const, metric: 'mse', higherIsBetter: false, baseline: 0.49, resamples: 200, seed: 0, rows: [row] };
    expect(formatKnockouts({ ...base, samples: 5000 }).split('\n')[0]).toMatch(/; 5,000 samples, 200 bootstrap resamples, seed 0\)$/);
    expect(formatKnockouts({ ...base, samples: 389, interval: { kind: 'block', block: 8, span: 96 } }).split('\n')[0]).toMatch(/; 389 windows, 200 bootstrap/);
  });

  it("names TFT's \"only <variable>\" rows by the channels the run reads, a constant column left out", () => {
    // a run as the store keeps it: the column snapshot has 'flag', the trainer left it out (its data line says so)
    const columns = [{ name: 'time', type: 'datetime', role: 'time' }, { name: 'load', type: 'float', role: 'feature' }, { name: 'flag', type: 'int', role: 'feature' }, { name: 'temp', type: 'float', role: 'feature' }];
    const config = { model: { template: 'tft-lite', channels: 2, lookback: 24, horizon: 4 }, data: { kind: 'dataset', datasetId: 1, columns } };
    const dataSummary = { line: 'forecasting: 393 train / 57 validation / 117 test samples; 2 channels: load, temp; left out: flag (constant)', logScaled: [] };
    const row = (expert: number, delta: number) => ({ gate: 'selection', kind: 'selection' as const, mode: 'single' as const, expert, value: 1.17 + delta, delta, ci: { low: delta - 0.05, high: delta + 0.05, level: 0.95 } });
    const table: KnockoutTable = { runId: 1, split: 'test', metric: 'mse', higherIsBetter: false, baseline: 1.17, samples: 117, resamples: 50, seed: 0, rows: [row(0, 0.47), row(1, -0.15)] };
    const lines = formatKnockouts(table, knockoutNames({ config, dataSummary })).split('\n');
    expect(lines[2]).toMatch(/^ {2}selection single 0 .*\(variable selection only load\)$/);
    expect(lines[3]).toMatch(/^ {2}selection single 1 .*\(variable selection only temp\)$/);
    // without its data line the snapshot's three channels do not fit the model's two: no name rather than a shifted one
    expect(formatKnockouts(table, knockoutNames({ config })).split('\n')[3]).not.toMatch(/load|flag|temp/);
  });

  it('keeps every column in line: a long delta or interval end and the words after it start at one column per table', () => {
    const row = (gate: string, delta: number, low: number, high: number) => ({ gate, kind: 'gate' as const, mode: 'open' as const, value: 0.86 + delta, delta, ci: { low, high, level: 0.95 } });
    const table: KnockoutTable = { runId: 22, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.86, samples: 100, resamples: 1000, seed: 0,
      rows: [row('gmu', 0.000016, -0.000056, 0.000114), row('gmu', -0.25, -0.31, -0.2), row('gmu', 1.5, 1.2, 11.75)] };
    const names = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'text', dim: 64 }, { name: 'tabular', dim: 8 }] } });
    const lines = formatKnockouts(table, names).split('\n').slice(1, -1); // the header and rows, not the interval's footnote
    const columnOf = (re: RegExp) => new Set(lines.slice(1).map((l) => l.search(re)));
    expect(columnOf(/\[/).size).toBe(1); // every interval opens at one column
    expect(columnOf(/,/).size).toBe(1); // and its two ends part at one column
    expect(columnOf(/\] +\(gmu open/).size).toBe(1);
    expect(new Set(lines.slice(1).map((l) => l.indexOf('(gmu open (text only))'))).size).toBe(1); // the words too
    expect(lines[0].indexOf('95% interval')).toBe(lines[1].indexOf('['));
  });

  it('keeps decimal points in line when a tiny delta carries its note (audit G6: run 1\'s mean knockouts)', () => {
    const row = (gate: string, mode: 'open' | 'closed' | 'mean', delta: number, low: number, high: number) => ({ gate, kind: 'gate' as const, mode, value: 0.05232 + delta, delta, ci: { low, high, level: 0.95 } });
    const table: KnockoutTable = { runId: 1, split: 'test', metric: 'mse', higherIsBetter: false, baseline: 0.05232, samples: 5161, resamples: 1000, seed: 0,
      rows: [row('block0.gate', 'open', -0.0000694, -0.0000905, -0.0000468), row('block0.gate', 'mean', -2.797e-8, -3.219e-8, -2.378e-8), row('block1.gate', 'closed', 0.000442, 0.000426, 0.000456)] };
    const all = formatKnockouts(table).split('\n');
    // the last line says how the intervals were drawn: a table without its method was drawn sample by sample
    expect(all.at(-1)).toMatch(/^ {2}95% interval: .*independent/);
    const lines = all.slice(0, -1);
    expect(lines[3]).toMatch(/^ {2}block0\.gate mean +0\.052320  -0\.000000 \(< 1e-6\)  \[-0\.000000, -0\.000000\]  \(block 1 gate mean\)$/);
    // every delta's last digit and every interval's "[" at one column, the header's "delta" over the numbers
    const deltaEnd = lines.slice(2).map((l) => l.search(/\d(?: \(< 1e-6\))? +\[/));
    expect(new Set(deltaEnd).size).toBe(1);
    expect(new Set(lines.slice(2).map((l) => l.indexOf('['))).size).toBe(1);
    expect(lines[1].indexOf('delta') + 'delta'.length - 1).toBe(deltaEnd[0]);
  });

  it('signs each delta as the app and the gate report do: "+" on a rise, an exact 0 unsigned, a tiny rise "+… (< 1e-6)"', () => {
    const row = (mode: 'open' | 'closed' | 'mean', delta: number) => ({ gate: 'g', kind: 'gate' as const, mode, value: 0.05 + delta, delta, ci: { low: delta - 0.0001, high: delta + 0.0001, level: 0.95 } });
    const table: KnockoutTable = { runId: 4, split: 'test', metric: 'mse', higherIsBetter: false, baseline: 0.05, samples: 100, resamples: 1000, seed: 0,
      rows: [row('open', 0.00532), row('closed', -0.012), row('mean', 0), { ...row('mean', 2e-7), gate: 'h' }] };
    const lines = formatKnockouts(table).split('\n');
    const deltaCell = (l: string) => /^ {2}\S+ \S+ +\S+ +(\S+(?: \(< 1e-6\))?) +\[/.exec(l)![1];
    expect(lines.slice(2, 6).map(deltaCell)).toEqual(['+0.005320', '-0.012000', '0.000000', '+0.000000 (< 1e-6)']);
    // the sign sits left of the number: the last digits (and the head's "delta") stay in one column
    const ends = lines.slice(2, 6).map((l) => l.search(/\d(?: \(< 1e-6\))? +\[/));
    expect(new Set(ends).size).toBe(1);
    expect(lines[1].indexOf('delta') + 'delta'.length - 1).toBe(ends[0]);
  });

  it('prints every number of a table in one notation: fixed decimals, never 1e-7 beside 0.0001', () => {
    const row = (gate: string, delta: number, half: number) => ({ gate, kind: 'gate' as const, mode: 'closed' as const, value: 0.5 + delta, delta, ci: { low: delta - half, high: delta + half, level: 0.95 } });
    // a number below the last decimal says so after it ("(< 1e-6)"): a bound, not one of the table's numbers
    const bound = / \(< 1e-\d\)/g;
    const numbers = (text: string) => text.split('\n').slice(2).flatMap((l) => l.replace(/^ {2}\S+ \S+/, '').replace(bound, '').match(/-?\d[\d.e+-]*/g) ?? []); // after the row's label
    const table = (rows: ReturnType<typeof row>[]): KnockoutTable => ({ runId: 3, split: 'test', metric: 'logloss', higherIsBetter: false, baseline: 0.5, samples: 100, resamples: 1000, seed: 0, rows });
    // a delta of float noise (1.2e-7, which toString writes as 1.2e-7) beside real ones
    const mixed = formatKnockouts(table([row('g1', 0.0001, 0.00005), row('g2', 1.2e-7, 0.0002), row('g3', -0.25, 0.01)]));
    expect(mixed.replace(bound, '')).not.toMatch(/\de[+-]?\d/);
    const shown = numbers(mixed);
    expect(shown.length).toBe(12); // value, delta and both interval ends of 3 rows
    expect(new Set(shown.map((n) => n.split('.')[1]?.length)).size).toBe(1); // the same decimals everywhere
    expect(mixed.split('\n')[2]).toMatch(/^ {2}g1 closed +0\.500100 +\+0\.000100 +\[ 0\.000050,  0\.000150\]$/); // ends padded to -0.260000's width
    // below the table's resolution: not 0 (audit G6: a mean knockout's -2.8e-8 read 0.000000), and its sign kept
    expect(mixed.split('\n')[3]).toMatch(/ \+0\.000000 \(< 1e-6\) +\[-0\.000200,  0\.000200\]$/);
    expect(formatKnockouts(table([row('g1', 0.0001, 0.00005), row('g2', -2.8e-8, 4e-9)])).split('\n')[3])
      .toMatch(/ -0\.000000 \(< 1e-6\) +\[-0\.000000, -0\.000000\]$/); // the note once, in the delta; the ends below 0 too
    expect(mixed.split('\n')[0]).toContain('test logloss 0.500000 as trained');
    // an ordinary table keeps 4 decimals
    expect(numbers(formatKnockouts(table([row('g1', -0.012, 0.004)]))).every((n) => /^-?\d+\.\d{4}$/.test(n))).toBe(true);
  });

  it('reads a regression on a tiny target (MSE ~4e-10) in its numbers, every cell in one power of ten (audit O4)', () => {
    // the smallest number (the uniform row's delta, 0.007e-9) keeps two significant digits: 4 mantissa decimals
    const row = (mode: 'top1' | 'uniform', value: number, low: number, high: number) => ({ gate: 'router', kind: 'router' as const, mode, value, delta: value - 4.03e-10, ci: { low, high, level: 0.95 } });
    const table: KnockoutTable = { runId: 8, split: 'test', metric: 'mse', higherIsBetter: false, baseline: 4.03e-10, samples: 200, resamples: 1000, seed: 0,
      rows: [row('top1', 2.11e-9, 1.52e-9, 1.9e-9), row('uniform', 4.1e-10, -2e-12, 1.6e-11)] };
    const out = formatKnockouts(table);
    expect(out).not.toMatch(/0\.000000|< 1e-6/);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^run 8: test mse 0\.4030e-9 as trained/);
    expect(lines[2]).toMatch(/^ {2}router top1 +2\.1100e-9 +\+1\.7070e-9 +\[ ?1\.5200e-9, 1\.9000e-9\]$/);
    expect(lines[3]).toMatch(/^ {2}router uniform +0\.4100e-9 +\+0\.0070e-9 +\[-0\.0020e-9, 0\.0160e-9\]$/);
  });
  it("says why a stored table's rating-gate rows are all exactly 0: scored on the click AUC, which does not read that gate", () => {
    const row = (gate: string, mode: 'uniform' | 'mean', delta: number) => ({ gate, kind: 'router' as const, mode, value: 0.69 + delta, delta, ci: { low: Math.min(0, delta * 2), high: Math.max(0, delta * 2), level: 0.95 } });
    const table: KnockoutTable = { runId: 17, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.69, samples: 2000, resamples: 1000, seed: 0,
      rows: [row('gate.task0', 'uniform', 0.0008), row('gate.task0', 'mean', 0), row('gate.task1', 'uniform', 0), row('gate.task1', 'mean', 0)] };
    const names = gateNamesFromConfig({ model: { template: 'mmoe' } });
    const notes = formatKnockouts(table, names).split('\n').filter((l) => l.startsWith('  note: '));
    expect(notes).toHaveLength(1); // the click gate moved the AUC on one knockout: no note for it
    expect(notes[0]).toContain('gate.task1 (rating gate)');
    expect(notes[0]).toMatch(/rating tower only; this table was stored before knockouts were scored per task, on the click auc/);
    expect(notes[0]).toMatch(/\(gatelab knockout 17 --gate gate\.task1 scores it on the rating tower\)$/);
    // a gate of another model whose knockouts all left the metric unchanged: said plainly, in the table's metric
    const flat: KnockoutTable = { ...table, metric: 'mse', rows: [row('exit_gate.gate1', 'mean', 0)] };
    expect(formatKnockouts(flat, gateNamesFromConfig({ model: { template: 'early-exit-mlp' } }))).toMatch(/note: no knockout of exit_gate\.gate1 \(exit gate after block 2\) changed the test mse at all/);
    // a table where every gate moved the metric has no note
    expect(formatKnockouts({ ...table, rows: table.rows.slice(0, 1) }, names)).not.toContain('note:');
  });

  it("names each row's metric when a table scores more than one (MMoE: the rating gate on rating_rmse), and each one's value as trained", () => {
    const ci = (d: number) => ({ low: d - 0.01, high: d + 0.01, level: 0.95 });
    const table: KnockoutTable = { runId: 17, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.69, samples: 2000, resamples: 1000, seed: 0, rows: [
      { gate: 'gate.task0', kind: 'router', mode: 'uniform', value: 0.67, delta: -0.02, ci: ci(-0.02), metric: 'auc', higherIsBetter: true, baseline: 0.69 },
      { gate: 'gate.task1', kind: 'router', mode: 'uniform', value: 0.95, delta: 0.04, ci: ci(0.04), metric: 'rating_rmse', higherIsBetter: false, baseline: 0.91 },
    ] };
    const lines = formatKnockouts(table, gateNamesFromConfig({ model: { template: 'mmoe' } })).split('\n');
    expect(lines[0]).toMatch(/^run 17: test auc 0\.6900 as trained \(higher is better;/);
    expect(lines[1]).toBe('  test rating_rmse 0.9100 as trained (lower is better): the metric of the gate.task1 (rating gate) rows, the task it serves');
    expect(lines[2]).toMatch(/^ {2}knockout +metric +value +delta +95% interval$/);
    expect(lines[3]).toMatch(/^ {2}gate\.task0 uniform +auc +0\.6700 +-0\.0200 +\[/);
    expect(lines[4]).toMatch(/^ {2}gate\.task1 uniform +rating_rmse +0\.9500 +\+0\.0400 +\[/);
    expect(lines[3].indexOf('0.6700') + 6).toBe(lines[4].indexOf('0.9500') + 6); // the values line up
    expect(lines.join('\n')).not.toContain('note:'); // both gates moved their metric
    // a table of one metric (rows that name it, or rows stored before rows did) keeps its value column headed by it
    expect(formatKnockouts({ ...table, rows: table.rows.slice(0, 1) }).split('\n')[1]).toMatch(/^ {2}knockout +auc +delta/);
  });

  it("gives a forecasting run's target channel (--target OT) its own rows under the headline's, every channel's mean", () => {
    const ci = (d: number) => ({ low: d - 0.002, high: d + 0.002, level: 0.95 });
    const row = (mode: 'open' | 'closed', delta: number, ot: number) => ({ gate: 'block0.gate', kind: 'gate' as const, mode, value: 0.43 + delta, delta, ci: ci(delta),
      metric: 'mse', higherIsBetter: false, baseline: 0.43, channels: [{ name: 'OT', baseline: 0.1036, value: 0.1036 + ot, delta: ot, ci: ci(ot) }] });
    const table: KnockoutTable = { runId: 5, split: 'test', metric: 'mse', higherIsBetter: false, baseline: 0.43, samples: 2000, resamples: 1000, seed: 0,
      interval: { kind: 'block', block: 432, span: 432 }, rows: [row('open', -0.001, 0.02), row('closed', 0.05, 0.12)] };
    const lines = formatKnockouts(table).split('\n');
    expect(lines[0]).toMatch(/^run 5: test mse 0\.4300 as trained/);
    expect(lines[1]).toMatch(/^ {2}knockout +mse +delta +95% interval$/);
    expect(lines[4]).toBe("  target 'OT' alone: test mse of 'OT' 0.1036 as trained (its own channel; the rows above score every channel's mean, as the run's headline test mse)");
    expect(lines[5]).toMatch(/^ {2}knockout +mse of 'OT' +delta +95% interval$/);
    expect(lines[6]).toMatch(/^ {2}block0\.gate open +0\.1236 +\+0\.0200 +\[0\.0180, 0\.0220\]  \(block 1 gate open\)$/);
    expect(lines[7]).toMatch(/^ {2}block0\.gate closed +0\.2236 +\+0\.1200 +\[/);
    expect(lines[8]).toMatch(/^ {2}95% interval: block bootstrap/);
  });
});
