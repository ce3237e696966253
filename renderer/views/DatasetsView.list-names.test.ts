// The dataset list is 190 px wide: on one line every demo read "Demo: sensor + c…", "Demo: click log (C…",
// "Demo: grid load (f…", cut before the words that tell them apart. A name takes up to two lines before "…".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

// the view's own <style> as written (jsdom gets no component styles from the test build)
const source = readFileSync(fileURLToPath(new URL('./DatasetsView.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];

afterEach(() => { document.head.innerHTML = ''; document.body.innerHTML = ''; });

it('gives a dataset name in the list two lines before it is cut short', () => {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = '<a class="ds"><span class="name">Demo: sensor + camera (fusion)</span></a>';
  const name = getComputedStyle(document.querySelector('.name')!);
  expect(name.whiteSpace).not.toBe('nowrap');
  // jsdom does not compute the line clamp: the rule is read as written
  expect(/\.name \{[^}]*-webkit-line-clamp: 2;[^}]*\}/.test(css)).toBe(true);
  // the full name stays on hover
  expect(source).toMatch(/class="ds" title=\{s\.name\}/);
});
