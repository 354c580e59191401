import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../../src/render/browser.js';
import { PDF_OPTIONS } from '../../src/render/pdf.js';
import { poppler } from './build.js';

// How the tests see a page break cut a figure or a table. In a page with JavaScript (test only), every
// box that must not split gets a magenta line along its top edge and a green line along its bottom
// edge (absolutely positioned pseudo-elements: the layout does not move). The report is printed
// with the production print options and rasterised; on every page, read from top to bottom, the
// lines must alternate magenta, green, magenta, green… A box cut by a page break leaves a page that
// ends with a magenta line (its top) and a next page that begins with a green one (its bottom).

// The page's DOM, as far as the function evaluated in Chromium uses it (this project has no DOM types).
interface Box {
  id: string;
  tagName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  getBoundingClientRect(): { right: number };
  scrollWidth: number;
  clientWidth: number;
  closest(selector: string): Box | null;
  getClientRects(): { length: number };
}
declare const document: {
  documentElement: { clientWidth: number; scrollWidth: number };
  head: { append(node: unknown): void };
  querySelectorAll(selector: string): Iterable<Box>;
  createElement(tag: 'style'): { textContent: string };
};

const TOP = [255, 0, 255] as const;
const BOTTOM = [0, 255, 0] as const;
/** Pixels of exact marker colour a raster row needs to count as a marker line. */
const MIN_RUN = 8;

/** Boxes that must never split: figures, short tables, and each row of a long table. */
export const UNSPLITTABLE = ['figure', '.blocco-tabella.intera', '.blocco-tabella:not(.intera) tbody tr > :first-child'];

export interface MarkedPrint {
  pdf: Uint8Array;
  /** How many boxes got markers. */
  marked: number;
  /**
   * Elements wider than the A4 text column; and, when the page scrolls sideways, that width with the
   * table cells whose content spills out (a word wider than its column). Either way Chromium would
   * shrink every page to fit.
   */
  tooWide: string[];
}

/** Prints the report with marker lines on every unsplittable box, with the production print options. */
export async function printWithMarkers(html: string): Promise<MarkedPrint> {
  const launched = await launchBrowser();
  try {
    const page = await launched.browser.newPage();
    // The A4 text column: 210 mm less 2 × 18 mm of margin, in CSS px.
    await page.setViewport({ width: Math.floor((174 * 96) / 25.4), height: 1000 });
    await page.emulateMediaType('print');
    await page.setContent(html, { waitUntil: 'load' });
    const { marked, tooWide } = await page.evaluate(
      (selectors: string[], top: readonly number[], bottom: readonly number[]) => {
        const width = document.documentElement.clientWidth;
        const tooWide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('svg'))
          .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.getAttribute('class') ?? ''}`)
          .slice(0, 10);
        const spilling = [...document.querySelectorAll('td, th')]
          .filter((cell) => cell.clientWidth > 0 && cell.scrollWidth > cell.clientWidth + 1)
          .map((cell) => `${cell.tagName.toLowerCase()} in #${cell.closest('table')?.id ?? '?'}`)
          .slice(0, 10);
        if (document.documentElement.scrollWidth > width + 1)
          tooWide.push(`the page scrolls to ${document.documentElement.scrollWidth}px`, ...spilling);
        // Boxes print media hides (screen-only detail tables) are not printed, so they get no marker.
        const boxes = selectors.flatMap((s) => [...document.querySelectorAll(s)]).filter((box) => box.getClientRects().length > 0);
        boxes.forEach((box) => box.setAttribute('data-segno', ''));
        const style = document.createElement('style');
        const line =
          'content: ""; position: absolute; left: 0; right: 0; height: 6px; -webkit-print-color-adjust: exact; print-color-adjust: exact;';
        style.textContent = `[data-segno] { position: relative; }
        [data-segno]::before { ${line} top: 0; background: rgb(${top.join(',')}); }
        [data-segno]::after { ${line} bottom: 0; background: rgb(${bottom.join(',')}); }`;
        document.head.append(style);
        return { marked: boxes.length, tooWide };
      },
      UNSPLITTABLE,
      TOP,
      BOTTOM,
    );
    const pdf = await page.pdf(PDF_OPTIONS);
    return { pdf, marked, tooWide };
  } finally {
    await launched.close();
  }
}

/** A PPM (P6) image: width, height and RGB bytes. */
function readPpm(bytes: Buffer): { width: number; height: number; data: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), data: bytes.subarray(header[0].length) };
}

/** The marker lines of one page from top to bottom: 'T' for a top edge, 'B' for a bottom edge. */
export function markerSequence(image: { width: number; height: number; data: Buffer }): string {
  let sequence = '';
  let previous = { top: false, bottom: false };
  for (let y = 0; y < image.height; y++) {
    let top = 0;
    let bottom = 0;
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
      if (r === TOP[0] && g === TOP[1] && b === TOP[2]) top++;
      else if (r === BOTTOM[0] && g === BOTTOM[1] && b === BOTTOM[2]) bottom++;
    }
    const now = { top: top >= MIN_RUN, bottom: bottom >= MIN_RUN };
    // A line starts where its colour first appears; a bottom edge and the next top edge never share a row.
    if (now.bottom && !previous.bottom) sequence += 'B';
    if (now.top && !previous.top) sequence += 'T';
    previous = now;
  }
  return sequence;
}

/** Rasterises the PDF (pdftoppm, PPM) and returns each page's marker sequence. */
export async function markerPages(pdfFile: string): Promise<string[]> {
  const prefix = path.join(path.dirname(pdfFile), 'segni');
  await poppler('pdftoppm', ['-r', '50', pdfFile, prefix]);
  const files = (await readdir(path.dirname(pdfFile))).filter((f) => f.startsWith('segni') && f.endsWith('.ppm')).sort();
  const pages: string[] = [];
  for (const file of files) pages.push(markerSequence(readPpm(await readFile(path.join(path.dirname(pdfFile), file)))));
  return pages;
}
