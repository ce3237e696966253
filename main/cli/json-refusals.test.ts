// With --json, a refusal ends stdout with the verb's JSON line (CliCommand.jsonRefusal), whether the verb
// found it or main/cli.ts did before the verb ran (an unknown option): a script reading the last line finds
// the error either way. A verb without a JSON refusal line says it on stderr only, as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';

let home: string;
beforeAll(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-json-refusals-')); });
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
      expect(lastJson(r.out)).toEqual({ group: null, status: 'error', runs: [], error: expect.stringMatching(error) });
      expect(r.err).toMatch(new RegExp(`^gatelab sweep: ${error.source}`));
    }
    // without --json: stderr only
    const plain = await gatelab(['sweep', file, '--home', home]);
    expect([plain.code, plain.out]).toEqual([2, '']);
    expect(JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out)).toEqual([]);
  });
});

describe('a verb without a JSON refusal line', () => {
  it('says an unknown option on stderr only, also with --json', async () => {
    const r = await gatelab(['runs', '--stauts', 'failed', '--home', home, '--json']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/^gatelab runs: unknown option --stauts \(did you mean --status\?\)/);
  });
});
