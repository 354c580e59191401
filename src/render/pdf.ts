import { TimeoutError, type HTTPRequest, type Page, type PDFOptions } from 'puppeteer';
import type { Lang } from '../types.js';
import { BrowserFailedError, launchBrowser, type LaunchedBrowser, type LaunchOptions, type ProcessModel } from './browser.js';

// Printing HTML to PDF with one headless Chromium per build, closed to the network and to the disk.

export interface PdfMargin {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

export interface PdfOptions {
  lang: Lang;
  /**
   * The document prints its own page size, margins, running header and `pag. N di M` with CSS
   * (@page margin boxes, see page-css.ts): no Chromium header and footer bands, no margin option.
   */
  cssPages?: boolean;
  /** Running title in Chromium's page header (without cssPages); plain text, escaped here. */
  runningTitle?: string;
  /** Short text on the left of Chromium's footer (without cssPages); plain text. */
  footerText?: string;
  /** Page margins (without cssPages); the header and footer live inside top and bottom. */
  margin?: PdfMargin;
  /** Font of header and footer, a CSS font-family list. */
  fontFamily?: string;
  /** When given, CreationDate and ModDate become this date, so that equal HTML gives equal bytes. */
  date?: Date;
  /** Told of every URL the page tried to load and was refused (network, file: and the like). */
  onBlockedRequest?: (url: string) => void;
  /** Milliseconds allowed for loading and printing one document (default 60 000). */
  timeoutMs?: number;
}

/** One launched browser that prints many PDFs; close it in a `finally`. */
export interface Renderer {
  printPdf(html: string, options: PdfOptions): Promise<Uint8Array>;
  /** Loads a small document on a page kept for the next printPdf (never throws: a failure only leaves it cold). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
  /** Process id and DevTools endpoint of the browser, to tell launches apart. */
  readonly pid: number | undefined;
  readonly wsEndpoint: string;
  /** How the browser printing now runs (multi-process after a single-process one crashed). */
  readonly processModel: ProcessModel | undefined;
}

export const DEFAULT_MARGIN: PdfMargin = { top: '22mm', right: '18mm', bottom: '22mm', left: '18mm' };
const DEFAULT_FONT = "'DejaVu Sans', 'Liberation Sans', sans-serif";

/** A launched browser, with its pages that printed and wait for the next document. */
interface PrintingBrowser {
  launched: LaunchedBrowser;
  // Their renderer, fonts and print machinery are warm (a new page costs a slower first layout, and
  // in a multi-process browser a process start).
  idle: PrintingPage[];
}

/**
 * Launches the browser (throws BrowserNotFoundError) and returns a Renderer that reuses it. If a
 * single-process browser dies while it prints (see ProcessModel), the document is printed again by
 * a multi-process browser, which prints everything after it too.
 */
export async function openRenderer(options: LaunchOptions = {}): Promise<Renderer> {
  let current: PrintingBrowser = { launched: await launchBrowser(options), idle: [] };
  let replacement: Promise<PrintingBrowser> | null = null;
  let closed = false;
  const replace = (crashed: PrintingBrowser): Promise<PrintingBrowser> => {
    replacement ??= (async () => {
      await crashed.launched.close();
      if (closed) throw new Error('bilancio: the browser was closed while it was replaced');
      const launched = await launchBrowser({ ...options, processModel: 'multi-process' });
      if (closed) {
        await launched.close();
        throw new Error('bilancio: the browser was closed while it was replaced');
      }
      current = { launched, idle: [] };
      return current;
    })();
    return replacement;
  };
  const close = async (): Promise<void> => {
    closed = true;
    await replacement?.catch(() => undefined);
    await current.launched.close();
  };
  return {
    get pid() {
      return current.launched.browser.process()?.pid;
    },
    get wsEndpoint() {
      return current.launched.browser.wsEndpoint();
    },
    get processModel() {
      return current.launched.processModel;
    },
    close,
    async printPdf(html, pdfOptions) {
      // Told once per URL, even when a replacement browser loads the document again.
      const seen = new Set<string>();
      const refused = (url: string): void => {
        if (seen.has(url)) return;
        seen.add(url);
        pdfOptions.onBlockedRequest?.(url);
      };
      const on = current;
      try {
        return await printWith(on, html, pdfOptions, refused);
      } catch (error) {
        if (on.launched.processModel !== 'single-process' || !hasDied(on.launched)) throw asBrowserFailure(on.launched, error);
        const again = await replace(on);
        return printWith(again, html, pdfOptions, refused).catch((failure: unknown) => {
          throw asBrowserFailure(again.launched, failure);
        });
      }
    },
    async warmUp() {
      const on = current;
      if (on.idle.length > 0) return;
      let printing: PrintingPage | undefined;
      try {
        printing = await preparePage(await on.launched.browser.newPage());
        // Loaded, not printed: printing it too gained nothing measurable.
        await printing.page.setContent(WARM_UP_DOCUMENT, { waitUntil: 'load', timeout: 30_000 });
        on.idle.push(printing);
      } catch {
        // A cold page is only slower.
        await printing?.page.close().catch(() => undefined);
      }
    },
  };
}

/** Prints on an idle page of `on` (or a new one); a page that failed is closed, never reused. */
async function printWith(on: PrintingBrowser, html: string, options: PdfOptions, refused: (url: string) => void): Promise<Uint8Array> {
  const printing = on.idle.pop() ?? (await preparePage(await on.launched.browser.newPage()));
  try {
    const pdf = await printOn(printing, html, options, refused);
    on.idle.push(printing);
    return pdf;
  } catch (error) {
    // A page that failed (timeout, crash) is not trusted with another document.
    await printing.page.close().catch(() => undefined);
    throw error;
  }
}

/** A print that failed because Chromium crashed or hung is Chromium's failure (exit 3), not a bug of ours. */
function asBrowserFailure(launched: LaunchedBrowser, error: unknown): unknown {
  return hasDied(launched) || error instanceof TimeoutError ? BrowserFailedError.from(launched.executablePath, error) : error;
}

/** The browser process has gone (a crash): its connection is closed or it exited. */
function hasDied(launched: LaunchedBrowser): boolean {
  const child = launched.browser.process();
  return !launched.browser.connected || (child !== null && (child.exitCode !== null || child.signalCode !== null));
}

/** A 4 × 4 px red PNG. */
const WARM_UP_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

/**
 * A tiny document with what the report uses (headings, bold, a table, a chart's inline SVG with text,
 * A4 pages): loaded once while the build computes, so that the report's own print starts warm. Its
 * PNG matters: a single-process Chromium that loads its first raster image after a print crashes
 * (Chromium 156: a logo, a broken image's icon), and one that loaded an image before does not.
 */
const WARM_UP_DOCUMENT = `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>-</title><style>
@page { size: A4; margin: 22mm 18mm; @bottom-right { content: "pag. " counter(page) " di " counter(pages); } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; } table { border-collapse: collapse; }
td, th { border-bottom: 1px solid #ccc; font-variant-numeric: tabular-nums; }
</style></head><body><h1>Bilancio</h1><h2>La città</h2><p>Testo <strong>in grassetto</strong> e <em>corsivo</em>.</p>
<table><caption>Tabella 1.</caption><thead><tr><th scope="col">Zona</th><th scope="col">Residenti</th></tr></thead>
<tbody><tr><th scope="row">Centro</th><td>44.475</td></tr></tbody></table>
<figure><div role="img" aria-label="Grafico" style="background:#fff"><svg aria-hidden="true" xmlns="http://www.w3.org/2000/svg" width="120" height="40">
<g font-family="DejaVu Sans, sans-serif"><rect width="30" height="20" fill="#0072b2"/><text x="40" y="15">1.234,5</text>
<text x="40" y="35" font-weight="bold">Zona</text></g></svg></div><figcaption>Figura 1.</figcaption></figure>
<img alt="" width="4" height="4" src="data:image/png;base64,${WARM_UP_PNG}"></body></html>`;

/** A browser being launched while other work goes on: take it with `renderer()`, always `close()`. */
export interface StartedRenderer {
  /** The launched renderer; rejects as openRenderer would (BrowserNotFoundError). */
  renderer(): Promise<Renderer>;
  /** Closes the browser if it was launched; safe to call twice, never throws. */
  close(): Promise<void>;
}

/**
 * Starts launching Chromium now, and warms a page up with a small print, so that its start-up
 * overlaps the computing and charting of the build.
 */
export function startRenderer(options: LaunchOptions = {}): StartedRenderer {
  const launching = openRenderer(options);
  // A failed launch is reported when the renderer is asked for, not as an unhandled rejection.
  launching.catch(() => undefined);
  const ready = launching.then(async (renderer) => {
    await renderer.warmUp();
    return renderer;
  });
  ready.catch(() => undefined);
  return {
    renderer: () => ready,
    close: () => launching.then((r) => r.close(), () => undefined),
  };
}

/** Runs `work` with a fresh Renderer and always closes the browser afterwards. */
export async function withRenderer<T>(
  work: (renderer: Renderer) => Promise<T>,
  options: LaunchOptions = {},
): Promise<T> {
  const renderer = await openRenderer(options);
  try {
    return await work(renderer);
  } finally {
    await renderer.close();
  }
}

/** A page set up for printing (no JavaScript, print media, every request refused but data:), reusable. */
interface PrintingPage {
  page: Page;
  /** Where refused URLs go during the current print. */
  refused: (url: string) => void;
}

async function preparePage(page: Page): Promise<PrintingPage> {
  const printing: PrintingPage = { page, refused: () => undefined };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => void answerRequest(request, (url) => printing.refused(url)));
  // Chromium refuses file: URLs from an about:blank page before any request exists; it only says so here.
  page.on('console', (message) => {
    const refused = /^Not allowed to load local resource: (.+)$/.exec(message.text());
    if (refused?.[1]) printing.refused(refused[1]);
  });
  // Print media first: the page is laid out once, for paper, not once for the screen and again.
  await page.emulateMediaType('print');
  return printing;
}

