import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser, launchBrowser } from '../../src/render/browser.js';
import { createChartRenderer } from '../../src/render/charts.js';
import { pageCss } from '../../src/render/page-css.js';
import { launchPrinter, withPrinter, type Printer } from '../../src/render/pdf.js';

const hasBrowser = 'path' in findBrowser();
const folder = mkdtempSync(join(tmpdir(), 'bilancio-pdf-test-'));
let written = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the PDF to a temp file and runs a poppler tool on it. */
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'pdfimages', pdf: Uint8Array): string {
  const file = join(folder, `${++written}.pdf`);
  writeFileSync(file, pdf);
  const args = { pdftotext: ['-layout', file, '-'], pdfimages: ['-list', file] }[tool as string] ?? [file];
  return execFileSync(tool, args, { encoding: 'utf8' });
}

const chart = createChartRenderer().render(
  {
    kind: 'bar',
    title: 'Residenti per zona',
    labels: ['Centro', 'Nord', 'Sud'],
    series: [{ label: 'Residenti', values: [12_500, 16_000, 19_750] }],
  },
  'it',
);

/** A 4 × 4 px PNG, as a comune might put a logo on its cover. */
const LOGO =
  '<img alt="Logo del Comune" width="40" height="40" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==">';

/** A three-page document that prints its own pages, as every document of bilancio does. */
function report(lang: 'it' | 'en'): string {
  const pages = pageCss({ lang, title: 'Bilancio sociale <2024> & "Brescia"', footer: 'Comune di Brescia', sections: [] });
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Bilancio sociale 2024</title>
<style>body { font-family: 'DejaVu Sans'; font-size: 11pt } .break { break-before: page } svg { max-width: 100%; height: auto }
${pages}</style></head><body>
<h1>Capitolo primo: la città</h1>${LOGO}<p>Brescia conta 200.000 residenti.</p>
<h2>Le zone</h2><figure>${chart.svg}<figcaption>Residenti per zona</figcaption></figure>
<h1 class="break">Capitolo secondo: i servizi</h1><p>Nidi e scuole dell'infanzia.</p>
<h2 class="break">Appendice</h2><p>Note di metodo.</p>
</body></html>`;
}

const table = (rows: number) =>
  `<table><caption>Residenti</caption><thead><tr><th scope="col">Zona</th><th scope="col">Residenti</th></tr></thead><tbody>${Array.from(
    { length: rows },
    (_, i) => `<tr><th scope="row">Zona ${i}</th><td>${i * 100}</td></tr>`,
  ).join('')}</tbody></table>`;

describe.skipIf(!hasBrowser)('printPdf', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await launchPrinter();
  });
  afterAll(async () => {
    await printer?.close();
  });

  it("prints A4 pages from the document's CSS, tagged, with an outline and every font embedded", async () => {
    const pdf = await printer.printPdf(report('it'));
    const text = poppler('pdftotext', pdf);
    for (const line of ['Capitolo primo: la città', 'Capitolo secondo: i servizi', 'Residenti per zona', 'Comune di Brescia'])
      expect(text).toContain(line);
    for (const n of [1, 2, 3]) expect(text).toContain(`pag. ${n} di 3`);
    expect(text).toContain('Bilancio sociale <2024> & "Brescia"'); // escaped in the CSS, so shown as typed
    const info = poppler('pdfinfo', pdf);
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    expect(Buffer.from(pdf).includes('/Outlines')).toBe(true);
    const fonts = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+$/); // emb sub uni
    const logos = poppler('pdfimages', pdf)
      .split('\n')
      .filter((row) => /^\s*\d+\s+\d+\s+image\s+4\s+4\s/.test(row));
    expect(logos).toHaveLength(1);
  });

  it('keeps the space where a heading wraps in the PDF\'s bookmarks (issue 18: "partecipativo2024")', async () => {
    const css = readFileSync(new URL('../../templates/style.css', import.meta.url), 'utf8');
    const html = `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><style>${css}</style></head><body><header class="copertina"><h1 class="titolo" style="width: 12cm">Bilancio sociale partecipativo 2024</h1></header><h2>Nota metodologica</h2></body></html>`;
    const titles = [
      ...Buffer.from(await printer.printPdf(html))
        .toString('latin1')
        .matchAll(/\/Title\s*\(((?:\\.|[^\\)])*)\)/g),
    ].map((m) => m[1]);
    expect(titles).toContain('Bilancio sociale partecipativo 2024');
    expect(titles).not.toContain('Bilancio sociale partecipativo2024');
  });

  it('writes "page N of M" in English', async () => {
    expect(poppler('pdftotext', await printer.printPdf(report('en')))).toContain('page 2 of 3');
  });

  it('loads nothing from the network or the disk', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${origin}/s.css"><link rel="preconnect" href="${origin}">
<link rel="prefetch" href="${origin}/prefetch"><meta http-equiv="refresh" content="0;url=${origin}/refresh">
</head><body><h1>Capitolo chiuso</h1><img src="${origin}/x"><iframe src="file:///etc/passwd"></iframe>
<div style="background:url(${origin}/bg)">sfondo</div><script>fetch('${origin}/js')</script></body></html>`;
      const blocked: string[] = [];
      const pdf = await printer.printPdf(html, { onBlockedRequest: (url) => blocked.push(url) });
      const text = poppler('pdftotext', pdf);
      expect(text).toContain('Capitolo chiuso'); // the refresh did not replace the page
      expect(text).not.toContain('root:x:0:0');
      expect(blocked).toEqual(
        expect.arrayContaining([`${origin}/x`, `${origin}/s.css`, `${origin}/bg`, `${origin}/refresh`, 'file:///etc/passwd']),
      );
      expect(blocked.some((url) => url.endsWith('/js'))).toBe(false); // JavaScript never ran
      await new Promise((resolve) => setTimeout(resolve, 300)); // give a late preconnect its chance
      expect(sockets).toHaveLength(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('prints the same bytes twice once the dates are fixed, whatever it printed in between', async () => {
    const date = new Date(Date.UTC(2026, 0, 15, 9, 30, 0));
    const first = await printer.printPdf(report('it'), { date });
    await printer.printPdf(table(300));
    const second = await printer.printPdf(report('it'), { date });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const info = poppler('pdfinfo', first);
    expect(info).toMatch(/^CreationDate:\s+Thu Jan 15 09:30:00 2026 UTC$/m);
    expect(info).toMatch(/^ModDate:\s+Thu Jan 15 09:30:00 2026 UTC$/m);
  });

  it('prints several documents at once with one browser, each with its own refused requests', async () => {
    const refused: string[][] = [[], [], []];
    const pdfs = await Promise.all(
      [1, 2, 3].map((n) =>
        printer.printPdf(`<h1>Documento ${n}</h1>${table(n * 50)}<img src="http://127.0.0.1:9/${n}.png">`, {
          onBlockedRequest: (url) => refused[n - 1]!.push(url),
        }),
      ),
    );
    pdfs.forEach((pdf, i) => expect(poppler('pdftotext', pdf)).toContain(`Documento ${i + 1}`));
    expect(refused).toEqual([1, 2, 3].map((n) => [`http://127.0.0.1:9/${n}.png`]));
  });
});

