// `gatelab train --dataset FILE` imports the file as `gatelab import` does, but said only "imported … as
// dataset N": a warning the import found (a -200 code standing for a missing reading) went unseen. The
// setup now counts them after that line and names the command that lists them (on stderr with --json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from '../../cli/testing/gatelab';
import { clickRows, labHomeWithClickFile, trainTwoSteps } from '../../cli/testing/click-file';
import { importWarningCount } from './dataset-runs';
import { setupLine } from './setup-lines';

let home: string, clean: string;
beforeAll(async () => {
  ({ home, file: clean } = await labHomeWithClickFile('gatelab-import-warnings-'));
  // the same clicks with a price column of 700..1299 and -200 (a missing-reading code) in every 9th row
  const priced = clickRows().map((row, i) => row.replace(/,(\d)$/, `,${i % 9 === 4 ? -200 : 700 + ((i * 37) % 600)},$1`));
  writeFileSync(join(home, 'priced.csv'), ['user,item,price,click', ...priced].join('\n') + '\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('train --dataset FILE: the import warnings', () => {
  it('counts them after "imported … as dataset N", with the command that lists them, on stderr with --json', async () => {
    const file = join(home, 'priced.csv');
    const r = await trainTwoSteps(home, file, '--json');
    expect(r.code, r.err).toBe(0);
    const lines = r.err.split('\n');
    const imported = lines.findIndex((l) => l === `imported ${file} as dataset 1`);
    expect(imported, r.err).toBeGreaterThanOrEqual(0);
    expect(lines[imported + 1]).toBe('1 import warning (gatelab datasets show 1 lists them)');
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toMatchObject({ run: 1, status: 'completed' });
    // the warning counted is the one `gatelab datasets show` lists
    const shown = await gatelab(['datasets', 'show', '1', '--home', home]);
    expect(shown.out).toMatch(/warning.*column 'price'.*-200/);
  }, 60_000);

  it('says nothing more for a file the import found nothing in', async () => {
    const r = await trainTwoSteps(home, clean);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`imported ${clean} as dataset 2`);
    expect(r.out).not.toContain('import warning');
  }, 60_000);

  it('the count (infos are not counted), said in the right number', () => {
    const issue = (severity: 'warning' | 'info') => ({ kind: 'note', severity, message: 'm', column: null, count: 1, examples: [] });
    const dataset = (issues: unknown[]) => ({ id: 7, rows: 10, columns: [], validation: { issues } }) as unknown as Parameters<typeof importWarningCount>[0];
    expect(importWarningCount(dataset([issue('warning'), issue('warning'), issue('info')]))).toBe(2);
    expect(importWarningCount(dataset([issue('info')]))).toBe(0);
    expect(setupLine({ kind: 'import-warnings', datasetId: 7, count: 2 })).toBe('2 import warnings (gatelab datasets show 7 lists them)');
    expect(setupLine({ kind: 'import-warnings', datasetId: 7, count: 1 })).toBe('1 import warning (gatelab datasets show 7 lists them)');
  });
});
