// A CTR file with an all-empty column (audit: a TSV export's 'notes') and a constant one ('currency': EUR in
// every row), trained as a user would (`gatelab train --dataset FILE`): the empty field once became a
// vocabulary of 1 and failed the run at step 0 ("field 'fields.4': Too small"). Now both are left out and
// named in the data line, the run completes, and the export re-derives the same fields (same model width).
// The commands run in this process (main/cli/testing/gatelab.ts: the same main() and trainer processes, the
// exit code bin/gatelab.js would give) in a home without the demos (they play no part).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../engine/nn/random';
import { gatelab as cli } from '../../main/cli/testing/gatelab';
import { labHomeWithDemos } from '../../main/lab/testing/lab-home';

let home: string;
const gatelab = async (...args: string[]) => {
  const r = await cli([...args, '--home', home]);
  return { code: r.code, out: r.out + r.err };
};

beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-empty-field-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab train: a CTR field with nothing to learn is left out, not a failed run', () => {
  it('an all-empty and a constant categorical column are named in the data line; the run completes and exports', async () => {
    const rng = seededRandom(7, 'empty-field');
    const lines = ['user\tdevice\tnotes\tcurrency\tclicked'];
    for (let i = 0; i < 600; i++) {
      const mobile = rng.uniform() < 0.5;
      lines.push(`u${rng.int(30)}\t${mobile ? 'mobile' : 'desktop'}\t\tEUR\t${rng.uniform() < (mobile ? 0.8 : 0.2) ? 'yes' : 'no'}`);
    }
    const file = join(home, 'clicks.tsv');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await gatelab('train', '--dataset', file, '--target', 'clicked', '--template', 'lr', '--epochs', '2', '--json');
    const result = JSON.parse(r.out.split('\n').filter((l) => l.startsWith('{')).at(-1)!);
    expect(result, r.out).toMatchObject({ status: 'completed' });
    expect(result.test.auc).toBeGreaterThan(0.65); // the device decides most clicks

    const show = await gatelab('show', String(result.run), '--json');
    const run = JSON.parse(show.out);
    expect(run.data.line).toMatch(/^recsys: 480 train \/ 60 validation \/ 60 test samples; .*; left out: notes \(all missing\), currency \(constant\)(;|$)/);
    expect(run.config.model.fields).toHaveLength(2); // user, device

    const out = join(home, 'model.onnx');
    const exp = await gatelab('export', String(result.run), '--out', out);
    expect(exp.code, exp.out).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
