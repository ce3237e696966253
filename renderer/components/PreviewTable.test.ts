// The preview's cells can be read in full (audit A20: a review cut to "I love this dress. i u…", headers to
// "Clothi…"): against a real Lab (child process, temp home) that imported the first reviews of the real
// Women's Clothing E-Commerce file, each header and cell carries its whole value as a title, and a click
// or Enter on a cell shows the whole review under the table; arrows move between cells, Escape closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStores, type LabProcess } from '../fixtures/lab-stores';
import { inProcessLab } from '../lib/in-process-lab';
import { formatValue } from '../lib/format';
import type { DatasetDetail, LabApi } from '../../common/lab-api';
import PreviewTable from './PreviewTable.svelte';

const SOURCE = '/work/shared/data/multimodal/womens_clothing_ecommerce_reviews.csv';
let lab: LabProcess;
let api: LabApi;
let dir: string;
let dataset: DatasetDetail;

/** The header and the first `records` records of a CSV whose quoted fields may hold newlines. */
function firstRecords(text: string, records: number): string {
  let quotes = 0, seen = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quotes++;
    else if (text[i] === '\n' && quotes % 2 === 0 && ++seen === records) return text.slice(0, i + 1);
  }
  return text;
}

beforeAll(async () => {
  ({ lab } = await openLabStores());
  api = inProcessLab(lab);
  dir = mkdtempSync(join(tmpdir(), 'gatelab-preview-'));
  const file = join(dir, 'reviews.csv');
  writeFileSync(file, firstRecords(readFileSync(SOURCE, 'utf8'), 40));
  await api.invoke('datasets.import', { path: file });
  await waitFor(async () => {
    const d = (await api.invoke('datasets.list', {})).find((x) => x.name === 'reviews');
    expect(d).toBeTruthy();
    dataset = await api.invoke('datasets.get', { id: d!.id });
  }, { timeout: 30_000 });
}, 60_000);
afterAll(async () => {
  cleanup();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('PreviewTable: whole values', () => {
  it('titles every header and cell with its whole value; click and Enter show it under the table', async () => {
    const columns = dataset.columnInfo.map((c) => c.name);
    const review = columns.indexOf('Review Text');
    expect(review).toBeGreaterThan(0);
    const page = await api.invoke('datasets.preview', { id: dataset.id, offset: 0, limit: 5 });
    const whole = formatValue(page.rows[1][review]);
    expect(whole.length).toBeGreaterThan(160); // a review longer than the cell is wide

    render(PreviewTable, { props: { lab: api, datasetId: dataset.id, total: dataset.rows, columns, wide: dataset.columnInfo.map((c) => c.type === 'text') } });
    const table = screen.getByTestId('preview');
    expect(within(table).getAllByRole('columnheader').slice(1).map((h) => h.getAttribute('title'))).toEqual(columns);
    const cell = await waitFor(() => {
      const c = table.querySelector<HTMLElement>(`[data-row="1"] [data-col="${review}"]`);
      expect(c?.textContent).toBe(whole);
      return c!;
    });
    expect(cell.getAttribute('title')).toBe(whole);

    await fireEvent.click(cell);
    expect(screen.getByTestId('cell-full').textContent).toContain(whole);
    expect(screen.getByRole('region', { name: 'Whole value of Review Text in row 2' })).toBeTruthy();
    expect(cell.getAttribute('tabindex')).toBe('0'); // the clicked cell is the grid's Tab stop

    // keyboard: the arrow moves to the next row's review, Enter shows it, Escape closes the panel
    cell.focus();
    await fireEvent.keyDown(cell, { key: 'ArrowDown' });
    const below = table.querySelector<HTMLElement>(`[data-row="2"] [data-col="${review}"]`)!;
    expect(document.activeElement).toBe(below);
    await fireEvent.keyDown(below, { key: 'Enter' });
    expect(screen.getByTestId('cell-full').textContent).toContain(formatValue(page.rows[2][review]));
    await fireEvent.keyDown(below, { key: 'Escape' });
    expect(screen.queryByTestId('cell-full')).toBeNull();
  });
});
