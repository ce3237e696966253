// The dataset's tabs in a narrow window (1024×640 at 150% zoom, 683 CSS px): the last tab (Splits) ran
// 10 px past the page's edge and the whole Datasets page scrolled sideways. The tabs wrap instead.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

// the view's own <style> as written (jsdom gets no component styles from the test build)
const source = readFileSync(fileURLToPath(new URL('./DatasetsView.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];

afterEach(() => { document.head.innerHTML = ''; document.body.innerHTML = ''; });

it('wraps the dataset tabs rather than widening the page, and they follow the tablist keys', () => {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = '<div class="tabs" role="tablist"><button role="tab">Schema</button><button role="tab">Splits</button></div>';
  expect(getComputedStyle(document.querySelector('.tabs')!).flexWrap).toBe('wrap');
  // the markup's tablist has the keyboard pattern (lib/tablist) and a roving tab stop
  expect(source).toMatch(/role="tablist"[^>]*onkeydown=\{tablistKeydown\}/);
  expect(source).toMatch(/role="tab" aria-selected=\{tab === 'splits'\} tabindex=\{tab === 'splits' \? 0 : -1\}/);
});