async function printOn(printing: PrintingPage, html: string, options: PdfOptions, refused: (url: string) => void): Promise<Uint8Array> {
  const { page } = printing;
  const timeout = options.timeoutMs ?? 60_000;
  printing.refused = refused;
  page.setDefaultTimeout(timeout);
  try {
    await page.setContent(html, { waitUntil: 'load', timeout });
    const pdf = renumberStructureIds(await page.pdf(pdfOptions(options)));
    return options.date ? setPdfDates(pdf, options.date) : pdf;
  } finally {
    printing.refused = () => undefined;
  }
}

/** Chromium's print options for a document: A4, tagged, with its outline and header/footer choice. */
export function pdfOptions(options: PdfOptions): PDFOptions {
  const margin = options.margin ?? DEFAULT_MARGIN;
  const bands: PDFOptions = options.cssPages
    ? { displayHeaderFooter: false, preferCSSPageSize: true }
    : {
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(options, margin),
        footerTemplate: footerTemplate(options, margin),
        margin,
        preferCSSPageSize: false,
      };
  return { format: 'A4', printBackground: true, outline: true, tagged: true, timeout: options.timeoutMs ?? 60_000, ...bands };
}

async function answerRequest(request: HTTPRequest, block: (url: string) => void): Promise<void> {
  const url = request.url();
  try {
    if (url.startsWith('data:') || url === 'about:blank') return await request.continue();
    block(url);
    // A 204 cancels a navigation (meta refresh, iframe) in place; an abort would print an error page.
    if (request.isNavigationRequest()) return await request.respond({ status: 204, body: '' });
    await request.abort('blockedbyclient');
  } catch {
    // The page may already be closing; an unanswered request cannot leak anything.
  }
}

