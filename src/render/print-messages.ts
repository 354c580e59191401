import type { PdfOptions } from './pdf.js';

// What the build's main thread and its printing thread (print-worker.ts) tell each other.

/** An error as it crosses threads: its code decides the exit code (browser-not-found → 3). */
export interface PrintError {
  name: string;
  message: string;
  code?: string;
  /** browser-failed: the Chromium that failed. */
  program?: string;
  /** browser-failed: what it said. */
  detail?: string;
  /** browser-not-found: the paths tried. */
  tried?: string[];
}

/** From the main thread: print a document (options without callbacks), or close the browser and end. */
export type ToPrinter =
  | { type: 'print'; id: number; html: string; options: Omit<PdfOptions, 'onBlockedRequest'> }
  | { type: 'close'; id: 0 };

/** From the printing thread: a request it refused while printing `id`, then the PDF or the error. */
export type FromPrinter =
  | { type: 'blocked'; id: number; url: string }
  | { type: 'printed'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; error: PrintError };
