// `gatelab knockout RUN --gate G --mode M --rows 0-9,42`: one line per row in the task's terms (as Try it
// words them), and what `--rows` refuses before any job starts (exit 2), in the words `gatelab knockout`
// uses. The refusals run in-process (testing/gatelab.ts) on a run whose checkpoint is a stand-in
// (testing/checkpointed-run.ts): a request that reached the job would load it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnockoutRowsResult } from '../../common/analytics';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import { defaultModelConfig } from '../../common/models';
import { labPaths } from '../lab/home';
import { openLabStore } from '../lab/store/index';
import { gatelab } from './testing/gatelab';
import { addCheckpointedRun } from './testing/checkpointed-run';
import { formatKnockoutRows, knockoutRowsJson } from './knockout-rows';

const result = (over: Partial<KnockoutRowsResult>): KnockoutRowsResult => ({
  runId: 3, knockout: { gate: 'gmu', kind: 'gate', mode: 'open' }, task: 'binary', forecast: false, prediction: 'logits', target: 'label', testRows: 2348, rows: [], ...over,
});

describe('the rows, in the task terms Try it uses', () => {
  it("binary: the actual label, the probability by the run's label, the change in percentage points, a bimodal GMU's weight of its first modality", () => {
    const names = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'tabular', dim: 8 }, { name: 'text', dim: 64 }] } });
    const r = result({ rows: [{ row: 0, trained: [Math.log(0.936 / 0.064)], knockedOut: [Math.log(0.806 / 0.194)], target: [1], gate: [0.4021] }, { row: 42, trained: [0], knockedOut: [0], target: [0], gate: [0.5] }] });
    expect(formatKnockoutRows(r, { names, label: { column: 'Recommended IND', positive: 'true', negative: 'false' } }).split('\n')).toEqual([
      'run 3: P(Recommended IND = true) of 2 test rows (of 2,348), as trained and with gmu open (tabular only)',
      '  test row  target  as trained  with gmu open (tabular only)     change  gmu weight of tabular',
      '  0           true      93.6 %                        80.6 %  -13.0 pts  0.402',
      '  42         false      50.0 %                        50.0 %    0.0 pts  0.500',
    ]);
    // without the run's label the target is the class number the probability is of
    expect(formatKnockoutRows(r).split('\n')[2]).toMatch(/^ {2}0 +1 +93\.6 % /);
    // a label rule reads "rating ≥ 4"; a run without its label, class 1
    expect(formatKnockoutRows(r, { names, label: { column: 'rating', positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 } })).toMatch(/^run 3: P\(rating ≥ 4\) of/);
    expect(formatKnockoutRows(r)).toMatch(/^run 3: P\(class 1\) of/);
  });

  it('a label rule (rating ≥ 4): each row\'s own rating when it was read; else its side, and why', () => {
    const rule = { column: 'rating', classes: ['< 4', '≥ 4'], positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 };
    const r = result({ rows: [{ row: 0, trained: [1], knockedOut: [0], target: [1], gate: [0.5] }, { row: 1, trained: [-1], knockedOut: [0], target: [0], gate: [0.5] }] });
    const read = formatKnockoutRows(r, { label: rule, ruleValues: { values: [5, 3.7] } }).split('\n');
    expect(read[2]).toMatch(/^ {2}0 +5 +73\.1 % /);
    expect(read[3]).toMatch(/^ {2}1 +3\.7 +26\.9 % /);
    expect(read).toHaveLength(4); // no note: every target is a rating
    const unread = formatKnockoutRows(r, { label: rule, ruleValues: { problem: 'dataset 2 of run 3 no longer exists' } }).split('\n');
    expect(unread[2]).toMatch(/^ {2}0 +≥ 4 +73\.1 % /);
    expect(unread[4]).toBe("  target: '≥ 4' and '< 4' are the rows' sides of the rule rating ≥ 4, not their rating, which could not be read: dataset 2 of run 3 no longer exists");
    // --json: the class name beside the id, the rating beside both; or why there is none
    expect(knockoutRowsJson(r, { label: rule, ruleValues: { values: [5, 3] } })).toMatchObject({ rows: [{ target: [1], targetName: '≥ 4', targetValue: 5 }, { target: [0], targetName: '< 4', targetValue: 3 }] });
    const json = knockoutRowsJson(r, { label: rule, ruleValues: { problem: 'gone' } });
    expect(json).toMatchObject({ targetValueProblem: 'gone', rows: [{ target: [1], targetName: '≥ 4' }, { target: [0], targetName: '< 4' }] });
    expect(JSON.stringify(json)).not.toContain('targetValue"');
  });

  it("--json names a binary row's target as the file writes it, beside the 0/1 the model learns", () => {
    const r = result({ rows: [{ row: 0, trained: [0], knockedOut: [0], target: [1], gate: [0.5] }] });
    expect(knockoutRowsJson(r, { label: { column: 'Recommended IND', positive: 'true', negative: 'false' } })).toMatchObject({ rows: [{ target: [1], targetName: 'true' }] });
    // without the run's label there is no name to give: the key is left out, never a guess
    expect(JSON.stringify(knockoutRowsJson(r))).not.toContain('targetName');
  });

  it("multi-class: the top class by name with its probability; a router's weight per expert", () => {
    const r = result({ task: 'multiclass', knockout: { gate: 'router', kind: 'router', mode: 'single', expert: 1 },
      rows: [{ row: 5, trained: [2, 0, 0], knockedOut: [0, 0, 3], target: [0], gate: [0.7, 0.2, 0.1] }, { row: 6, trained: [0, 1, 0], knockedOut: [0, 2, 0], target: [1], gate: [0.1, 0.8, 0.1] }] });
    const lines = formatKnockoutRows(r, { label: { column: 'kind', classes: ['cat', 'dog', 'eel'] } }).split('\n');
    expect(lines[0]).toBe('run 3: top class (probability) of 2 test rows (of 2,348), as trained and with router only expert 1');
    expect(lines[1]).toMatch(/^ {2}test row +target +as trained +with router only expert 1 +change +router weights \(expert 0, expert 1, expert 2\)$/);
    // the target by name too: row 5 is a cat the knockout moves away from, row 6 a dog it stays on
    expect(lines[2]).toMatch(/^ {2}5 +cat +cat \(78\.7 %\) +eel \(90\.9 %\) +cat → eel +0\.700 0\.200 0\.100$/);
    expect(lines[3]).toMatch(/^ {2}6 +dog +dog \(57\.6 %\) +dog \(78\.7 %\) +same class +0\.100 0\.800 0\.100$/);
  });

  it('a rating (classes 1..5) by its values, not the class ids from 0; --json adds the name beside the id', () => {
    const r = result({ task: 'multiclass', knockout: { gate: 'exit_gate.gate0', kind: 'exit', mode: 'open' },
      rows: [{ row: 0, trained: [0, 0, 3, 0, 0], knockedOut: [0, 3, 0, 0, 0], target: [2], gate: [0.3] }] });
    const ratings = ['1', '2', '3', '4', '5'];
    // an older run's label has no classes: the names come from its per-class test table (knockout.ts)
    expect(formatKnockoutRows(r, { label: { column: 'rating' }, classes: ratings }).split('\n')[2]).toMatch(/^ {2}0 +3 +3 \(\d+\.\d %\) +2 \(\d+\.\d %\) +3 → 2 +0\.300$/);
    expect(formatKnockoutRows(r).split('\n')[2]).toMatch(/^ {2}0 +class 2 +class 2 \(\d+\.\d %\) +class 1 \(\d+\.\d %\) +class 2 → class 1 /);
    expect(knockoutRowsJson(r, { classes: ratings })).toMatchObject({ rows: [{ target: [2], targetName: '3', asTrainedTerms: { kind: 'class', value: 2, name: '3' }, knockedOutTerms: { kind: 'class', value: 1, name: '2' } }] });
    // Try it's rule: a class list of another length than the model's outputs is not this model's, so numbered
    const three = ['1', '2', '3'];
    expect(formatKnockoutRows(r, { label: { column: 'rating' }, classes: three }).split('\n')[2]).toMatch(/^ {2}0 +class 2 +class 2 \(\d+\.\d %\) +class 1 \(\d+\.\d %\) +class 2 → class 1 /);
    expect(JSON.stringify(knockoutRowsJson(r, { classes: three }))).not.toMatch(/"name"|targetName/);
  });

  it("regression: the value in the target's units and the signed change; a forecast: its MSE over every channel, by test window", () => {
    const price = result({ task: 'regression', prediction: 'prediction', target: 'y', rows: [{ row: 1, trained: [120.5], knockedOut: [98.25], target: [110], gate: [0.25] }] });
    const lines = formatKnockoutRows(price, { label: { column: 'price' } }).split('\n');
    expect(lines[0]).toMatch(/^run 3: price of 1 test row \(of 2,348\)/);
    // in the knockout table's notation: one number of decimals for every value of the output, the target's too
    expect(lines[1]).toMatch(/^ {2}test row +target +as trained +with gmu open +change +gmu mean openness$/);
    expect(lines[2]).toMatch(/^ {2}1 +110\.0000 +120\.5000 +98\.2500 +-22\.2500 +0\.250$/);
    // MMoE's rating tower by the rule's column, not its output's name ('rating_pred')
    const tower = result({ task: 'regression', prediction: 'rating_pred', target: 'rating', rows: price.rows });
    expect(formatKnockoutRows(tower, { label: { column: 'stars', positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 } })).toMatch(/^run 3: stars of 1 test row/);
    const forecast = result({ task: 'regression', forecast: true, prediction: 'forecast', target: 'y', testRows: 389, knockout: { gate: 'block0.gate', kind: 'gate', mode: 'closed' },
      rows: [{ row: 7, trained: [1, 2, 3, 4], knockedOut: [1, 2, 3, 6], target: [1, 2, 3, 5], gate: [0.61] }] });
    const f = formatKnockoutRows(forecast, { names: gateNamesFromConfig({ model: { template: 'tsmixer-gated' } }) }).split('\n');
    expect(f[0]).toBe('run 3: MSE (all channels) of 1 test window (of 389), as trained and with block 1 gate closed');
    // a forecast's MSE already compares with its target: no target column
    expect(f[1]).toMatch(/^ {2}test window +as trained +with block 1 gate closed +change +block 1 gate mean openness$/);
    expect(f[2]).toMatch(/^ {2}7 +0\.2500 +0\.2500 +0\.0000 +0\.610$/);
    // --json keeps the raw outputs and adds both predictions in the same terms
    expect(knockoutRowsJson(forecast)).toMatchObject({ rows: [{ row: 7, asTrainedTerms: { kind: 'mse', value: 0.25 }, knockedOutTerms: { kind: 'mse', value: 0.25 } }] });
  });
});