/** Escapes text for Chromium's header and footer templates, which are raw HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bandStyle(options: PdfOptions, margin: PdfMargin): string {
  // Chromium renders these bands with a near-zero default font size and no page margins of their own.
  return [
    'box-sizing:border-box',
    'width:100%',
    `padding:0 ${margin.right} 0 ${margin.left}`,
    `font-family:${options.fontFamily ?? DEFAULT_FONT}`,
    'font-size:8pt',
    'color:#444',
    'display:flex',
    'justify-content:space-between',
    '-webkit-print-color-adjust:exact',
  ].join(';');
}

function headerTemplate(options: PdfOptions, margin: PdfMargin): string {
  return `<div style="${bandStyle(options, margin)}"><span></span><span>${escapeHtml(options.runningTitle ?? '')}</span></div>`;
}

function footerTemplate(options: PdfOptions, margin: PdfMargin): string {
  const [page, of] = options.lang === 'it' ? ['pag.', 'di'] : ['page', 'of'];
  return (
    `<div style="${bandStyle(options, margin)}"><span>${escapeHtml(options.footerText ?? '')}</span>` +
    `<span>${page} <span class="pageNumber"></span> ${of} <span class="totalPages"></span></span></div>`
  );
}

/** What rewritePdfDates did: how many dates it set and which it had to leave alone, and why. */
export interface PdfDatesReport {
  pdf: Uint8Array;
  rewritten: number;
  skipped: string[];
}

