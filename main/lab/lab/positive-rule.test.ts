// datasets.setRoles with a positive value (the app's "Positive class" box): stored as the dataset's label
// rule under the key `gatelab datasets roles … --positive` uses (a run started in the app reads it:
// renderer/components/TargetPicker.positive.test.ts); a value the target does not hold, a target of three
// values or a threshold beside it are refused in the CLI's words, and nothing is stored then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lab } from '../lab';
import { labPaths } from '../home';
import { openLabDatasets } from '../datasets/index';
import { labHomeWithDemos } from '../testing/lab-home';
import { checkPositiveValue } from '../../cli/datasets-positive-value';
import { heldValues } from '../../../common/lab-api/held-values';
import { columnInfoOf } from './column-info';
import type { Dataset } from '../datasets/registry';
import type { DatasetDetail } from '../../../common/lab-api';

let home: string;
let lab: Lab;
let id: string;
let imported: Dataset;

// 40 loans, 10 charged off; grade holds three values, branch twelve (more than the ten top values the stats keep)
const CSV = 'amount,grade,branch,loan_status\n' + Array.from({ length: 40 }, (_, i) => `${1000 + i * 50},${'ABC'[i % 3]},${'BCDEFGHJKLMN'[i % 12]},${i % 4 === 0 ? 'Charged Off' : 'Fully Paid'}`).join('\n') + '\n';

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-positive-rule-');
  writeFileSync(join(home, 'loans.csv'), CSV);
  const setup = await openLabDatasets(labPaths(home), { demos: false });
  try {
    imported = (await setup.registry.importDataset(join(home, 'loans.csv'))).dataset;
  } finally { setup.close(); }
  id = String(imported.id);
  lab = await Lab.open({ home, face: 'test' });
});
afterAll(async () => {
  await lab?.close();
  rmSync(home, { recursive: true, force: true });
});

const roles = { amount: 'feature', grade: 'feature', branch: 'feature', loan_status: 'target' } as const;
async function setRoles(payload: Record<string, unknown>): Promise<{ detail?: DatasetDetail; error?: string }> {
  const r = await lab.dispatch('datasets.setRoles', { id, roles, ...payload });
  return r.ok ? { detail: r.result as DatasetDetail } : { error: r.error.message };
}
/** The dataset's stored label rule (label-rules.ts, the store key `datasets roles --positive` writes and a run's defaults read). */
async function stored(): Promise<DatasetDetail['label']> {
  const r = await lab.dispatch('datasets.get', { id });
  return r.ok ? (r.result as DatasetDetail).label : undefined;
}

/** The CLI's refusal of the same positive value on the same dataset (`datasets roles ID loan_status=target --positive V`). */
function cliMessage(column: string, positive: string): string {
  try {
    checkPositiveValue(imported, [{ column, role: 'target' }], positive, undefined, id);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('datasets.setRoles label.positive', () => {
  it('stores the positive value as the dataset\'s label rule; the detail reads it back', async () => {
    const { detail, error } = await setRoles({ label: { positiveAtLeast: null, positive: 'Fully Paid' } });
    expect(error).toBeUndefined();
    expect(detail?.label).toEqual({ positiveAtLeast: null, positive: 'Fully Paid' });
    expect(await stored()).toEqual({ positiveAtLeast: null, positive: 'Fully Paid' });
  });

  it('refuses a value the target does not hold, with the CLI\'s message, and keeps the stored rule', async () => {
    const { error } = await setRoles({ label: { positiveAtLeast: null, positive: 'charged off' } });
    expect(error).toBe("positive 'charged off': the target 'loan_status' holds no such value; its values: 'Charged Off', 'Fully Paid' (write it exactly, case and spaces included)");
    expect(cliMessage('loan_status', 'charged off')).toBe(`--${error}`);
    expect((await stored())?.positive).toBe('Fully Paid');
  });

  it('refuses a positive value of a three-valued target, as the CLI does', async () => {
    const { error } = await lab.dispatch('datasets.setRoles', { id, roles: { grade: 'target', loan_status: 'feature' }, label: { positiveAtLeast: null, positive: 'A' } })
      .then((r) => (r.ok ? { error: undefined } : { error: r.error.message }));
    expect(error).toMatch(/^positive A: the target 'grade' has 3 values \('A', 'B', 'C'\); a positive value is chosen among two/);
    expect(cliMessage('grade', 'A')).toBe(`--${error}`);
    const detail = await lab.dispatch('datasets.get', { id });
    expect(detail.ok && (detail.result as DatasetDetail).columnInfo.find((c) => c.role === 'target')?.name).toBe('loan_status');
  });

  // the CLI read the values from the stats' ten top values and let this one through, to fail every run on it
  it('refuses a positive value of a twelve-valued target, as the CLI does', async () => {
    const { error } = await lab.dispatch('datasets.setRoles', { id, roles: { branch: 'target', loan_status: 'feature' }, label: { positiveAtLeast: null, positive: 'B' } })
      .then((r) => (r.ok ? { error: undefined } : { error: r.error.message }));
    expect(error).toBe("positive B: the target 'branch' has 12 values ('B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', …); a positive value is chosen among two. To read 'B' against all the others, write it in the file as 1 and the others as 0, and import it again");
    expect(cliMessage('branch', 'B')).toBe(`--${error}`);
  });

  it('refuses a threshold beside a positive value (one rule per target)', async () => {
    const { error } = await setRoles({ label: { positiveAtLeast: 1, positive: 'Fully Paid' } });
    expect(error).toContain('positive and positiveAtLeast are two label rules: keep one');
    expect((await stored())?.positive).toBe('Fully Paid');
  });

  it('a rule without a positive value removes it (automatic again)', async () => {
    const { detail } = await setRoles({ label: { positiveAtLeast: null } });
    expect(detail?.label?.positive ?? null).toBeNull();
  });

  it('a new target sent without a rule drops the old one (a value of one column means nothing for another)', async () => {
    expect((await setRoles({ label: { positiveAtLeast: null, positive: 'Charged Off' } })).error).toBeUndefined();
    await setRoles({}); // the same target, no rule sent: the rule stays
    expect((await stored())?.positive).toBe('Charged Off');
    const moved = await lab.dispatch('datasets.setRoles', { id, roles: { amount: 'target', loan_status: 'feature' } });
    expect(moved.ok).toBe(true);
    expect((await stored())?.positive ?? null).toBeNull();
    await setRoles({}); // back to loan_status for any later test
  });
});

// moved with `gatelab datasets roles --positive`'s reader (main/cli/datasets-positive-value.ts), which reads a
// stored column as the app does: its ColumnInfo (column-info.ts), then heldValues
describe('heldValues of a stored column', () => {
  const held = (column: { type: string; stats: unknown }) => heldValues(columnInfoOf({ name: 'y', role: 'target', ...column } as unknown as Dataset['columns'][number]));
  it("knows a target's values from its stats: a categorical's top values, a boolean's words, a number's two values", () => {
    expect(held({ type: 'categorical', stats: { cardinality: 2, topValues: [{ value: 'Fully Paid', count: 255 }, { value: 'Charged Off', count: 45 }] } })).toEqual(['Charged Off', 'Fully Paid']);
    expect(held({ type: 'boolean', stats: { booleanWords: { false: 'N', true: 'Y' } } })).toEqual(['N', 'Y']);
    expect(held({ type: 'int', stats: { min: 0, max: 1, numbers: { distinct: 2, fractions: false } } })).toEqual(['0', '1']);
    expect(held({ type: 'categorical', stats: { cardinality: 40, topValues: [{ value: 'a' }] } })).toBeUndefined();
  });
});
