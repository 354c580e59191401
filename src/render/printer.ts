import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LaunchOptions } from './browser.js';
import type { PdfOptions, Renderer, StartedRenderer } from './pdf.js';
import type { FromPrinter, PrintError, ToPrinter } from './print-messages.js';

// The build's printer: one Chromium, driven from a worker thread. Puppeteer talks to Chromium through
// the event loop of the thread that launched it, and the build's main thread is busy for seconds at a
// time (validation, indicators and charts are synchronous): from a thread of its own, Chromium's launch
// and warm-up go on beside that work instead of waiting for it.

/** Starts Chromium in a worker thread now; prints with `renderer()`, always `close()`. */
export function startPrinter(options: LaunchOptions = {}): StartedRenderer {
  const entry = new URL('./print-worker.js', import.meta.url);
  // Run from the TypeScript sources (the tests), there is no compiled worker: the same thread does it.
  if (!existsSync(fileURLToPath(entry))) return startInThread(options);
  return startWorker(entry, options);
}

function startInThread(options: LaunchOptions): StartedRenderer {
  const started = import('./pdf.js').then((pdf) => pdf.startRenderer(options));
  return {
    renderer: () => started.then((s) => s.renderer()),
    close: () => started.then((s) => s.close()),
  };
}

interface Pending {
  resolve(pdf: Uint8Array): void;
  reject(error: Error): void;
  onBlockedRequest?: (url: string) => void;
}

function startWorker(entry: URL, options: LaunchOptions): StartedRenderer {
  // The environment is the worker's own copy of process.env; only the launch timeout needs sending.
  const worker = new Worker(entry, { workerData: { timeoutMs: options.timeoutMs, env: options.env } });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let ended: Error | null = null;
  let closed: Promise<void> | null = null;

  const failAll = (error: Error): void => {
    ended = error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('message', (message: FromPrinter) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === 'blocked') job.onBlockedRequest?.(message.url);
    else {
      pending.delete(message.id);
      if (message.type === 'printed') job.resolve(message.pdf);
      else job.reject(toError(message.error));
    }
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(new Error('bilancio: the printing thread has ended')));

  const send = (message: ToPrinter): void => worker.postMessage(message);
  const renderer: Renderer = {
    pid: undefined,
    processModel: undefined,
    wsEndpoint: '',
    printPdf(html: string, pdfOptions: PdfOptions) {
      if (ended) return Promise.reject(ended);
      const { onBlockedRequest, ...cloneable } = pdfOptions;
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject, ...(onBlockedRequest && { onBlockedRequest }) });
        send({ type: 'print', id, html, options: cloneable });
      });
    },
    // The worker warms its page up by itself as soon as Chromium is up.
    warmUp: async () => undefined,
    close: () => close(),
  };
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      if (ended) return resolve();
      worker.once('exit', () => resolve());
      send({ type: 'close', id: 0 });
    });
    return closed;
  };
  return { renderer: async () => renderer, close };
}

/** An error from the worker, with its code kept (browser-not-found becomes exit code 3 in the CLI). */
function toError(error: PrintError): Error {
  const { name, message, ...data } = error;
  return Object.assign(new Error(message), { name }, data);
}
