import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser, launchBrowser } from '../../src/render/browser.js';
import { createChartRenderer } from '../../src/render/charts.js';
import { openRenderer, rewritePdfDates, startRenderer, type PdfOptions, type Renderer } from '../../src/render/pdf.js';

const hasBrowser = 'path' in findBrowser();
const folder = mkdtempSync(join(tmpdir(), 'bilancio-pdf-test-'));
let written = 0;

/** Writes the PDF to a temp file and runs a poppler tool on it. */
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', pdf: Uint8Array): string {
  const file = join(folder, `${++written}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : [file], { encoding: 'utf8' });
}

/** A 4 × 4 px PNG logo, as a comune might put on its cover, and a heading. */
function withLogo(heading: string): string {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
  return `<h1>${heading}</h1><img src="data:image/png;base64,${png}" alt="Logo del Comune" width="40" height="40">`;
}

/** How many times a PDF draws the 4 × 4 logo of withLogo (its images, as pdfimages lists them). */
function logos(pdf: Uint8Array): number {
  const file = join(folder, `${++written}.pdf`);
  writeFileSync(file, pdf);
  const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return rows.filter((row) => /^\s*\d+\s+\d+\s+image\s+4\s+4\s/.test(row)).length;
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

const report = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Bilancio sociale 2024</title>
<style>body { font-family: 'DejaVu Sans'; font-size: 11pt } .break { break-before: page } svg { max-width: 100%; height: auto }</style>
</head><body>
<h1>Capitolo primo: la città</h1><p>Brescia conta 200.000 residenti.</p>
<h2>Le zone</h2><figure>${chart.svg}<figcaption>Residenti per zona</figcaption></figure>
<h1 class="break">Capitolo secondo: i servizi</h1><p>Nidi e scuole dell'infanzia.</p>
<h2 class="break">Appendice</h2><p>Note di metodo.</p>
</body></html>`;

const italian: PdfOptions = { lang: 'it', runningTitle: 'Bilancio sociale <2024> & "Brescia"', footerText: 'Comune di Brescia' };

describe.skipIf(!hasBrowser)('printPdf', () => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await openRenderer();
  });
  afterAll(async () => {
    await renderer?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints chapters, running title and "pag. N di M" footers', async () => {
    const pdf = await renderer.printPdf(report, italian);
    const text = poppler('pdftotext', pdf);
    expect(text).toContain('Capitolo primo: la città');
    expect(text).toContain('Capitolo secondo: i servizi');
    expect(text).toContain('Residenti per zona');
    for (const n of [1, 2, 3]) expect(text).toContain(`pag. ${n} di 3`);
    expect(text).toContain('Comune di Brescia');
    expect(text).toContain('Bilancio sociale <2024> & "Brescia"'); // escaped, so shown as typed
    const info = poppler('pdfinfo', pdf);
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    expect(Buffer.from(pdf).includes('/Outlines')).toBe(true);
    const fonts = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+$/); // emb sub uni
  });

  it('writes "page N of M" in English', async () => {
    const pdf = await renderer.printPdf(report, { ...italian, lang: 'en' });
    expect(poppler('pdftotext', pdf)).toContain('page 2 of 3');
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
      const pdf = await renderer.printPdf(html, { ...italian, onBlockedRequest: (url) => blocked.push(url) });
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

  it('prints the same bytes twice once the dates are fixed', async () => {
    const date = new Date(Date.UTC(2026, 0, 15, 9, 30, 0));
    const first = await renderer.printPdf(report, { ...italian, date });
    const second = await renderer.printPdf(report, { ...italian, date });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(poppler('pdfinfo', first)).toMatch(/^CreationDate:\s+Thu Jan 15 09:30:00 2026 UTC$/m);
    const again = rewritePdfDates(await renderer.printPdf(report, italian), date);
    expect([again.rewritten, again.skipped]).toEqual([2, []]);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first))).toBe(true);
  });

  it('prints the same bytes for a table whatever the browser printed before it', async () => {
    // Structure IDs come from DOM node ids, counted for the whole (single) process: renumbered.
    const table = (rows: number) =>
      `<table><caption>Residenti</caption><thead><tr><th scope="col">Zona</th><th scope="col">Residenti</th></tr></thead><tbody>${Array.from(
        { length: rows },
        (_, i) => `<tr><th scope="row">Zona ${i}</th><td>${i * 100}</td></tr>`,
      ).join('')}</tbody></table>`;
    const date = new Date(Date.UTC(2026, 0, 15));
    const first = await renderer.printPdf(table(5), { ...italian, date });
    expect(Buffer.from(first).includes('(node00000000)')).toBe(true);
    await renderer.printPdf(table(300), italian);
    const again = await renderer.printPdf(table(5), { ...italian, date });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('starts a browser ahead of time, warm, and prints on it', async () => {
    const started = startRenderer();
    try {
      const warm = await started.renderer();
      await warm.warmUp(); // a second warm-up keeps the page it has
      const pdf = await warm.printPdf(report, italian);
      expect(poppler('pdftotext', pdf)).toContain('Capitolo secondo: i servizi');
    } finally {
      await started.close();
      await started.close();
    }
  });

  it('launches a Chromium that runs nothing but our pages (no preloaded omnibox WebUI eating CPU)', async () => {
    const launched = await launchBrowser();
    try {
      const session = await launched.browser.target().createCDPSession();
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.map((target) => `${target.type} ${target.url}`)).toEqual(['page about:blank']);
    } finally {
      await launched.close();
    }
  });

  it.each([
    ['single-process', 1],
    ['multi-process', 3], // the browser, its zygotes, the renderer…
  ] as const)('closes a %s browser at once: no process of its process group outlives close()', async (processModel, atLeast) => {
    const launched = await launchBrowser({ processModel });
    const pid = launched.browser.process()!.pid!;
    const page = await launched.browser.newPage();
    await page.setContent('<p>x</p>');
    const helpers = execFileSync('pgrep', ['-g', String(pid)]).toString().trim().split('\n');
    expect(helpers.length).toBeGreaterThanOrEqual(atLeast);
    await launched.close();
    // Left at most as zombies (state Z: ended, waiting for init to collect them), never running.
    // (ps exits 1 when nothing of the group is left at all.)
    const left = spawnSync('ps', ['-o', 'stat=', '-g', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter((stat) => stat.trim() !== '');
    expect(left.filter((stat) => !stat.startsWith('Z'))).toEqual([]);
  });

  it('prints in one process: no zygote, renderer, GPU or utility process beside the browser', async () => {
    const launched = await launchBrowser();
    try {
      expect(launched.processModel).toBe('single-process');
      const page = await launched.browser.newPage();
      await page.setContent('<p>x</p>');
      await page.pdf({ tagged: true });
      const group = execFileSync('ps', ['-o', 'args=', '-g', String(launched.browser.process()!.pid!)], { encoding: 'utf8' });
      expect(group.trim().split('\n')).toHaveLength(1);
      expect(group).not.toContain('--type=');
    } finally {
      await launched.close();
    }
  });

  it('starts a multi-process browser when a single-process one fails to start', async () => {
    const real = findBrowser();
    if (!('path' in real)) throw new Error('no browser');
    // A Chromium that refuses --single-process, and starts as usual otherwise.
    const wrapper = join(folder, 'chromium-senza-single-process');
    writeFileSync(wrapper, `#!/bin/sh\ncase " $* " in *" --single-process "*) echo "no" >&2; exit 1;; esac\nexec ${real.path} "$@"\n`, { mode: 0o755 });
    const launched = await launchBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: wrapper } });
    try {
      expect([launched.processModel, launched.executablePath]).toEqual(['multi-process', wrapper]);
      const page = await launched.browser.newPage();
      await page.setContent('<h1>Avviato</h1>');
      expect(poppler('pdftotext', await page.pdf({ tagged: true }))).toContain('Avviato');
    } finally {
      await launched.close();
    }
  });

  it('loads a raster image after a print in the same single-process browser, once warmed up', async () => {
    const started = startRenderer();
    try {
      const warm = await started.renderer();
      await warm.printPdf('<h1>Prima</h1>', italian);
      const pdf = await warm.printPdf(withLogo('Seconda'), italian);
      expect(poppler('pdftotext', pdf)).toContain('Seconda');
      expect(logos(pdf)).toBe(1);
      expect(warm.processModel).toBe('single-process');
    } finally {
      await started.close();
    }
  });

  it('prints a document again with a multi-process browser when the single-process one dies', async () => {
    const own = await openRenderer();
    try {
      await own.printPdf('<h1>Prima</h1>', italian);
      const { pid } = own;
      process.kill(pid!, 'SIGKILL');
      const refused: string[] = [];
      const pdf = await own.printPdf(`${withLogo('Dopo la caduta')}<img src="http://127.0.0.1:9/x.png">`, { ...italian, onBlockedRequest: (url) => refused.push(url) });
      expect(poppler('pdftotext', pdf)).toContain('Dopo la caduta');
      expect(logos(pdf)).toBe(1);
      expect(refused).toEqual(['http://127.0.0.1:9/x.png']);
      expect(own.processModel).toBe('multi-process');
      expect(own.pid).not.toBe(pid);
      expect(poppler('pdftotext', await own.printPdf('<h1>Ancora</h1>', italian))).toContain('Ancora'); // it stays
    } finally {
      await own.close();
    }
  });

  it('prints a raster image that comes after a print without a warm-up; the crash report stays out of the home folder', async () => {
    // Chromium writes its crash reports (and their settings) in ~/.config/chromium unless told otherwise.
    // (Its GTK and sound libraries still leave ~/.cache/dconf and ~/.config/pulse behind.)
    const home = mkdtempSync(join(tmpdir(), 'bilancio-home-'));
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    process.env.HOME = home;
    delete process.env.XDG_CONFIG_HOME;
    try {
      const cold = await openRenderer();
      try {
        await cold.printPdf('<h1>Prima</h1>', italian);
        const pdf = await cold.printPdf(`${withLogo('Logo')}<img alt="immagine mancante">`, italian);
        expect(poppler('pdftotext', pdf)).toContain('Logo');
        expect(logos(pdf)).toBe(1);
      } finally {
        await cold.close();
      }
      expect(readdirSync(home, { recursive: true }).filter((entry) => String(entry).includes('chromium'))).toEqual([]);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('prints several PDFs with one browser', async () => {
    const { pid, wsEndpoint } = renderer;
    expect(pid).toBeGreaterThan(0);
    for (const n of [1, 2, 3]) {
      const pdf = await renderer.printPdf(`<h1>Documento ${n}</h1>`, italian);
      expect(poppler('pdftotext', pdf)).toContain(`Documento ${n}`);
    }
    expect([renderer.pid, renderer.wsEndpoint]).toEqual([pid, wsEndpoint]);
  });
});

describe('missing browser', () => {
  const env = { PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' };

  it('is reported by findBrowser as a value', () => {
    expect(findBrowser(env)).toEqual({ error: 'browser-not-found', tried: ['/no/such/chrome'] });
  });

  it('makes openRenderer reject with BrowserNotFoundError, in Italian', async () => {
    const error: unknown = await openRenderer({ env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).code).toBe('browser-not-found');
    expect((error as Error).message).toMatch(/^Nessun browser Chromium trovato\. Installare il pacchetto Debian `chromium`/);
    expect((error as Error).message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect((error as Error).message).toContain('/no/such/chrome');
  });
});
