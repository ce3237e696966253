import { describe, expect, it } from 'vitest';
import { parseHash, Router } from './router.svelte';

describe('hash router', () => {
  it('parses views and decodes the parameter; unknown views fall back to datasets', () => {
    expect(parseHash('#/runs/abc%2F1')).toEqual({ view: 'runs', param: 'abc/1' });
    expect(parseHash('#/models')).toEqual({ view: 'models', param: null });
    expect(parseHash('#/nope')).toEqual({ view: 'datasets', param: null });
    expect(parseHash('')).toEqual({ view: 'datasets', param: null });
  });

  it('follows the window hash and writes it on go()', async () => {
    window.location.hash = '#/settings';
    const r = new Router(window);
    expect(r.view).toBe('settings');
    r.go('datasets', '7');
    expect(window.location.hash).toBe('#/datasets/7');
    expect(r.param).toBe('7');
    window.location.hash = '#/compare';
    await new Promise((res) => setTimeout(res, 0));
    expect(r.view).toBe('compare');
  });

  it('remembers the run last open in Runs, for Export opened from the menu without one', () => {
    const r = new Router(null);
    expect(r.lastParam('runs')).toBeNull();
    r.go('runs', '7');
    r.go('export');
    expect(r.param).toBeNull();
    expect(r.lastParam('runs')).toBe('7');
  });
});
