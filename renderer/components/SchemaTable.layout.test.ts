// The schema table at 1400 px: a datetime range ('2016-07-01 00:00:00 … 2018-06-26 19:00:00', ETTh1 and the
// grid-load demo) did not wrap, because td.mono's nowrap outranked td.range's normal, so the Distribution
// column ran out of the card and the table scrolled sideways. The range cell wraps (date above time) when the
// row does not fit; the other number cells keep one line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

// the component's own <style> as written (jsdom gets no component styles from the test build)
const source = readFileSync(fileURLToPath(new URL('./SchemaTable.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];

afterEach(() => { document.head.innerHTML = ''; document.body.innerHTML = ''; });

it('lets a range cell wrap while the mean ± std cell stays on its lines', () => {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = '<table><tbody><tr><td class="mono range"><span>2016-07-01 00:00:00</span><span>2018-06-26 19:00:00</span></td><td class="num mono stat"><span>7.375</span><span>± 7.068</span></td></tr></tbody></table>';
  const [range, stat] = [...document.querySelectorAll('td')];
  expect(getComputedStyle(range).whiteSpace).toBe('normal');
  expect(getComputedStyle(stat).whiteSpace).toBe('nowrap');
  // the markup still puts the range in a td.mono.range cell (what the rule selects)
  expect(source).toMatch(/<td class="mono range">/);
});
