// `gatelab import --date-order dmy|mdy|ymd`: parsed into the import options, applied to slashed dates
// (forcing month first on hourly day-first data gives January, February, ...), and recorded with the
// dataset's import options as --delimiter is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parseArgs } from './args';
import { importOptions } from './import';
import { labHomeWithDemos } from '../lab/testing/lab-home';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function gatelab(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/gatelab.js'), ...args], { cwd: ROOT });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let home: string;
// demos recorded, none made: this test needs none
beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-date-order-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('--date-order', () => {
  it('takes dmy, mdy or ymd, and refuses anything else with the choices', () => {
    expect(importOptions(parseArgs(['f.csv', '--date-order', 'mdy'])).dateOrder).toBe('mdy');
    expect(importOptions(parseArgs(['f.csv', '--date-order=ymd'])).dateOrder).toBe('ymd');
    expect(importOptions(parseArgs(['f.csv'])).dateOrder).toBeUndefined();
    expect(() => importOptions(parseArgs(['f.csv', '--date-order', 'dd/mm']))).toThrow("--date-order must be one of dmy, mdy, ymd (got 'dd/mm')");
  });

  it('forces month first on dates inference reads day first, and the dataset records it', async () => {
    // 1 to 3 July 2016, hourly, day first: regular steps read day first; month first is 7 Jan, 7 Feb, 7 Mar
    const rows = Array.from({ length: 72 }, (_, h) => `0${1 + Math.floor(h / 24)}/07/2016 ${String(h % 24).padStart(2, '0')}:00,${h}`);
    const file = join(home, 'hourly.csv');
    writeFileSync(file, `date,v\n${rows.join('\n')}\n`);
    const inferred = await gatelab(['import', file, '--json', '--home', home]);
    expect(inferred.code).toBe(0);
    const day = JSON.parse(inferred.stdout);
    expect(day.columns[0].stats.min).toBe(Date.UTC(2016, 6, 1) / 1000);
    expect(day.issues.find((i: { column: string }) => i.column === 'date').message).toMatch(/read day-first \(DD\/MM\/YYYY\), since its time steps are regular .* import with --date-order mdy$/);

    const forced = join(home, 'hourly-mdy.csv');
    writeFileSync(forced, `date,v\n${rows.join('\n')}\n\n`); // other bytes: a new dataset
    const r = await gatelab(['import', forced, '--json', '--date-order', 'mdy', '--home', home]);
    expect(r.stderr).toBe('');
    const month = JSON.parse(r.stdout);
    expect(month.columns[0].stats.min).toBe(Date.UTC(2016, 0, 7) / 1000);
    expect(month.columns[0].stats.max).toBe(Date.UTC(2016, 2, 7, 23) / 1000);
    expect(month.issues.filter((i: { column: string; kind: string }) => i.column === 'date' && i.kind === 'note')).toEqual([]);
    const db = new Database(join(home, 'gatelab.sqlite'), { readonly: true });
    const recorded = db.prepare('SELECT import_options FROM datasets WHERE id = ?').get(month.id) as { import_options: string };
    db.close();
    expect(JSON.parse(recorded.import_options)).toMatchObject({ dateOrder: 'mdy' });
  });

  it('given again on the same bytes: not a word when the dates are ISO (no order changes them); "not applied" for slashed ones', async () => {
    const iso = join(home, 'iso.csv');
    writeFileSync(iso, `date,v\n${Array.from({ length: 30 }, (_, i) => `2016-07-${String(i + 1).padStart(2, '0')},${i}`).join('\n')}\n`);
    expect((await gatelab(['import', iso, '--home', home])).code).toBe(0);
    const again = await gatelab(['import', iso, '--date-order', 'mdy', '--home', home]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already imported: dataset \d+ 'iso'/);
    expect(again.stderr).toBe('');
    // slashed dates read day first: month first would change them
    const slashed = join(home, 'slashed.csv');
    writeFileSync(slashed, `date,v\n${Array.from({ length: 30 }, (_, i) => `${String(i + 1).padStart(2, '0')}/07/2016,${i}`).join('\n')}\n`);
    expect((await gatelab(['import', slashed, '--home', home])).code).toBe(0);
    expect((await gatelab(['import', slashed, '--date-order', 'mdy', '--home', home])).stderr).toMatch(/the options --date-order mdy were not applied/);
  });
});
