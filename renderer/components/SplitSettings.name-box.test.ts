// New split › Name: the placeholder says what an empty name gives ("leave-last-out (or leave-last-out-2, …)"),
// and a fixed 240 px box cut it off ("chronological (or chronologi…"). The box is as wide as its placeholder,
// never narrower than 240 px, for every kind.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import SplitSettings from './SplitSettings.svelte';
import { handlerLab } from '../stores/runs-test-lab';
import { NEW_KINDS } from '../lib/split-kinds';
import type { DatasetDetail } from '../../common/lab-api';

// the component's own <style> as written (jsdom gets no component styles from the test build)
const source = readFileSync(fileURLToPath(new URL('./SplitSettings.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];

afterEach(() => { cleanup(); document.head.innerHTML = ''; });

const dataset: DatasetDetail = {
  id: '4', name: 'load', rows: 500, columns: 2, source: 'load.csv', family: 'forecasting', createdAt: '2026-01-01T00:00:00Z', bytes: 1000, issues: [],
  columnInfo: [
    { name: 'when', type: 'datetime', role: 'time', modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null },
    { name: 'load_kw', type: 'float', role: 'feature', modality: null, missing: 0, distinct: null, min: 0, max: 9, mean: 4, std: 1, histogram: null },
  ],
};

it('makes the Name box as wide as its placeholder for every kind, and at least 240 px', async () => {
  render(SplitSettings, { props: { lab: handlerLab({ 'splits.list': () => [] }).lab, dataset } });
  document.head.innerHTML = `<style>${css}</style>`;
  const box = () => screen.getByTestId('split-name') as HTMLInputElement;
  const shown: string[] = [];
  for (const kind of NEW_KINDS) {
    await fireEvent.change(screen.getByTestId('split-kind'), { target: { value: kind } });
    expect(box().placeholder).toBe(`${kind} (or ${kind}-2, …)`);
    // a ch is a digit's width, wider than most letters: the placeholder's length in ch (and a little) holds it
    const width = /^(\d+)ch$/.exec(box().style.width);
    expect(Number(width?.[1])).toBeGreaterThan(box().placeholder.length);
    shown.push(box().placeholder);
  }
  expect(shown).toContain('leave-last-out (or leave-last-out-2, …)');
  expect(getComputedStyle(box()).minWidth).toBe('240px');
});
