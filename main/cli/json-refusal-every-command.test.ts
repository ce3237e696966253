// Every `gatelab … --json` ends stdout with one JSON line, a refusal too: `{command, status: "error", error}`
// with the words stderr says (plus the keys of the command's success line, for the commands that have them),
// and the exit code of the refusal. One refusing input per command, whoever finds it (the verb, or main()
// before the verb runs); none trains, and all share one lab home that had its first start. A failure ends
// the same way: the demo's, with a stand-in trainer that fails at once as its trainer process reports it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import type { TrainerEvent } from '../../engine/train/demo-run';

vi.mock('./demo-trainer', () => ({
  runDemoTrainer: async (_spec: unknown, onEvent: (e: TrainerEvent) => void): Promise<TrainerEvent> => {
    const failed: TrainerEvent = { type: 'error', message: 'the loss became NaN at step 12; lower the learning rate (0.003)' };
    onEvent(failed);
    return failed;
  },
}));

let home: string;
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-json-refusal-every-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

// [command line before --home/--json, exit code, what the error says, keys of the command's own line]
const REFUSALS: ReadonlyArray<readonly [string[], number, RegExp, Record<string, unknown>?]> = [
  [['import', '/nonexistent/rows.csv'], 2, /^rejected \/nonexistent\/rows\.csv: no such file/],
  [['datasets', 'show', '99'], 2, /^No dataset '99'\. Known datasets: /],
  [['datasets', 'tidy'], 2, /^unknown action 'tidy': use list, show, /],
  [['demo', '--seconds', '0'], 2, /^--seconds needs a positive number$/],
  // the trainer's error event is a line of stdout too, but not its last
  [['demo'], 1, /^the loss became NaN at step 12; lower the learning rate \(0\.003\)$/],
  [['templates', 'nosuch'], 2, /^unknown template 'nosuch'/],
  [['train', '--epoch', '1'], 2, /^unknown option --epoch \(did you mean --epochs\?\)/, { run: null, test: {} }],
  [['runs', 'everything'], 2, /^it takes no 'everything'/, { runs: [] }],
  [['show', 'x'], 2, /^give a run id/],
  [['show', '9'], 2, /^no run 9 in /],
  [['pause', '9'], 2, /^no run 9 in /],
  [['cancel'], 2, /^give a run id/],
  [['resume', 'four'], 2, /^'four' is not a run id/, { run: null, test: {}, runs: [] }],
  [['delete', '9'], 2, /^no run 9 in /],
  [['delete', 'x'], 2, /^usage: gatelab delete RUN/],
  [['sweep'], 2, /^give an experiment file/, { group: null, runs: [] }],
  [['export', '9'], 2, /^no run 9 in /],
  [['split', '9'], 2, /^no run 9 in /],
  [['split'], 2, /^give a run id \(gatelab runs lists them\), or --stored SPLIT/],
  [['knockout'], 2, /^give a run id/, { runId: null, split: null, metric: null, higherIsBetter: null, baseline: null, samples: null, resamples: null, seed: null, rows: [] }],
  // serve takes no --json: refused as an unknown option, which still ends stdout with the line
  [['serve'], 2, /^unknown option --json; 'gatelab serve --help' lists its options$/],
];

describe('every command under --json', () => {
  it('ends a refusal with one JSON line: command, status "error", stderr\'s words and the exit code', async () => {
    for (const [argv, code, error, own = {}] of REFUSALS) {
      const r = await gatelab([...argv, '--home', home, '--json']);
      const said = argv.join(' ');
      expect([said, r.code]).toEqual([said, code]);
      const last = r.out.trim().split('\n').at(-1) ?? '';
      const line = JSON.parse(last) as Record<string, unknown>;
      expect([said, line]).toEqual([said, { command: argv[0], ...own, status: 'error', error: expect.stringMatching(error) }]);
      // the same words as stderr's `gatelab VERB: …` line
      expect(r.err.split('\n')).toContain(`gatelab ${argv[0]}: ${line.error as string}`);
    }
  });

  it('ends a refusal of a line naming no command with command null', async () => {
    for (const argv of [['dataset'], []]) {
      const r = await gatelab([...argv, '--home', home, '--json']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toEqual({ command: null, status: 'error', error: expect.any(String) });
    }
  });

  it('says nothing on stdout without --json', async () => {
    const r = await gatelab(['import', join(home, 'nope.csv'), '--home', home]);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/^gatelab import: rejected .*nope\.csv: no such file/m);
  });
});
