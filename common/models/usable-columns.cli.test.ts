// A CTR file with an all-empty column (audit: a TSV export's 'notes') and a constant one ('currency': EUR in
// every row), trained as a user would (`gatelab train --dataset FILE`): the empty field once became a
// vocabulary of 1 and failed the run at step 0 ("field 'fields.4': Too small"). Now both are left out and
// named in the data line, the run completes, and the export re-derives the same fields (same model width).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../engine/nn/random';

const BIN = fileURLToPath(new URL('../../bin/gatelab.js', import.meta.url));
let home: string;
const gatelab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args, '--home', home], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
};

beforeAll(() => { home = mkdtempSync(join(tmpdir(), 'gatelab-empty-field-')); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab train: a CTR field with nothing to learn is left out, not a failed run', () => {
  it('an all-empty and a constant categorical column are named in the data line; the run completes and exports', () => {
    const rng = seededRandom(7, 'empty-field');
    const lines = ['user\tdevice\tnotes\tcurrency\tclicked'];
    for (let i = 0; i < 600; i++) {
      const mobile = rng.uniform() < 0.5;
      lines.push(`u${rng.int(30)}\t${mobile ? 'mobile' : 'desktop'}\t\tEUR\t${rng.uniform() < (mobile ? 0.8 : 0.2) ? 'yes' : 'no'}`);
    }
    const file = join(home, 'clicks.tsv');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = gatelab('train', '--dataset', file, '--target', 'clicked', '--template', 'lr', '--epochs', '2', '--json');
    const result = JSON.parse(r.out.split('\n').filter((l) => l.startsWith('{')).at(-1)!);
    expect(result, r.out).toMatchObject({ status: 'completed' });
    expect(result.test.auc).toBeGreaterThan(0.65); // the device decides most clicks

    const show = gatelab('show', String(result.run), '--json');
    const run = JSON.parse(show.out);
    expect(run.data.line).toMatch(/^recsys: 480 train \/ 60 validation \/ 60 test samples; .*; left out: notes \(all missing\), currency \(constant\)(;|$)/);
    expect(run.config.model.fields).toHaveLength(2); // user, device

    const out = join(home, 'model.onnx');
    const exp = gatelab('export', String(result.run), '--out', out);
    expect(exp.code, exp.out).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
