// Compare › knockouts: a tiny delta's value "-0.000000" ran over its note ("-0.000000(< 1e-6)") because the value
// box had a fixed 4.5em width; it keeps that as its least width (a column's values line up) and grows past it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import KnockoutCompare from './KnockoutCompare.svelte';

// the component's own <style> as written (jsdom gets no component styles from the test build)
const source = readFileSync(fileURLToPath(new URL('./KnockoutCompare.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];

afterEach(() => { cleanup(); document.head.innerHTML = ''; });

it('lets a tiny delta\'s value box grow to its text instead of running over its note', () => {
  const delta = -4e-8;
  render(KnockoutCompare, { props: { runs: [{ id: '2', label: 'run 2' }], tables: [{
    runId: 2, split: 'test', metric: 'mse', higherIsBetter: false, baseline: 0.095169, samples: 100, resamples: 200, seed: 0,
    rows: [{ gate: 'router', kind: 'router', mode: 'top1', value: 0.095169 + delta, delta, ci: { low: delta * 1.2, high: delta * 0.8, level: 0.95 } }],
  }] } });
  document.head.innerHTML = `<style>${css}</style>`;
  const value = screen.getByTestId('knockout-compare-row').querySelector('.v')!;
  expect(value.textContent).toBe('-0.000000');
  expect(value.nextElementSibling?.textContent).toBe(' (< 1e-6)');
  const style = getComputedStyle(value);
  expect(style.width).not.toMatch(/em$/); // no fixed width: the box is as wide as its text
  expect(style.minWidth).toBe('4.5em');
});
