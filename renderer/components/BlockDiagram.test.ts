// The block diagram in a narrow window (1024×640 at 150% zoom is 683 CSS px wide): its row scrolled
// sideways and hid the gate and the Head behind its edge. The blocks wrap onto more rows instead, each
// arrow with the block it points to, so no block is out of sight and no row starts with a bare arrow.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import BlockDiagram from './BlockDiagram.svelte';
import { diagramOf } from '../lib/diagram';
import { TEMPLATES } from '../../common/models';

afterEach(() => { cleanup(); document.head.innerHTML = ''; });

// jsdom gets no component styles from the test build: the component's own <style>, as written, is put in the page
// (jsdom's import.meta.url is no file: URL, so the path is made from the module's own)
const source = readFileSync(fileURLToPath(new URL('./BlockDiagram.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];

describe('BlockDiagram', () => {
  it('wraps its blocks instead of scrolling them out of sight', () => {
    const t = TEMPLATES.find((x) => x.id === 'tsmixer-gated')!;
    render(BlockDiagram, { blocks: diagramOf(t as never, { lookback: 336, channels: 7, horizon: 96, revin: true, gate: { kind: 'sigmoid' } }), selected: null, onselect: () => {} });
    document.head.innerHTML = `<style>${css}</style>`;
    const diagram = screen.getByTestId('block-diagram');
    const style = getComputedStyle(diagram);
    expect(style.flexWrap).toBe('wrap');
    expect(style.overflowX).not.toBe('auto');
    // each arrow sits in one wrapper with the block after it
    const steps = [...diagram.children];
    expect(steps.map((s) => s.querySelectorAll('.arrow').length)).toEqual([0, ...steps.slice(1).map(() => 1)]);
    expect(steps.every((s) => s.querySelectorAll('.block').length === 1)).toBe(true);
    expect(screen.getByTestId('gate-gate')).toBeTruthy();
  });
});
