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
  it('replace() rewrites the current entry (no history step per change) and null forgets the view’s last parameter', () => {
    window.location.hash = '#/compare';
    const r = new Router(window);
    const entries = history.length;
    r.replace('compare', '3,5');
    expect(window.location.hash).toBe('#/compare/3,5'); // commas stay readable
    expect(history.length).toBe(entries);
    expect(r.param).toBe('3,5');
    expect(r.lastParam('compare')).toBe('3,5');
    r.replace('compare', null);
    expect(window.location.hash).toBe('#/compare');
    expect(r.lastParam('compare')).toBeNull();
  });

  it('goWith() hands the opened view a value it takes once, outside the address (a reload does not repeat it)', () => {
    const r = new Router(null);
    r.goWith('export', '7', 'gmu.z0 closed');
    expect([r.view, r.param]).toEqual(['export', '7']);
    expect(r.take('runs', '7')).toBeNull(); // another view's: kept for Export
    expect(r.take('export', '7')).toBe('gmu.z0 closed');
    expect(r.take('export', '7')).toBeNull(); // once
    r.goWith('export', '7', 'router single 2');
    expect(r.take('export', '8')).toBeNull(); // another run's: dropped
    expect(r.take('export', '7')).toBeNull();
  });
});
