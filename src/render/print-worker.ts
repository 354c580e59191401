import { parentPort, workerData } from 'node:worker_threads';
import type { LaunchOptions } from './browser.js';
import { startRenderer } from './pdf.js';
import type { FromPrinter, PrintError, ToPrinter } from './print-messages.js';

// The printing thread (see printer.ts): launches Chromium at once, warms a page up, prints what the
// main thread sends, one document after the other, and closes the browser when told.

const port = parentPort;
if (!port) throw new Error('bilancio: print-worker.js runs as a worker thread');

const options = (workerData ?? {}) as LaunchOptions;
const started = startRenderer(options);
const tell = (message: FromPrinter): void => port.postMessage(message);
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToPrinter) => {
  if (message.type === 'close') {
    queue = queue.then(() => started.close()).finally(() => port.close());
    return;
  }
  const { id, html } = message;
  queue = queue.then(async () => {
    try {
      const renderer = await started.renderer();
      const pdf = await renderer.printPdf(html, { ...message.options, onBlockedRequest: (url) => tell({ type: 'blocked', id, url }) });
      tell({ type: 'printed', id, pdf });
    } catch (error) {
      tell({ type: 'failed', id, error: printError(error) });
    }
  });
});

function printError(error: unknown): PrintError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, program, detail, tried } = error as { code?: unknown; program?: unknown; detail?: unknown; tried?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' && { code }),
    ...(typeof program === 'string' && { program }),
    ...(typeof detail === 'string' && { detail }),
    ...(Array.isArray(tried) && { tried: tried.map(String) }),
  };
}
