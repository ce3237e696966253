// A column that cannot be a target (a datetime, a vector, one with no value, one holding a single value) is
// refused where roles are set, saying why and which column to pick, in the app and on the command line;
// the column keeps its role. A target stored by an older lab is let be when roles are put back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from './index';
import { targetProblem, unusableTargetMessage, type TargetDataset } from './target-refusal';

const ETTH1 = '/work/shared/data/forecasting/ETTh1.csv';
let home: string;
let lab: LabDatasets;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-target-refusal-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
});
afterAll(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const roleOf = (id: number, column: string) => lab.registry.get(id)!.columns.find((c) => c.name === column)!.role;

describe('an unusable target is refused where roles are set', () => {
  it("ETTh1's time column: refused naming OT, the app's place and the command; 'date' stays the time column", async () => {
    const { dataset } = await lab.registry.importDataset(ETTH1);
    const error = (() => { try { lab.registry.setColumns(dataset.id, [{ column: 'date', role: 'target' }]); } catch (e) { return e as Error; } })();
    expect(error?.name).toBe('RoleError'); // a refusal: exit 2 on the command line
    expect(error?.message).toBe("'date' is the time column (datetime): a target must be a number or a category; pick the column to forecast, e.g. 'OT' — " +
      `in the app: Datasets → ETTh1 → Target; on the command line: gatelab datasets roles ${dataset.id} OT=target (or --target OT on gatelab train)`);
    expect(roleOf(dataset.id, 'date')).toBe('time');
    // a usable column still becomes the target
    expect(lab.registry.setColumns(dataset.id, [{ column: 'OT', role: 'target' }]).columns.find((c) => c.role === 'target')?.name).toBe('OT');
  });

  it('a constant and an empty column: refused saying why; a column that varies is the target', async () => {
    const file = join(home, 'shop.csv');
    writeFileSync(file, ['store,shown,note,sales', ...Array.from({ length: 30 }, (_, i) => `s${i % 3},1,,${(i * 7) % 11}`)].join('\n') + '\n');
    const { dataset } = await lab.registry.importDataset(file);
    expect(() => lab.registry.setColumns(dataset.id, [{ column: 'shown', role: 'target' }]))
      .toThrow(/^'shown' holds one value in every row \(1\): a target must hold values that differ between rows .*pick the column to predict, e.g\. 'sales'/);
    expect(() => lab.registry.setColumns(dataset.id, [{ column: 'note', role: 'target' }])).toThrow(/^'note' has no value in any row: /);
    expect(roleOf(dataset.id, 'shown')).toBe('feature');
    expect(lab.registry.setColumns(dataset.id, [{ column: 'sales', role: 'target' }]).columns.find((c) => c.role === 'target')?.name).toBe('sales');
  });

  it('asked on import (gatelab import FILE --target date): refused, nothing imported, naming --target to use', async () => {
    const file = join(home, 'load.csv');
    writeFileSync(file, ['date,load', ...Array.from({ length: 24 }, (_, i) => `2021-01-01 ${String(i).padStart(2, '0')}:00,${(i * 7) % 5}`)].join('\n') + '\n');
    const before = lab.registry.list().length;
    await expect(lab.registry.importDataset(file, { roles: { date: 'target' } })).rejects.toThrow(
      "'date' is a datetime column: a target must be a number or a category; pick the column to predict, e.g. 'load' — import the file again with --target load " +
      '(or without --target, and set it later: gatelab datasets roles ID load=target)');
    expect(lab.registry.list()).toHaveLength(before);
  });
});

describe('targetProblem and unusableTargetMessage', () => {
  const col = (name: string, type: TargetDataset['columns'][number]['type'], stats: Record<string, unknown>, role: 'feature' | 'target' | 'time' = 'feature') => ({ name, type, role, stats });

  it('reads datasets of any age from their stats: a constant number without a distinct count by min = max', () => {
    expect(targetProblem(col('x', 'float', { count: 5, missing: 0, min: 3, max: 3 }), 5)).toBe('holds one value in every row (3)');
    expect(targetProblem(col('x', 'float', { count: 5, missing: 0, min: 3, max: 4 }), 5)).toBeNull();
    expect(targetProblem(col('e', 'vector', {}), 5)).toMatch(/vector/);
    expect(targetProblem(col('b', 'boolean', { count: 5, missing: 0, cardinality: 2 }), 5)).toBeNull();
  });

  it('a column already the target (stored by an older lab) is let be: roles put back do not fail on it', () => {
    const d: TargetDataset = { id: 3, name: 'old', family: null, rows: 5, columns: [col('when', 'datetime', {}, 'target'), col('y', 'float', { min: 0, max: 1 })] };
    expect(unusableTargetMessage(d, [{ column: 'when', role: 'target' }])).toBeNull();
    // no column to suggest, and a name that needs quoting in the command
    const bare: TargetDataset = { ...d, columns: [col('sent at', 'datetime', {})] };
    // with no column to learn from beside it, the file is likely a log of interactions: said, as the trainer says it
    expect(unusableTargetMessage(bare, [{ column: 'sent at', role: 'target' }]))
      .toMatch(new RegExp("^'sent at' is a datetime column: a target must be a number or a category; pick the column to predict — in the app: Datasets → old → Target; " +
        "on the command line: gatelab datasets roles 3 '<column>=target' \\(or --target COLUMN on gatelab train\\)\\. If each row is an interaction \\(an implicit-feedback log"));
  });
});
