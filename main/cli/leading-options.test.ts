// Options typed before the command: `gatelab --home DIR import FILE` (the shape git and docker take) was
// refused as "unknown command '--home'". It now imports into DIR; what cannot be read so (a stray word
// before the command, no command at all) is refused with the line reordered as it works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';
import { withLeadingOptionsMoved } from './leading-options';

const isCommand = (w: string) => ['help', 'import', 'runs', 'train'].includes(w);

describe('withLeadingOptionsMoved', () => {
  it('moves --home DIR, --home=DIR and flags after the command and its words, in their order', () => {
    expect(withLeadingOptionsMoved(['--home', '/lab', 'import', 'a.csv', '--name', 'A'], isCommand)).toEqual({ argv: ['import', 'a.csv', '--name', 'A', '--home', '/lab'] });
    expect(withLeadingOptionsMoved(['--home=/lab', '--json', 'runs'], isCommand)).toEqual({ argv: ['runs', '--home=/lab', '--json'] });
    expect(withLeadingOptionsMoved(['--home', '/lab', 'help', 'train'], isCommand)).toEqual({ argv: ['help', 'train', '--home', '/lab'] });
    expect(withLeadingOptionsMoved(['import', 'a.csv', '--home', '/lab'], isCommand)).toEqual({ argv: ['import', 'a.csv', '--home', '/lab'] });
  });

  it('takes the first plain word for the command when none is known, so a typo gets the nearest verb', () => {
    expect(withLeadingOptionsMoved(['--home', '/lab', 'impot', 'a.csv'], isCommand)).toEqual({ argv: ['impot', 'a.csv', '--home', '/lab'] });
  });

  it("reads a home named like a command as the home: --home's value is never the command", () => {
    expect(withLeadingOptionsMoved(['--home', 'runs', 'import', 'x.csv'], isCommand)).toEqual({ argv: ['import', 'x.csv', '--home', 'runs'] });
    expect(withLeadingOptionsMoved(['--home', 'import', '--json', 'runs'], isCommand)).toEqual({ argv: ['runs', '--home', 'import', '--json'] });
    expect(withLeadingOptionsMoved(['--home', 'runs'], isCommand))
      .toEqual({ refusal: "options go after the command: gatelab COMMAND --home runs ('gatelab help' lists the commands)", json: false });
    // an option that is no command's still gives way to a command word after it (then refused as unknown)
    expect(withLeadingOptionsMoved(['--weird', 'import', 'x.csv'], isCommand)).toEqual({ argv: ['import', 'x.csv', '--weird'] });
  });

  it('refuses a stray word before the command and a line without one, with the working order', () => {
    expect(withLeadingOptionsMoved(['--json', 'extra', 'import', 'my file.csv'], isCommand))
      .toEqual({ refusal: "'extra' before the command is not an option; options go after the command: gatelab import 'my file.csv' --json", verb: 'import', json: true });
    expect(withLeadingOptionsMoved(['--home', '/lab'], isCommand))
      .toEqual({ refusal: "options go after the command: gatelab COMMAND --home /lab ('gatelab help' lists the commands)", json: false });
    expect(withLeadingOptionsMoved(['--home', '/lab', '--help'], isCommand)).toEqual({ argv: ['help'] });
  });
});

describe('gatelab --home DIR import FILE', () => {
  let home: string;
  beforeAll(async () => {
    home = await labHomeWithDemos([], 'gatelab-leading-options-');
    writeFileSync(join(home, 'tiny.csv'), 'a,b\n1,2\n3,4\n5,6\n');
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('imports into DIR as `gatelab import FILE --home DIR` does', async () => {
    const r = await gatelab(['--home', home, 'import', join(home, 'tiny.csv'), '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toMatchObject({ name: 'tiny', rows: 3, created: true });
    const listed = await gatelab(['datasets', '--home', home]);
    expect(listed.out).toContain('tiny');
  });

  it('imports into a home named like a command (gatelab --home runs import FILE)', async () => {
    const cwd = process.cwd();
    process.chdir(home);
    try {
      const r = await gatelab(['--home', 'runs', 'import', join(home, 'tiny.csv'), '--json']);
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toMatchObject({ name: 'tiny', created: true });
      expect((await gatelab(['datasets', '--home', join(home, 'runs'), '--json'])).out).toContain('"tiny"');
    } finally {
      process.chdir(cwd);
    }
  });

  it("under --json, a stray word's refusal ends stdout with the command's JSON refusal line", async () => {
    const r = await gatelab(['--json', 'extra', 'runs', '--home', home]);
    expect(r.code).toBe(2);
    const error = `'extra' before the command is not an option; options go after the command: gatelab runs --home ${home} --json`;
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toEqual({ command: 'runs', runs: [], status: 'error', error });
    expect(r.err).toBe(`gatelab: ${error}\n`);
    // without --json: stderr only
    expect((await gatelab(['--home', home, 'extra', 'runs'])).out).toBe('');
  });

  it('refuses a line with no command (exit 2), saying where the options go', async () => {
    const r = await gatelab(['--home', home]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`gatelab: options go after the command: gatelab COMMAND --home ${home} ('gatelab help' lists the commands)\n`);
  });

  it('under --json, a line with no command still ends stdout with one JSON refusal line', async () => {
    const r = await gatelab(['--json', '--home', home]);
    expect(r.code).toBe(2);
    const error = `options go after the command: gatelab COMMAND --json --home ${home} ('gatelab help' lists the commands)`;
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out)).toEqual({ command: null, status: 'error', error });
    expect(r.err).toBe(`gatelab: ${error}\n`);
  });
});