let home: string;
let router: number;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-knockout-rows-'));
  const paths = labPaths(home);
  const store = openLabStore(paths.database);
  try {
    router = addCheckpointedRun(store, paths, { ...defaultModelConfig('moe-forecaster', {}), lookback: 24, horizon: 4, channels: 2, expertHidden: [8] } as Record<string, unknown> & { template: string });
  } finally {
    store.close();
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const knockout = (...args: string[]) => gatelab(['knockout', String(router), ...args, '--home', home]);
const GATES = 'gates are: router (router: uniform, top1, single 0-3, mean)';

describe('gatelab knockout --rows refuses before the job (exit 2)', () => {
  it('one knockout: a gate and a mode, and the expert of a single knockout', async () => {
    expect(await knockout('--rows', '0-3')).toEqual({ code: 2, out: '', err: `gatelab knockout: --rows evaluates one knockout: give --gate G and --mode M (and --expert E with --mode single); ${GATES}\n` });
    expect(await knockout('--gate', 'router', '--mode', 'single', '--rows', '0')).toMatchObject({ code: 2,
      err: `gatelab knockout: --rows evaluates one knockout: --mode single needs --expert E, the expert to keep (its knockouts: uniform, top1, single 0-3, mean); ${GATES}\n` });
  });

  it("a knockout the run does not have, in gatelab knockout's words", async () => {
    expect(await knockout('--gate', 'router', '--mode', 'open', '--rows', '0')).toMatchObject({ code: 2,
      err: `gatelab knockout: gate 'router' of run ${router} is a router: --mode open does not apply to it (its knockouts: uniform, top1, single 0-3, mean); ${GATES}\n` });
  });

  it("rows Try it's box would refuse, and the table's options", async () => {
    expect(await knockout('--gate', 'router', '--mode', 'uniform', '--rows', '9-3')).toMatchObject({ code: 2,
      err: "gatelab knockout: --rows: the range '9-3' runs backwards (test rows from 0 within the test split, e.g. --rows 0-9,42)\n" });
    expect(await knockout('--gate', 'router', '--mode', 'uniform', '--rows', '0', '--resamples', '50', '--report')).toMatchObject({ code: 2,
      err: "gatelab knockout: --rows prints each row's predictions, not a knockout table: leave out --resamples, --report\n" });
  });
});
