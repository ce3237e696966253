// A long-format file's "the same time appears more than once" warning is long format's shape once a column has
// the role series-id (a forecasting run pivots by it): the validation summary says so, as information, and the
// warning comes back when the role is set back. Through a real import and the registry's role change, as the
// app's Schema tab and `gatelab datasets roles` make it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { currentIssues, type IssuesOf } from './current-issues';
import type { ValidationIssue } from '../../../common/dataset-cache';

let home: string;
let lab: LabDatasets;
beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-current-issues-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterEach(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

/** Weekly sales of 3 stores over 12 weeks, one row per (week, store): long format, as weekly_sales.csv. */
function weeklySales(): string {
  const lines = ['week,store,sales'];
  for (let w = 0; w < 12; w++) {
    const day = new Date(Date.UTC(2021, 0, 4 + 7 * w)).toISOString().slice(0, 10);
    for (let s = 1; s <= 3; s++) lines.push(`${day},store_${s},${(100 * s + w * 1.5).toFixed(2)}`);
  }
  const file = join(home, 'weekly_sales.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const warnings = (issues: ReturnType<typeof currentIssues>) => issues.filter((i) => i.severity !== 'info');

describe('currentIssues under the roles the user set', () => {
  it('turns the repeated-times warning into information when a column becomes series-id, and back', async () => {
    const { dataset } = await lab.registry.importDataset(weeklySales(), {});
    const atImport = currentIssues(dataset);
    const repeated = atImport.find((i) => i.kind === 'duplicate_time' && i.column === 'week')!;
    expect(repeated.severity).toBe('warning'); // the Validation tab's badge counts it
    expect(repeated.message).toMatch(/^column 'week': the same time appears more than once; long format \(see the note\): a forecasting run pivots the file by 'store'/);
    const note = atImport.find((i) => i.kind === 'note' && i.column === 'week')!;
    // the importer has no id yet ("ID"); shown for this dataset, the command is one to type as it stands
    expect(note.message).toContain(`on the command line: gatelab datasets roles ${dataset.id} <column>=series-id)`);
    expect(note.message).toContain('in the app: Datasets → Schema → that column\'s Role → series-id');

    const pivoted = currentIssues(lab.registry.setColumns(dataset.id, [{ column: 'store', role: 'series-id' }]));
    expect(warnings(pivoted)).toEqual([]);
    const settled = pivoted.find((i) => i.kind === 'duplicate_time' && i.column === 'week')!;
    expect(settled).toMatchObject({ severity: 'info', count: repeated.count });
    // the import's guess of the pivot gives way to the role's words, not followed by them
    expect(settled.message).toBe(`${repeated.message.split('; long format (see the note)')[0]}. Expected in long format: column 'store' has the role series-id, so a forecasting run pivots the file into one row per time, ` +
      "one series per value of 'store', sorted by time; a (week, store) pair that repeats is refused when a run starts, naming it");
    // the note's advice (set the series-id role) is done: it is not repeated
    const noteNow = pivoted.find((i) => i.kind === 'note' && i.column === 'week')!;
    expect(noteNow.message).toContain("this looks like long format (one row per series and time). A forecasting run pivots it: each value of 'store' becomes a channel.");
    expect(noteNow.message).not.toContain('If another column tells the series apart');

    // the stored report is the import's: setting the role back brings the warning back
    const back = currentIssues(lab.registry.setColumns(dataset.id, [{ column: 'store', role: 'feature' }]));
    expect(warnings(back)).toEqual([repeated]);
  });

  it("says the role's pivot once on a file of series one after another (the import already said it pivots)", async () => {
    const lines = ['week,store,sales'];
    for (let s = 1; s <= 3; s++) {
      for (let w = 0; w < 12; w++) lines.push(`${new Date(Date.UTC(2021, 0, 4 + 7 * w)).toISOString().slice(0, 10)},store_${s},${100 * s + w}`);
    }
    const file = join(home, 'stores_in_turn.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { dataset } = await lab.registry.importDataset(file, {});
    const unsorted = currentIssues(dataset).find((i) => i.kind === 'unsorted_time')!;
    expect(unsorted.message).toContain('long format (see the note)');
    const settled = currentIssues(lab.registry.setColumns(dataset.id, [{ column: 'store', role: 'series-id' }])).find((i) => i.kind === 'unsorted_time')!;
    expect(settled.severity).toBe('info');
    expect(settled.message).toBe(`${unsorted.message.split('; long format (see the note)')[0]}. Expected in long format: column 'store' has the role series-id, ` +
      "so a forecasting run pivots the file into one row per time, one series per value of 'store', sorted by time");
  });

  it('keeps the warning when the roles cannot pivot (a series-id column but no time column)', async () => {
    const { dataset } = await lab.registry.importDataset(weeklySales(), {});
    const d = lab.registry.setColumns(dataset.id, [{ column: 'store', role: 'series-id' }, { column: 'week', role: 'ignore' }]);
    expect(warnings(currentIssues(d)).map((i) => i.kind)).toEqual(['duplicate_time']);
  });
});

describe("the '|'-list column's multi-hot hint", () => {
  const note = (message: string) => ({ kind: 'note', severity: 'info', column: 'genres', count: 1, message, examples: [] }) as unknown as ValidationIssue;
  const now = note("column 'genres': … For recommendation models give it the multi-hot role, one feature of its tokens (in the app: Datasets → Schema → that column's Role → multi-hot; on the command line: gatelab datasets roles ID 'genres=multi-hot')");
  // a dataset imported before the hint named the app's way keeps that wording in its stored report
  const before = note("column 'genres': … For recommendation models give it the multi-hot role (one feature of its tokens): gatelab datasets roles DATASET 'genres=multi-hot', or choose multi-hot in the Schema tab");
  const semicolons = note("column 'genres': … The multi-hot role splits on '|': write the lists with '|' and import again, then give the column the multi-hot role (in the app: Datasets → Schema → that column's Role → multi-hot; on the command line: gatelab datasets roles ID 'genres=multi-hot'), or use a multi-hot pipeline step with separator ';'");
  const dataset = (role: string) => ({ id: 7, rows: 10, validation: { issues: [now, before, semicolons] }, columns: [{ name: 'genres', role }] }) as unknown as IssuesOf;

  it('names the dataset in the command while the column is categorical, and goes once it is multi-hot (either wording)', () => {
    const categorical = currentIssues(dataset('feature')).map((i) => i.message);
    expect(categorical[0]).toContain("on the command line: gatelab datasets roles 7 'genres=multi-hot')");
    expect(categorical).toHaveLength(3);
    // the ';'-list advice stays: the multi-hot role splits only on '|'
    expect(currentIssues(dataset('multi-hot')).map((i) => i.message)).toEqual([semicolons.message.replace('roles ID ', 'roles 7 ')]);
  });
});

describe("the long-format note's advice under a series-id role", () => {
  // a stored record as the registry keeps it: the note's words may be reworded by a later version, the reading is data
  const advice = ' If another column tells the series apart, give that one the role series-id (in the app: Datasets → Schema → that column\'s Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id)';
  const note = (message: string) => ({ kind: 'note', severity: 'info', column: 'week', count: 3, message, examples: [] }) as ValidationIssue;
  const record = (message: string, longFormat?: unknown) => ({
    id: 4, rows: 36,
    validation: { issues: [note(message)], ...(longFormat !== undefined ? { longFormat } : {}) },
    columns: [
      { name: 'week', type: 'datetime', role: 'time', stats: { count: 36, cardinality: null, min: 0, max: 1 } },
      { name: 'store', type: 'categorical', role: 'series-id', stats: { count: 36, cardinality: 3, min: null, max: null } },
      { name: 'sales', type: 'float', role: 'feature', stats: { count: 36, cardinality: null, min: 100, max: 320 } },
    ],
  }) as unknown as IssuesOf;
  const reading = { time: 'week', series: 'store', times: 12 };

  it("drops the advice by the recorded reading, whatever the note's words", () => {
    const reworded = `Stacked series: 'week' repeats, one row per store.${advice}`;
    expect(currentIssues(record(reworded, [reading]))[0].message).toBe("Stacked series: 'week' repeats, one row per store.");
  });

  it('keeps it when the import read another column as the series, or no long format at all', () => {
    const words = `column 'week': each time appears 3 times and column 'store' has 3 values: this looks like long format.${advice}`;
    // the import guessed 'region': the user's series-id 'store' is the other column the advice meant, the note stands as written
    expect(currentIssues(record(words, [{ ...reading, series: 'region' }]))[0].message).toContain('If another column tells the series apart');
    expect(currentIssues(record(words, []))[0].message).toContain('If another column tells the series apart');
  });

  it("reads a report from before the reading was recorded by the note's words", () => {
    const words = `column 'week': each time appears 3 times and column 'store' has 3 values: this looks like long format.${advice}`;
    expect(currentIssues(record(words))[0].message).toBe("column 'week': each time appears 3 times and column 'store' has 3 values: this looks like long format.");
  });
});
