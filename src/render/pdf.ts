import { ProtocolError, TimeoutError, type Browser, type BrowserContext, type HTTPRequest, type PDFOptions, type Page } from 'puppeteer';
import { BrowserFailedError, launchBrowser, type LaunchOptions } from './browser.js';
import { setPdfInfo, type OutlineEntry, type PdfInfo } from './pdf-info.js';

// Printing HTML to PDF with one headless Chromium per command, closed to the network and to the disk:
// a fresh page per document (the first one opened as Chromium starts), which prints its own pages (size,
// margins, headers, `pag. N di M`) with CSS @page rules (see page-css.ts).

export interface PdfOptions {
  /** When given, CreationDate and ModDate become this date, so that equal HTML gives equal bytes. */
  date?: Date;
  /** Told of every URL the page tried to load and was refused (network, file: and the like). */
  onBlockedRequest?: (url: string) => void;
  /** Milliseconds allowed for loading and printing one document (default 60 000). */
  timeoutMs?: number;
  /** Author and Creator of the document information (Chromium writes neither; see pdf-info.ts). */
  info?: PdfInfo;
  /**
   * The bookmarks, written after the print (pdf-info.ts): quicker than Chromium's, which it makes from
   * every heading. Without them Chromium's are kept.
   */
  outline?: OutlineEntry[];
}

/**
 * What a document printed with `fill` gets: a quick untagged draft is printed first, `fill` reads it and
 * says which text to put in which element (by `data-riempi` attribute), and the document is printed again,
 * tagged, once those texts are in. `fill` is asked again of each print until it has nothing to change
 * (at most `passes` times): the printed index's page numbers (index-pages.ts).
 */
export type FillFromPrint = (pdf: Uint8Array) => Record<string, string> | null;

