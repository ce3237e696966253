// @vitest-environment node
// The classes the Models form names class weights by, from a dataset's statistics, against the trainer's
// own rule (common/models/target.ts targetCoding) on the same column as the importer stored it: the same
// names in the same order (the order of loss.classWeights) for categories, two words (the positive one
// last, whatever the sort says), integers with a value missing from their range, -1/1, a 0/1 column (read
// as a boolean) and a label rule. A forecaster has none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lab } from '../../main/lab/lab';
import { readDatasetCache, type CachedDataset } from '../../workers/data/cache';
import { targetCoding } from '../../common/models/target';
import { booleanWordsOf } from '../../common/models/label-words';
import type { DatasetDetail } from '../../common/lab-api';
import { targetClasses } from './target-classes';

let dir: string;
let lab: Lab;
let id: string;
let cache: CachedDataset;
const COLUMNS = ['x', 'ticket', 'outcome', 'stars', 'sign', 'flag', 'status'];

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const r = await lab.dispatch(channel, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-target-classes-'));
  lab = await Lab.open({ home: join(dir, 'home'), face: 'test' });
  const tickets = ['resolved', 'refund', 'escalated'];
  const rows = Array.from({ length: 300 }, (_, r) => [
    ((r * 37) % 101) / 10, tickets[r % 7 === 0 ? 1 : r % 3 === 0 ? 2 : 0], r % 4 === 0 ? 'clicked' : 'skipped', [1, 2, 4, 5][r % 4], r % 5 === 0 ? 1 : -1, r % 2,
    r % 4 === 0 ? 'Charged Off' : 'Fully Paid', // two values no word decides: the rarer is positive, or the one chosen
  ].join(','));
  const file = join(dir, 'support.csv');
  writeFileSync(file, [COLUMNS.join(','), ...rows].join('\n'));
  await call('datasets.import', { path: file });
  for (let t0 = Date.now(); !(await call<unknown[]>('datasets.list', {})).some((d) => (d as { name: string }).name === 'support'); ) {
    if (Date.now() - t0 > 60_000) throw new Error('support.csv was not imported');
    await new Promise((r) => setTimeout(r, 50));
  }
  id = (await call<{ id: string; name: string }[]>('datasets.list', {})).find((d) => d.name === 'support')!.id;
  // the lab's demo datasets are there too: this file's cache is the one with its columns
  cache = readdirSync(lab.paths.datasets).map((hash) => readDatasetCache(join(lab.paths.datasets, hash, 'cache'))).find((c) => c.names.includes('ticket'))!;
});
afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The dataset with `target` as its target (the other columns features), `rule` as its label rule or `positive` as its positive value. */
async function withTarget(target: string, rule?: number, positive?: string): Promise<DatasetDetail> {
  const roles = Object.fromEntries(COLUMNS.map((c) => [c, c === target ? 'target' : 'feature']));
  await call('datasets.setRoles', { id, roles, label: { positiveAtLeast: rule ?? null, ...(positive ? { positive } : {}) } });
  return call<DatasetDetail>('datasets.get', { id });
}

/** The trainer's classes of `column` in class-id order: binary [negative, positive], else the sorted values. */
function trainerClasses(column: string, rule?: number, positive?: string): string[] {
  // as the trainer reads the dataset for a new run: with the file's words for a boolean (codeTarget passes
  // them), the chosen positive value, else the rarer of two values no word decides (data.positiveByCount)
  const booleanWords = booleanWordsOf(cache, column);
  const chosen = rule === undefined ? (positive === undefined ? { minorityPositive: true } : { positive }) : { positiveAtLeast: rule };
  const c = targetCoding(cache.column(column), column, { ...chosen, ...(booleanWords ? { booleanWords } : {}) });
  return c.kind === 'binary' ? [c.negative, c.positive] : c.names;
}

describe('targetClasses', () => {
  it.each([
    ['ticket', undefined, ['escalated', 'refund', 'resolved']],
    ['outcome', undefined, ['skipped', 'clicked']],
    ['stars', undefined, ['1', '2', '4', '5']],
    ['sign', undefined, ['-1', '1']],
    ['flag', undefined, ['0', '1']], // a 0/1 column read as a boolean: named as the file writes it
    ['stars', 4, ['< 4', '≥ 4']],
    ['status', undefined, ['Fully Paid', 'Charged Off']], // the rarer is positive
    ['status', 'Fully Paid', ['Charged Off', 'Fully Paid']], // the dataset's chosen positive value (Datasets › Target › Positive class)
    ['outcome', 'skipped', ['clicked', 'skipped']],
    ['sign', '-1', ['1', '-1']],
    ['flag', '0', ['1', '0']],
  ] as const)('%s (rule %s): the trainer\'s classes in its order', async (column, rule, expected) => {
    const [threshold, positive] = typeof rule === 'string' ? [undefined, rule] : [rule, undefined];
    const d = await withTarget(column, threshold, positive);
    expect(trainerClasses(column, threshold, positive)).toEqual(expected);
    const classes = targetClasses('fusion', d)!;
    expect(classes).toMatchObject({ column, names: expected, count: expected.length });
    expect(classes.fromRange).toBeUndefined();
  });

  it('none for a forecaster, and none while the dataset has no target', async () => {
    const d = await withTarget('ticket');
    expect(targetClasses('forecasting', d)).toBeNull();
    expect(targetClasses('fusion', { ...d, columnInfo: d.columnInfo.map((c) => ({ ...c, role: 'feature' as const })) })).toBeNull();
  });

  it('a wide integer range is named by the range (fromRange); more categories than the statistics list have no names', async () => {
    const d = await withTarget('stars');
    const stars = d.columnInfo.find((c) => c.name === 'stars')!;
    const wide = { ...d, columnInfo: d.columnInfo.map((c) => (c.name === 'stars' ? { ...stars, min: 1, max: 30, histogram: null } : c)) };
    expect(targetClasses('fusion', wide)).toMatchObject({ count: 30, fromRange: true });
    expect(targetClasses('fusion', wide)!.names!.slice(0, 3)).toEqual(['1', '2', '3']);
    const ticket = (await withTarget('ticket')).columnInfo.find((c) => c.name === 'ticket')!;
    const many = { ...d, columnInfo: d.columnInfo.map((c) => (c.name === 'ticket' ? { ...ticket, role: 'target' as const, distinct: 25 } : { ...c, role: 'feature' as const })) };
    expect(targetClasses('fusion', many)).toEqual({ column: 'ticket', names: null, count: 25 });
  });
});
