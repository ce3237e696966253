// A chart on a HiDPI screen draws at the screen's pixels (sharp lines), with drawing code in CSS pixels.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharpContext } from './canvas-context';

const canvasWith = (ctx: unknown) => ({ width: 0, height: 0, getContext: () => ctx }) as unknown as HTMLCanvasElement;

describe('sharpContext', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sizes the canvas at the screen's pixel density and scales the context back to CSS pixels", () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const scale = vi.fn();
    const canvas = canvasWith({ scale });
    expect(sharpContext(canvas, 300, 140)).toEqual({ scale });
    expect([canvas.width, canvas.height]).toEqual([600, 280]);
    expect(scale).toHaveBeenCalledWith(2, 2);
  });

  it('a screen that tells no density draws at one pixel per CSS pixel; no 2D context gives null', () => {
    vi.stubGlobal('devicePixelRatio', 0);
    const canvas = canvasWith(null);
    expect(sharpContext(canvas, 300, 140)).toBeNull();
    expect([canvas.width, canvas.height]).toEqual([300, 140]);
  });
});
