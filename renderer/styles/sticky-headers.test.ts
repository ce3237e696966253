// Which grid tables keep their column headers in view (app.css): only those in their own scroll box. Every
// grid header was sticky, so the run page's "Test per channel" table had its header stuck to the view,
// floating over its rows as they scrolled past (audit G3 #3).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// jsdom's import.meta.url is no file: URL, so the path is made from the module's own
const css = readFileSync(fileURLToPath(new URL('./app.css', `file://${import.meta.dirname ?? ''}/`)), 'utf8');

function page(html: string): HTMLElement {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = html;
  return document.body;
}
const table = '<table class="grid"><thead><tr><th>channel</th><th>MSE</th></tr></thead><tbody><tr><th scope="row">OT</th><td>0.4</td></tr></tbody></table>';
const head = (root: HTMLElement) => getComputedStyle(root.querySelector('thead th')!);

it('the surface colour a sticky header paints is opaque in both themes', () => {
  const surfaces = [...css.matchAll(/--surface:\s*([^;]+);/g)].map((m) => m[1].trim());
  expect(surfaces).toHaveLength(2);
  for (const c of surfaces) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
});

afterEach(() => { document.head.innerHTML = ''; document.body.innerHTML = ''; });

describe('grid table headers', () => {
  it('scroll with the table when it sits in the page (a panel on the run page)', () => {
    const root = page(`<section class="card">${table}</section>`);
    expect(head(root).position).not.toBe('sticky');
    expect(getComputedStyle(root.querySelector('tbody th')!).position).not.toBe('sticky');
  });

  it('stay on top, opaque and above the cells, in a table’s own scroll box', () => {
    for (const box of ['scroll', 'sticky-head']) {
      const root = page(`<div class="${box}">${table}</div>`);
      expect(head(root).position).toBe('sticky');
      expect(head(root).top).toBe('0px');
      expect(head(root).zIndex).toBe('2');
      // jsdom leaves var() unresolved: the header's colour is the surface's, opaque in both themes
      expect(head(root).backgroundColor).toBe('var(--surface)');
      // a row header (th in the body) never sticks
      expect(getComputedStyle(root.querySelector('tbody th')!).position).not.toBe('sticky');
    }
  });
});