/** A launched Chromium that prints documents, each on a page of its own; close it in a `finally`. */
export interface Printer {
  printPdf(html: string, options?: PdfOptions & { fill?: FillFromPrint }): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Chromium's print options: the page size and margins of the document's CSS (else A4), tagged, with its outline. */
export const PDF_OPTIONS: PDFOptions = { format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true };

/** A draft only read by the program: untagged and without outline, about three times quicker to print (measured). */
const DRAFT_OPTIONS: PDFOptions = { ...PDF_OPTIONS, tagged: false, outline: false };

/**
 * The draft paints nothing: hidden boxes and no backgrounds lay out exactly as shown ones (neither
 * property moves a box), so its page breaks and named destinations are the final print's, in a third of
 * the time (Brescia's 118 pages: 0,55 s against 1,6 s, measured). The style is removed before the print
 * that is kept (FILL_ELEMENTS).
 */
const DRAFT_STYLE_ID = 'bilancio-bozza-di-stampa';
const HIDE_FOR_DRAFT = `(() => {
  const style = document.createElement('style');
  style.id = '${DRAFT_STYLE_ID}';
  style.textContent = '*, *::before, *::after { visibility: hidden !important; background: none !important; }';
  document.head.append(style);
})()`;

/** Run in the page (as source: this project's TypeScript has no DOM types): sets texts, returns how many changed. */
const FILL_ELEMENTS = `(wanted) => {
  document.getElementById('${DRAFT_STYLE_ID}')?.remove();
  let changed = 0;
  for (const element of document.querySelectorAll('[data-riempi]')) {
    const text = wanted[element.dataset.riempi];
    if (typeof text === 'string' && element.textContent !== text) {
      element.textContent = text;
      changed++;
    }
  }
  return changed;
}`;

/** Prints a document that fills some of its elements from its own print (see FillFromPrint); the page is loaded once. */
async function printFilled(page: Page, fill: FillFromPrint, options: PDFOptions): Promise<Uint8Array> {
  await page.evaluate(HIDE_FOR_DRAFT);
  let texts = fill(await page.pdf({ ...DRAFT_OPTIONS, timeout: options.timeout }));
  let pdf: Uint8Array | null = null;
  if (texts === null) await page.evaluate(`(${FILL_ELEMENTS})({})`); // shows the page again
  for (let pass = 0; pass < 3 && texts !== null; pass++) {
    // Texts only, set as textContent: nothing in them is read as markup. The page runs no script of its own.
    const changed = (await page.evaluate(`(${FILL_ELEMENTS})(${JSON.stringify(texts)})`)) as number;
    if (changed === 0 && pdf !== null) break;
    pdf = await page.pdf(options);
    texts = fill(pdf);
  }
  return pdf ?? page.pdf(options);
}

/** A fresh page in a context of its own, closed to the world and set to print media, waiting for its document. */
interface Sheet {
  context: BrowserContext;
  page: Page;
  /** Told of the requests the page refuses: set by the document that takes the sheet. */
  refuse: (url: string) => void;
}

async function openSheet(browser: Browser): Promise<Sheet> {
  // A context of its own: the page shares no renderer process, cache or storage with any other.
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const sheet: Sheet = { context, page, refuse: () => undefined };
    await closeToTheWorld(page, (url) => sheet.refuse(url));
    // Print media first: the page is laid out once, for paper, not once for the screen and again.
    await page.emulateMediaType('print');
    return sheet;
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** Launches Chromium (throws BrowserNotFoundError or BrowserFailedError) and returns a Printer on it. */
export async function launchPrinter(options: LaunchOptions = {}): Promise<Printer> {
  const launched = await launchBrowser(options);
  // The first document's page is opened at once, while the command is still computing what to print
  // (a renderer process takes a few hundred milliseconds to start); every other document opens its own.
  let spare: Promise<Sheet> | null = openSheet(launched.browser);
  spare.catch(() => undefined); // a failure is reported by the document that takes it
  return {
    close: () => {
      spare = null; // closed with the browser, opened or not
      return launched.close();
    },
    async printPdf(html, pdfOptions = {}) {
      const timeout = pdfOptions.timeoutMs ?? 60_000;
      let sheet: Sheet | undefined;
      try {
        const taken = spare ?? openSheet(launched.browser);
        spare = null;
        sheet = await taken;
        sheet.refuse = pdfOptions.onBlockedRequest ?? (() => undefined);
        await sheet.page.setContent(html, { waitUntil: 'load', timeout });
        const options: PDFOptions = { ...PDF_OPTIONS, outline: !pdfOptions.outline, timeout };
        const pdf = pdfOptions.fill ? await printFilled(sheet.page, pdfOptions.fill, options) : await sheet.page.pdf(options);
        const described = pdfOptions.info || pdfOptions.outline ? setPdfInfo(pdf, pdfOptions.info ?? {}, pdfOptions.outline) : pdf;
        return pdfOptions.date ? setPdfDates(described, pdfOptions.date) : described;
      } catch (error) {
        // Chromium crashed, hung or refused: its failure (exit 3), not a bug of ours.
        const failed = error instanceof ProtocolError || error instanceof TimeoutError || !launched.browser.connected;
        throw failed ? BrowserFailedError.from(launched.executablePath, error) : error;
      } finally {
        await sheet?.context.close().catch(() => undefined);
      }
    },
  };
}

/** Runs `work` with a fresh Printer and always closes the browser afterwards. */
export async function withPrinter<T>(work: (printer: Printer) => Promise<T>, options: LaunchOptions = {}): Promise<T> {
  const printer = await launchPrinter(options);
  try {
    return await work(printer);
  } finally {
    await printer.close();
  }
}

/** No JavaScript, and every request refused but the document itself (data: URLs are part of it). */
async function closeToTheWorld(page: Page, refuse: (url: string) => void): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => void answerRequest(request, refuse));
  // Chromium refuses file: URLs from an about:blank page before any request exists; it only says so here.
  page.on('console', (message) => {
    const refused = /^Not allowed to load local resource: (.+)$/.exec(message.text());
    if (refused?.[1]) refuse(refused[1]);
  });
}

async function answerRequest(request: HTTPRequest, refuse: (url: string) => void): Promise<void> {
  const url = request.url();
  try {
    if (url.startsWith('data:') || url === 'about:blank') return await request.continue();
    refuse(url);
    // A 204 cancels a navigation (meta refresh, iframe) in place; an abort would print an error page.
    if (request.isNavigationRequest()) return await request.respond({ status: 204, body: '' });
    await request.abort('blockedbyclient');
  } catch {
    // The page may already be closing; an unanswered request cannot leak anything.
  }
}

/** Formats a date as a PDF date string in UTC: `D:20260101120000+00'00'`. */
export function pdfDate(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`
  );
}

/**
 * A copy of the PDF whose CreationDate and ModDate (Chromium writes the time of printing) are `date`.
 * Only dates of the same length as ours are replaced, in place, so every byte offset stays valid; a
 * `(` inside a PDF string is escaped as `\(`, so no text of the document can look like one.
 */
export function setPdfDates(pdf: Uint8Array, date: Date): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'); // 1 char = 1 byte
  const out = new Uint8Array(pdf);
  const wanted = Buffer.from(pdfDate(date), 'latin1');
  for (const match of text.matchAll(/\/(?:CreationDate|ModDate) ?\((D:\d{14}[+-]\d\d'\d\d')\)/g)) {
    out.set(wanted, match.index + match[0].indexOf('(') + 1);
  }
  return out;
}
