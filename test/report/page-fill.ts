import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { poppler } from './build.js';

// How full each printed page is: the page is rasterised in grey and the lowest row with ink inside the
// text area (between the running header and the foot, which sit in the margins) says how far down the
// content reaches. Charts and maps count like text, which pdftotext alone would not see.

/** The A4 page and its margins (src/render/page-css.ts), in mm. */
const PAGE_MM = 297;
const TOP_MM = 20;
const BOTTOM_MM = 18;
/** Resolution of the raster: 40 dpi is a row every 0,6 mm, enough to measure a page's fill. */
const DPI = 40;
/** A grey level below this is ink (anti-aliased text edges reach ~200 on white paper). */
const INK = 224;

/** A PGM (P5) image: width, height and one grey byte per pixel. */
function readPgm(bytes: Buffer): { width: number; height: number; data: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), data: bytes.subarray(header[0].length) };
}

/** The share (0–1) of a page's text area that its content reaches down to. */
export function fillOf(image: { width: number; height: number; data: Buffer }): number {
  const mm = image.height / PAGE_MM;
  const top = Math.round(TOP_MM * mm);
  const bottom = Math.round((PAGE_MM - BOTTOM_MM) * mm);
  for (let y = bottom - 1; y >= top; y--) {
    const row = image.data.subarray(y * image.width, (y + 1) * image.width);
    if (row.some((grey) => grey < INK)) return (y + 1 - top) / (bottom - top);
  }
  return 0;
}

/** How full each page of a PDF is, in page order. */
export async function pageFills(pdfFile: string): Promise<number[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'bilancio-riempimento-'));
  try {
    await poppler('pdftoppm', ['-gray', '-r', String(DPI), pdfFile, path.join(work, 'p')]);
    const files = (await readdir(work)).filter((f) => f.endsWith('.pgm')).sort();
    const fills: number[] = [];
    for (const file of files) fills.push(fillOf(readPgm(await readFile(path.join(work, file)))));
    return fills;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
