import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH, PARTS_EVENT } from './page.js';

// The preview's web server: on 127.0.0.1 only, it serves the one page (the report, self-contained:
// every image and chart is inside it) and the events that say it changed. Nothing else: no folder
// listing, no file of the disk, 404 for any other path, 405 for anything but GET and HEAD.

export interface PreviewServer {
  /** The address to open, `http://127.0.0.1:<port>/`. */
  url: string;
  port: number;
  /** Replaces the page and tells every open page to reload, or, with `patch`, to swap those parts in place. */
  publish(page: string, patch?: Record<string, string>): void;
  /** Ends the open event streams and stops listening. */
  close(): Promise<void>;
}

/** Starts listening on 127.0.0.1:`port` (0: a free port chosen by the system). */
export async function startPreviewServer(port: number, firstPage: string): Promise<PreviewServer> {
  let page = firstPage;
  let version = 0;
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': bilancio anteprima\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (url.pathname !== '/' && url.pathname !== '/report.html') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404\n');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The report loads nothing from outside; the page may only talk back to this server.
      'content-security-policy':
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; font-src data:",
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    publish(next, patch) {
      page = next;
      version++;
      const event = patch ? `event: ${PARTS_EVENT}\ndata: ${JSON.stringify(patch)}\n\n` : `data: ${version}\n\n`;
      for (const stream of streams) stream.write(event);
    },
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
