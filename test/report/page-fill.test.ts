import { describe, expect, it } from 'vitest';
import { fillOf } from './page-fill.js';

// The measure of a page's fill, on grey pages drawn here: A4 at 40 dpi (331 × 468 pixels).

const WIDTH = 331;
const HEIGHT = 468;
const mm = HEIGHT / 297;

/** A white page with ink (black) on the rows between `fromMm` and `toMm` from the top of the sheet. */
function page(...inked: [fromMm: number, toMm: number][]): { width: number; height: number; data: Buffer } {
  const data = Buffer.alloc(WIDTH * HEIGHT, 255);
  for (const [from, to] of inked) data.fill(0, Math.round(from * mm) * WIDTH, Math.round(to * mm) * WIDTH);
  return { width: WIDTH, height: HEIGHT, data };
}

describe('fillOf', () => {
  it('reads a blank page as empty, and ignores the running header and the foot in the margins', () => {
    expect(fillOf(page())).toBe(0);
    expect(fillOf(page([10, 15], [285, 290]))).toBe(0);
  });

  it('measures how far down the text area the content reaches', () => {
    // The text area runs from 20 mm to 279 mm: content down to 149,5 mm is half of it.
    expect(fillOf(page([25, 30], [140, 149.5]))).toBeCloseTo(0.5, 1);
    expect(fillOf(page([20, 279]))).toBeCloseTo(1, 2);
  });

  it('counts a light grey (a chart bar, a table rule) as ink, and paper white as paper', () => {
    const grey = page();
    grey.data.fill(200, Math.round(200 * mm) * WIDTH, Math.round(201 * mm) * WIDTH);
    expect(fillOf(grey)).toBeCloseTo(181 / 259, 1);
    const faint = page();
    faint.data.fill(240, Math.round(200 * mm) * WIDTH, Math.round(201 * mm) * WIDTH);
    expect(fillOf(faint)).toBe(0);
  });
});
