// With --json, a refusal ends stdout with the verb's JSON line (its success line's keys, empty:
// CliCommand.jsonRefusal), whether the verb found it or main/cli.ts did before the verb ran (an unknown
// option): a script reading the last line finds the error either way, also when the lab cannot be opened
// (exit 1). Every command's line (json-refusal-every-command.test.ts) has command, status and error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { labPaths } from '../lab/home';
import { openLabDatasets } from '../lab/datasets/index';
import { parseNewRunConfig } from '../../common/runs/new-run-config';

let home: string;
// a lab that has had its first start (demos recorded, none generated): the sweep's stderr is its refusal alone
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-json-refusals-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);

describe('gatelab sweep --json refusals', () => {
  it('end stdout with {group: null, status: "error", runs: [], error}, and say it on stderr too', async () => {
    const file = join(home, 'bad-epochs.json');
    writeFileSync(file, JSON.stringify({ config: { epochs: 0 }, seeds: 1 }));
    for (const [argv, error] of [
      [[file], /run config: epochs: /],
      [[join(home, 'nope.json')], /cannot read the experiment file .*nope\.json': no such file/],
      [[], /give an experiment file/],
      [[file, '--paralel', '2'], /unknown option --paralel \(did you mean --parallel\?\)/], // found before sweep runs
    ] as const) {
      const r = await gatelab(['sweep', ...argv, '--home', home, '--json']);
      expect(r.code).toBe(2);
      expect(lastJson(r.out)).toEqual({ command: 'sweep', group: null, status: 'error', runs: [], error: expect.stringMatching(error) });
      expect(r.err).toMatch(new RegExp(`^gatelab sweep: ${error.source}`));
    }
    // without --json: stderr only
    const plain = await gatelab(['sweep', file, '--home', home]);
    expect([plain.code, plain.out]).toEqual([2, '']);
    expect(JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out)).toEqual([]);
  });
});

describe('gatelab resume, runs and knockout --json refusals', () => {
  /** A lab with run 1 completed, which resume refuses and knockout has no checkpoint of. */
  async function labWithRun(): Promise<{ dir: string; run: number }> {
    const dir = mkdtempSync(join(home, 'lab-'));
    const lab = await openLabDatasets(labPaths(dir), { demos: false });
    try {
      const run = lab.store.runs.create({ config: parseNewRunConfig({ epochs: 1, data: { kind: 'synthetic', samples: 256 } }), seed: 1 });
      lab.store.runs.setStatus(run, 'completed', { step: 4 });
      return { dir, run };
    } finally {
      lab.close();
    }
  }
  /** A lab home whose database is not a database at all: no verb can open it (exit 1). */
  function damagedLab(): string {
    const dir = mkdtempSync(join(home, 'damaged-'));
    writeFileSync(labPaths(dir).database, 'this is not a database, but it is long enough to look like a file\n'.repeat(200));
    return dir;
  }
  const resumeLine = { command: 'resume', run: null, status: 'error', test: {}, runs: [], error: expect.any(String) };
  const runsLine = { command: 'runs', runs: [], status: 'error', error: expect.any(String) };
  const knockoutLine = { command: 'knockout', runId: null, split: null, metric: null, higherIsBetter: null, baseline: null, samples: null, resamples: null, seed: null, rows: [], status: 'error', error: expect.any(String) };

  it('end stdout with the success line\'s keys empty, status "error" and the message, which stderr says too', async () => {
    const { dir, run } = await labWithRun();
    const damaged = damagedLab();
    for (const [argv, code, line, error] of [
      // found by main/cli.ts before the verb runs
      [['resume', '1', '--folow'], 2, resumeLine, /unknown option --folow \(did you mean --follow\?\)/],
      [['runs', '--stauts', 'failed'], 2, runsLine, /unknown option --stauts \(did you mean --status\?\)/],
      [['knockout', '1', '--mod', 'open'], 2, knockoutLine, /unknown option --mod \(did you mean --mode\?\)/],
      // found by the verb: a bad word or option value, no such run, a run in the wrong state
      [['resume', 'four'], 2, resumeLine, /'four' is not a run id/],
      [['resume'], 2, resumeLine, /give one or more run ids/],
      [['resume', '9'], 2, { ...resumeLine, run: 9 }, /no run 9 in /],
      [['resume', String(run)], 2, { ...resumeLine, run }, new RegExp(`run ${run} is completed: only paused or interrupted runs can be resumed`)],
      [['runs', 'everything'], 2, runsLine, /it takes no 'everything'/],
      [['runs', '--status', 'done'], 2, runsLine, /--status must be one of queued, /],
      [['knockout'], 2, knockoutLine, /give a run id/],
      [['knockout', '9'], 2, { ...knockoutLine, runId: 9 }, /no run 9 in /],
      [['knockout', String(run), '--mode', 'shut'], 2, { ...knockoutLine, runId: run }, /--mode must be one of open, closed/],
      [['knockout', String(run)], 2, { ...knockoutLine, runId: run }, new RegExp(`run ${run} \\(completed\\) has no checkpoint yet`)],
    ] as const) {
      const r = await gatelab([...argv, '--home', dir, '--json']);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), code]);
      expect(lastJson(r.out)).toEqual({ ...line, error: expect.stringMatching(error) });
      expect(r.err).toMatch(new RegExp(`^gatelab ${argv[0]}: ${error.source}`));
    }
    // the lab cannot be opened: exit 1, and the line says so too
    for (const argv of [['resume', '1'], ['resume', '--all-interrupted'], ['runs'], ['knockout', '1']]) {
      const r = await gatelab([...argv, '--home', damaged, '--json']);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 1]);
      expect(lastJson(r.out)).toMatchObject({ status: 'error', error: expect.stringMatching(/is damaged and cannot be opened/) });
      expect(r.err).toMatch(new RegExp(`^gatelab ${argv[0]}: The lab database`));
    }
    // without --json: stderr only; and a listing that works is still the array it always was
    const plain = await gatelab(['resume', String(run), '--home', dir]);
    expect([plain.code, plain.out]).toEqual([2, '']);
    expect(JSON.parse((await gatelab(['runs', '--home', dir, '--json'])).out)).toMatchObject([{ run, status: 'completed' }]);
  });
});

describe('a verb with no success-line keys of its own', () => {
  it('ends an unknown option under --json with the line of command, status and error', async () => {
    const r = await gatelab(['cancel', '1', '--forse', '--home', home, '--json']);
    expect(r.code).toBe(2);
    expect(lastJson(r.out)).toEqual({ command: 'cancel', status: 'error', error: expect.stringMatching(/^unknown option --forse/) });
    expect(r.err).toMatch(/^gatelab cancel: unknown option --forse/);
  });
});
