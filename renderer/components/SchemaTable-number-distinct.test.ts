// The schema table's Distinct column for number columns: the count the importer recorded (what decides
// classes vs a number to regress), '1,000+' above its cap, and '—' for a dataset imported before the count.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import type { ColumnInfo } from '../../common/lab-api';
import SchemaTable from './SchemaTable.svelte';

afterEach(cleanup);

const base = { role: 'feature' as const, modality: null, missing: 0, distinct: null, mean: 1, std: 1, histogram: null };
const status = { ...base, name: 'status', type: 'int' as const, min: 200, max: 500, numberValues: { distinct: 3, fractions: false } };
const latency = { ...base, name: 'latency', type: 'float' as const, min: 0, max: 9, numberValues: { distinct: 1001, fractions: true } };
const old = { ...base, name: 'old', type: 'float' as const, min: 0, max: 9 };
const city = { ...base, name: 'city', type: 'categorical' as const, distinct: 1234, min: null, max: null, mean: null, std: null };
/** The row's Distinct cell (the sixth: Column, Type, Role, Modality, Missing, Distinct). */
const distinctOf = (column: string) => screen.getByTestId('schema-table').querySelector<HTMLElement>(`tr[data-column="${column}"]`)!.querySelectorAll('td')[5].textContent;

describe('SchemaTable Distinct for number columns', () => {
  it("shows the importer's count, '1,000+' above the cap, '—' without one; coded columns as before", () => {
    render(SchemaTable, { props: { columns: [status, latency, old, city] as ColumnInfo[] } });
    expect(distinctOf('status')).toBe('3');
    expect(distinctOf('latency')).toBe('1,000+');
    expect(distinctOf('old')).toBe('—');
    expect(distinctOf('city')).toBe('1,234');
  });
});