describe.skipIf(!hasBrowser)('the browser', () => {
  it('is closed by withPrinter even when the work throws', async () => {
    let inside: Printer | undefined;
    const failure = await withPrinter(async (printer) => {
      inside = printer;
      throw new Error('il lavoro non è riuscito');
    }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe('il lavoro non è riuscito');
    await expect(inside!.printPdf('<p>tardi</p>')).rejects.toThrow();
  });

  it('closes with its process and deletes its profile', async () => {
    const launched = await launchBrowser();
    const child = launched.browser.process()!;
    const profile = launched.browser
      .process()!
      .spawnargs.find((arg) => arg.startsWith('--user-data-dir='))!
      .slice('--user-data-dir='.length);
    await launched.close();
    await launched.close(); // a second close does nothing
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    expect(() => execFileSync('test', ['-e', profile])).toThrow();
  });

  it('that dies is named, with code browser-failed, when it is asked to print', async () => {
    const real = findBrowser();
    if (!('path' in real)) throw new Error('no browser');
    // The real Chromium, started through a script that says which process it is.
    const pidFile = join(folder, 'chromium.pid');
    const wrapper = join(folder, 'chromium-che-cade');
    writeFileSync(wrapper, `#!/bin/sh\necho $$ > ${pidFile}\nexec ${real.path} "$@"\n`, { mode: 0o755 });
    const printer = await launchPrinter({ env: { PUPPETEER_EXECUTABLE_PATH: wrapper } });
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      const error = await printer.printPdf('<p>x</p>').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'browser-failed', program: wrapper });
    } finally {
      await printer.close();
    }
  });

  it('that fails to start is named, with code browser-failed (exit 3 in the CLI)', async () => {
    const error = await launchPrinter({ env: { PUPPETEER_EXECUTABLE_PATH: '/bin/false' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'browser-failed', program: '/bin/false' });
  });
});

describe('missing browser', () => {
  const env = { PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' };

  it('is reported by findBrowser as a value', () => {
    expect(findBrowser(env)).toEqual({ error: 'browser-not-found', tried: ['/no/such/chrome'] });
  });

  it('makes launchPrinter reject with BrowserNotFoundError, in Italian', async () => {
    const error: unknown = await launchPrinter({ env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).code).toBe('browser-not-found');
    expect((error as Error).message).toMatch(/^Nessun browser Chromium trovato\. Installare il pacchetto Debian `chromium`/);
    expect((error as Error).message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect((error as Error).message).toContain('/no/such/chrome');
  });
});