/** Formats a date as a PDF date string in UTC: `D:20260101120000+00'00'`. */
export function pdfDate(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`
  );
}

/** Sets CreationDate and ModDate of the Info dictionary in place, keeping every byte offset valid. */
export function rewritePdfDates(pdf: Uint8Array, date: Date): PdfDatesReport {
  // latin1 maps bytes 1:1 to chars, so string indexes are byte offsets.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const infoRefs = [...text.matchAll(/\/Info\s+(\d+)\s+(\d+)\s+R/g)];
  const infoRef = infoRefs.at(-1);
  if (!infoRef) return { pdf, rewritten: 0, skipped: ['no /Info in the trailer'] };
  // The last definition wins (incremental updates); the boundary keeps `1 0 obj` from matching `21 0 obj`.
  const definitions = [...text.matchAll(new RegExp(`(?<![0-9])${infoRef[1]}\\s+${infoRef[2]}\\s+obj\\b`, 'g'))];
  const objStart = definitions.at(-1)?.index ?? -1;
  const objEnd = objStart < 0 ? -1 : text.indexOf('endobj', objStart);
  if (objEnd < 0) return { pdf, rewritten: 0, skipped: ['Info object not found (object stream?)'] };

  const out = new Uint8Array(pdf);
  const wanted = pdfDate(date);
  const skipped: string[] = [];
  let rewritten = 0;
  const dict = text.slice(objStart, objEnd);
  for (const match of dict.matchAll(/\/(CreationDate|ModDate)\s*\((D:[^)]*)\)/g)) {
    const [whole, key, old] = match as unknown as [string, string, string];
    if (old.length !== wanted.length) {
      // Any other length would shift every offset in the xref table.
      skipped.push(`${key}: ${old} has ${old.length} characters, ${wanted} has ${wanted.length}`);
      continue;
    }
    const at = objStart + (match.index ?? 0) + whole.indexOf('(D:') + 1;
    out.set(Buffer.from(wanted, 'latin1'), at);
    rewritten += 1;
  }
  return { pdf: out, rewritten, skipped };
}

/**
 * Numbers the IDs of a tagged PDF's structure elements 0, 1, 2… in their order, each string keeping
 * its length (so every byte offset stays valid). Chromium names them after DOM node ids, which
 * count up for the whole process: in a single-process browser they also count what loaded before
 * the document (the warm-up, an earlier print) and vary from one build to the next. The IDs appear
 * as `(node00000120)` in each element's /ID, in the /Headers of table cells and in the IDTree, whose
 * keys stay in order. Left as is when the IDs do not all have the same number of digits.
 */
export function renumberStructureIds(pdf: Uint8Array): Uint8Array {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const found: { at: number; id: number }[] = [];
  let width: number | undefined;
  for (let open = bytes.indexOf(ID_PREFIX); open !== -1; open = bytes.indexOf(ID_PREFIX, open + 1)) {
    const at = open + ID_PREFIX.length;
    let end = at;
    let id = 0;
    for (; end < bytes.length && bytes[end]! >= 0x30 && bytes[end]! <= 0x39; end += 1) id = id * 10 + bytes[end]! - 0x30;
    if (end === at || bytes[end] !== 0x29) continue; // not `(node` digits `)`
    if ((width ??= end - at) !== end - at) return pdf;
    found.push({ at, id });
  }
  if (width === undefined) return pdf;
  const ids = [...new Set(found.map(({ id }) => id))].sort((x, y) => x - y);
  const rank = new Map(ids.map((id, index) => [id, index]));
  const out = new Uint8Array(pdf);
  for (const { at, id } of found) {
    // Distinct whole numbers in order: the one at index k is at least k, so k never has more digits.
    const digits = String(rank.get(id)).padStart(width, '0');
    for (let i = 0; i < width; i += 1) out[at + i] = digits.charCodeAt(i);
  }
  return out;
}

const ID_PREFIX = '(node';

/** Returns a copy of the PDF whose CreationDate and ModDate are `date` (same length, or left as is). */
export function setPdfDates(pdf: Uint8Array, date: Date): Uint8Array {
  return rewritePdfDates(pdf, date).pdf;
}
