import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from '../../src/render/browser.js';
import { hasBrowser } from '../report/build.js';
import { bresciaProject, repoRoot } from '../helpers/paths.js';

// Issue 20: `bilancio anteprima` on a copy of the Brescia project (never data/brescia itself), in a real
// headless Chromium: the page changes by itself after a text is saved, and after a partner file is.

const bodyText = (page: Page) => page.evaluate('document.body.innerText') as Promise<string>;

/** Waits until the page (reloaded by the preview) shows `text`. */
async function pageShows(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (wanted: string) => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(wanted),
    { timeout, polling: 100 },
    text,
  );
}

describe.skipIf(!hasBrowser)('bilancio anteprima in a real browser', () => {
  let work: string;
  let project: string;
  let child: ChildProcess;
  let stderr = '';
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-anteprima-'));
    project = path.join(work, 'brescia');
    await cp(bresciaProject, project, { recursive: true, filter: (source) => !/[/\\]out$/.test(source) });
    child = spawn(process.execPath, [path.join(repoRoot, 'bin/bilancio.js'), 'anteprima', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
        if (found) resolve(found[0]);
      });
      child.on('exit', (code) => reject(new Error(`anteprima exited ${code}:\n${stderr}`)));
    });
    // The report's printer resolves no host at all; this browser must reach the preview on 127.0.0.1.
    const found = findBrowser();
    if (!('path' in found)) throw new Error('no Chromium');
    browser = await puppeteer.launch({
      executablePath: found.path,
      headless: true,
      pipe: true,
      args: BROWSER_ARGS.filter((arg) => !arg.startsWith('--host-resolver-rules')),
    });
    page = await browser.newPage();
    await page.goto(url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  it('serves the report on loopback, with the letter from testi/ and its live figures', async () => {
    const text = await bodyText(page);
    expect(text).toContain('Lettera alla città');
    const letter = await readFile(path.join(project, 'testi', 'lettera.md'), 'utf8');
    expect(letter).toContain('{{ valore popolazione citta }}');
    expect(text).toMatch(/Brescia conta \d{3}\.\d{3} residenti/);
    // Only the page and its events: no folder, no file of the project, nothing outside.
    for (const other of ['/dati/', '/testi/lettera.md', '/../bilancio.config.json', '/eventi/../etc/passwd']) {
      expect((await fetch(new URL(other, url))).status, other).toBe(404);
    }
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('after a text is saved the open page shows it, with markup shown as text and never run', async () => {
    const file = path.join(project, 'testi', 'lettera.md');
    const source = await readFile(file, 'utf8');
    await writeFile(
      file,
      source.replace('Care concittadine, cari concittadini,', 'Gentili bresciane e bresciani, <script>globalThis.eseguito = 1</script>'),
    );
    await pageShows(page, 'Gentili bresciane e bresciani', 20_000);
    expect(await bodyText(page)).toContain('<script>globalThis.eseguito = 1</script>');
    expect(await page.evaluate('globalThis.eseguito')).toBeUndefined();
    expect(stderr).toMatch(/Aggiornata in \d+ ms \(solo i testi\): testi\/lettera\.md/);
  }, 60_000);

  it('a figure naming an indicator that does not exist is shown on the page at its line and column', async () => {
    const file = path.join(project, 'testi', 'obiettivi.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace('{{ valore copertura_NIDO citta }}', '{{ valore copertura_nidi citta }}'));
    const line = source.split('\n').findIndex((l) => l.includes('copertura_NIDO')) + 1;
    const column = source.split('\n')[line - 1]!.indexOf('copertura_NIDO') + 1;
    await pageShows(page, `testi/obiettivi.md, riga ${line}, colonna ${column}`, 20_000);
    expect(await bodyText(page)).toMatch(/«copertura_nidi» non è nel catalogo/);
    await writeFile(file, source);
    await page.waitForFunction('!document.getElementById("anteprima-problemi")?.innerText.includes("copertura_nidi")', { timeout: 20_000 });
  }, 60_000);

  it('after a partner file is saved the page is rebuilt from it', async () => {
    const file = path.join(project, 'contributi', 'auser', '2024', 'erogazioni_auser.csv');
    const source = await readFile(file, 'latin1');
    // A row whose count is not a number: the partner's file, row and column appear on the page.
    await writeFile(file, source.replace(/^(2024;Brescia Antica;COMPAGNIA_ANZIANI;auser;)\d+;/m, '$1molti;'), 'latin1');
    await pageShows(page, 'contributi/auser/2024/erogazioni_auser.csv, riga 2', 60_000);
    expect(stderr).toMatch(/Aggiornata in \d+ ms \(tutto il report\): contributi\/auser\/2024\/erogazioni_auser\.csv/);
  }, 90_000);

  it('stops cleanly on Ctrl-C (SIGINT)', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Anteprima chiusa.');
  }, 30_000);
});
