// The schema table at 1280 px is wider than its card: the side with more columns to scroll to is shaded, so
// "Mean ± std" and the Distribution column cut at the card's edge read as there (lib/overflow-cue.ts).
// jsdom lays nothing out: the test gives the scrolling box the widths a 1280-px window measured.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import type { ColumnInfo } from '../../common/lab-api';
import SchemaTable from './SchemaTable.svelte';

afterEach(cleanup);

const load = { name: 'load', role: 'feature', modality: null, type: 'float', missing: 0, distinct: null, min: 0, max: 9, mean: 4.5, std: 2.9, histogram: null } as ColumnInfo;
const measure = (box: HTMLElement, widths: { scrollLeft: number; scrollWidth: number; clientWidth: number }) => {
  for (const [key, value] of Object.entries(widths)) Object.defineProperty(box, key, { value, configurable: true, writable: true });
};

describe('SchemaTable wider than its card', () => {
  it('shades the right edge while columns are hidden there, the left once scrolled, neither when it fits', async () => {
    render(SchemaTable, { props: { columns: [load] } });
    const edges = screen.getByTestId('schema-scroll');
    const box = screen.getByTestId('schema-table').parentElement!;
    expect(edges.className).not.toMatch(/more-(left|right)/); // fits (jsdom's 0 widths)
    measure(box, { scrollLeft: 0, scrollWidth: 1320, clientWidth: 1100 });
    await fireEvent.scroll(box);
    expect(edges.classList.contains('more-right')).toBe(true);
    expect(edges.classList.contains('more-left')).toBe(false);
    measure(box, { scrollLeft: 220, scrollWidth: 1320, clientWidth: 1100 });
    await fireEvent.scroll(box);
    expect([edges.classList.contains('more-left'), edges.classList.contains('more-right')]).toEqual([true, false]);
    measure(box, { scrollLeft: 0, scrollWidth: 1100, clientWidth: 1100 });
    await fireEvent.scroll(box);
    expect(edges.className).not.toMatch(/more-(left|right)/);
  });
});
