// A typo on the command line must stop the command, not train on the defaults: a misspelt option, a
// --set field no template has, a template that does not exist. And VERB --help lists what the verb takes.
// The first refusal and `knockout --help` run as real processes (what a shell sees); the rest call the CLI
// in-process (testing/gatelab.ts).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab, gatelabProcess } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

describe('the command line refuses what it does not know', () => {
  it('a misspelt option names the nearest one and runs nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-strict-'));
    try {
      const train = gatelabProcess(['train', '--epoch', '1', '--home', home]);
      expect(train.code).toBe(2);
      expect(train.err).toMatch(/gatelab train: unknown option --epoch \(did you mean --epochs\?\); 'gatelab train --help' lists its options/);
      const runs = await gatelab(['runs', '--stauts', 'failed', '--home', home]);
      expect(runs.code).toBe(2);
      expect(runs.err).toMatch(/unknown option --stauts \(did you mean --status\?\)/);
      // `runs show 1` reads as `show 1` (it listed every run); another word is refused
      expect((await gatelab(['runs', 'show', '1', '--home', home])).err).toMatch(/no run 1 in .* \(gatelab runs lists them\)/);
      const word = await gatelab(['runs', 'failed', '--home', home]);
      expect([word.code, word.err.trim()]).toEqual([2, "gatelab runs: it takes no 'failed'; it lists runs (--status S, --group G), and gatelab show RUN shows one"]);
      // more typed after the name, and `gatelab help VERB`
      expect((await gatelab(['export', '1', '--output', 'm.onnx', '--home', home])).err).toMatch(/unknown option --output \(did you mean --out\?\)/);
      expect((await gatelab(['help', 'export'])).out).toMatch(/^Usage: gatelab export RUN/);
      // --set belongs to train only
      expect((await gatelab(['export', '1', '--set', 'a=1', '--home', home])).err).toMatch(/unknown option --set/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('an unknown --set field or template is refused before a run is queued', async () => {
    const home = await labHomeWithDemos([], 'gatelab-strict-'); // the datasets listed are the user's own
    try {
      const field = await gatelab(['train', '--home', home, '--template', 'tsmixer-gated', '--set', 'epoch=3', '--set', 'gate.tempreature=2', '--json']);
      expect(field.code).toBe(2);
      const result = JSON.parse(field.out.trim().split('\n').at(-1)!);
      expect(result).toMatchObject({ run: null, status: 'error' });
      expect(result.error).toMatch(/'model\.epoch' \(template tsmixer-gated has no field 'epoch'; did you mean 'epochs'\?\)/);
      expect(result.error).toMatch(/'model\.gate\.tempreature'/);
      // an unknown template is refused before --dataset FILE is imported or --target is set
      const csv = join(home, 'tiny.csv');
      writeFileSync(csv, 'a,b,c\n1,2,x\n3,4,y\n');
      const template = await gatelab(['train', '--home', home, '--dataset', csv, '--target', 'c', '--template', 'dlinearr']);
      expect(template.code).toBe(2);
      expect(JSON.parse((await gatelab(['datasets', '--home', home, '--json'])).out).map((d: { name: string }) => d.name)).not.toContain('tiny');
      expect(template.err).toMatch(/unknown template 'dlinearr' \(did you mean 'dlinear'\?\); known templates: .*dlinear/);
      expect(JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('VERB --help lists every option the verb takes', async () => {
    const split = await gatelab(['datasets', '--help']);
    expect(split.code).toBe(0);
    expect(split.out).toMatch(/--kind K +split: ett, chronological, random, stratified, leave-last-out or given/);
    const knockout = gatelabProcess(['knockout', '--help']); // `gatelab knockout` as a real process
    expect(knockout.out).toMatch(/^Usage: gatelab knockout RUN/);
    for (const flag of ['--gate G', '--mode M', '--report', '--json', '--home DIR']) expect(knockout.out).toContain(flag);
  });
});
