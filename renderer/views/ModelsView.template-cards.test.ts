// A template card's gate badge at 1400 px: "2 gates (1 per block)" beside "tsmixer-gated" ran past the card's
// right edge (and "3 gates (1 per la…" was cut by the next card). The card's top row wraps, so the badge goes
// under the name when both do not fit.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

// the view's own <style> as written (jsdom gets no component styles from the test build)
const source = readFileSync(fileURLToPath(new URL('./ModelsView.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];

afterEach(() => { document.head.innerHTML = ''; document.body.innerHTML = ''; });

it("wraps a template card's name and gate badge instead of pushing the badge out of the card", () => {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = '<button class="tpl"><span class="row"><strong>patch-transformer-gated</strong><span class="pill gate">3 gates (1 per layer)</span></span></button>';
  expect(getComputedStyle(document.querySelector('.tpl .row')!).flexWrap).toBe('wrap');
  // the markup: the badge is the row's second child, beside the name
  expect(source).toMatch(/<span class="row"><strong>\{tpl\.id\}<\/strong><span class="pill"/);
});
