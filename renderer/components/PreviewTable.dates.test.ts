// Preview cells as the file has them (app walk-throughs). A file of dates (no times) showed "2021-01-01
// 00:00:00" in Schema's range and on every Preview row; numbers showed at 4 significant digits (a pressure
// of 1012.9 read "1013" beside a stored 1013 written "1,013", a price of 12345.67 read "12350"). Against a
// real Lab (child process, temp home, real importer): a daily column reads as dates in both, an hourly one
// keeps its times although its first value is at midnight, and float32 numbers read as written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import { inProcessLab } from '../lib/in-process-lab';
import { mayHoldDatesOnly } from '../lib/date-only';
import type { DatasetDetail, LabApi } from '../../common/lab-api';
import PreviewTable from './PreviewTable.svelte';
import SchemaTable from './SchemaTable.svelte';

let lab: LabProcess;
let api: LabApi;
let dir: string;
const day = (i: number) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
const hour = (i: number) => new Date(Date.UTC(2021, 0, 1, i)).toISOString().slice(0, 19).replace('T', ' ');

async function imported(name: string, text: string): Promise<DatasetDetail> {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, text);
  await api.invoke('datasets.import', { path: file });
  return waitFor(async () => {
    const d = (await api.invoke('datasets.list', {})).find((x) => x.name === name);
    expect(d).toBeTruthy();
    return api.invoke('datasets.get', { id: d!.id });
  }, { timeout: 30_000 });
}

beforeAll(async () => {
  ({ lab } = await openLabStores());
  api = inProcessLab(lab);
  dir = mkdtempSync(join(tmpdir(), 'gatelab-dates-'));
}, 60_000);
afterAll(async () => {
  cleanup();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The schema's range and the first preview rows' first column for `d`, as the Datasets view renders them. */
async function shown(d: DatasetDetail): Promise<{ range: string[]; cells: string[] }> {
  render(SchemaTable, { props: { columns: d.columnInfo } });
  const range = [...document.querySelectorAll('td.range')[0].querySelectorAll('span')].map((s) => s.textContent ?? '');
  render(PreviewTable, { props: { lab: api, datasetId: d.id, total: d.rows, columns: d.columnInfo.map((c) => c.name), datesOnly: d.columnInfo.map(mayHoldDatesOnly) } });
  const table = screen.getByTestId('preview');
  const cells = await waitFor(() => {
    const texts = [0, 1, 2].map((r) => table.querySelector(`[data-row="${r}"] [data-col="0"]`)?.textContent ?? '');
    expect(texts.every(Boolean)).toBe(true);
    return texts;
  }, { timeout: 10_000 });
  cleanup();
  return { range, cells };
}

describe('datetimes in Schema and Preview', () => {
  it('a daily column: dates without 00:00:00', async () => {
    const d = await imported('daily', 'date,sales\n' + Array.from({ length: 40 }, (_, i) => `${day(i)},${i % 7}`).join('\n') + '\n');
    expect(d.columnInfo[0].type).toBe('datetime');
    expect(await shown(d)).toEqual({ range: ['2021-01-01', '2021-02-09'], cells: ['2021-01-01', '2021-01-02', '2021-01-03'] });
  }, 60_000);

  it('an hourly column keeps its times, the midnight ones too', async () => {
    const d = await imported('hourly', 'time,load\n' + Array.from({ length: 49 }, (_, i) => `${hour(i)},${i % 5}`).join('\n') + '\n');
    expect(await shown(d)).toEqual({ range: ['2021-01-01 00:00:00', '2021-01-03 00:00:00'], cells: ['2021-01-01 00:00:00', '2021-01-01 01:00:00', '2021-01-01 02:00:00'] });
  }, 60_000);
});

describe('numbers in Preview', () => {
  it('shows each number as the file holds it, in the cells and in the whole-value panel', async () => {
    const d = await imported('pressure', 'Druck,Preis,Anzahl\n1012.9,12345.67,3\n1013.0,0.1,1500\n1009.25,-7.5,42\n');
    // stored as float32 (an all-integer column as int): the widened float32 must not leak its noise either
    expect(d.columnInfo.map((c) => c.type)).toEqual(['float', 'float', 'int']);
    render(PreviewTable, { props: { lab: api, datasetId: d.id, total: d.rows, columns: d.columnInfo.map((c) => c.name) } });
    const table = screen.getByTestId('preview');
    const cell = (r: number, c: number) => table.querySelector(`[data-row="${r}"] [data-col="${c}"]`)!;
    const rows = await waitFor(() => {
      const texts = [0, 1, 2].map((r) => [0, 1, 2].map((c) => cell(r, c)?.textContent ?? ''));
      expect(texts.flat().every(Boolean)).toBe(true);
      return texts;
    }, { timeout: 10_000 });
    expect(rows).toEqual([['1,012.9', '12,345.67', '3'], ['1,013', '0.1', '1,500'], ['1,009.25', '-7.5', '42']]);
    // the panel that promises the whole value shows the same, not a shorter rounding
    await fireEvent.click(cell(0, 1));
    expect(screen.getByTestId('cell-full').textContent).toContain('12,345.67');
    cleanup();
  }, 60_000);
});
