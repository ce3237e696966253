// A column of '|'-separated lists ('Action|Comedy') in the schema table: its distinct count and bars are of
// whole values, so the row also says how many tokens the multi-hot role would read, in the words of
// `gatelab datasets show`; other columns say nothing of tokens, nor does free text where a few values hold
// a '|' (the clothing reviews' 'Title': "13,993 distinct tokens, 1.00 per row" meant nothing there), unless
// the user gave it the multi-hot role.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import type { ColumnInfo } from '../../common/lab-api';
import SchemaTable from './SchemaTable.svelte';

afterEach(cleanup);

const base = { role: 'feature' as const, modality: null, missing: 0, min: null, max: null, mean: null, std: null };
const genres = {
  ...base, name: 'genres', type: 'categorical' as const, inferredType: 'categorical' as const, distinct: 7,
  histogram: { labels: ['Comedy', 'Action|Comedy', 'Drama|Romance'], counts: [40, 31, 12] },
  listTokens: { separator: '|', distinct: 6, meanPerRow: 1.98, maxPerRow: 3 },
};
const plot = {
  ...base, name: 'plot', type: 'text' as const, inferredType: 'text' as const, distinct: 1200, histogram: null,
  listTokens: { separator: '|', distinct: 1, meanPerRow: 1, maxPerRow: 1 },
};
const city = { ...base, name: 'city', type: 'categorical' as const, inferredType: 'categorical' as const, distinct: 3, histogram: { labels: ['Oslo', 'Bergen', 'Tromsø'], counts: [5, 3, 2] } };
const row = (column: string) => screen.getByTestId('schema-table').querySelector<HTMLElement>(`tr[data-column="${column}"]`)!;

describe('SchemaTable list tokens', () => {
  it("shows a '|' list column's tokens beside its whole values, worded as the CLI's datasets show", () => {
    render(SchemaTable, { props: { columns: [genres, plot, city] as ColumnInfo[] } });
    expect(within(row('genres')).getByTestId('list-tokens').textContent).toBe("6 distinct tokens ('|'), 1.98 per row (max 3)");
    // the whole values stay what the Distinct column counts
    expect(within(row('genres')).getByText('7')).toBeTruthy();
    // free text with about one token a row is no list: its no-chart note, no token count
    expect(within(row('plot')).getByTestId('text-note')).toBeTruthy();
    expect(within(row('plot')).queryByTestId('list-tokens')).toBeNull();
    expect(within(row('city')).queryByTestId('list-tokens')).toBeNull();
  });

  it('a column given the multi-hot role says its tokens, however few rows hold a list; one token is singular', () => {
    render(SchemaTable, { props: { columns: [{ ...plot, role: 'multi-hot' }] as ColumnInfo[] } });
    expect(within(row('plot')).getByTestId('list-tokens').textContent).toBe("1 distinct token ('|'), 1.00 per row (max 1)");
  });
});
