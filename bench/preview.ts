// The live preview's benchmark (issue 20): `bilancio anteprima` on a copy of data/brescia, a real
// Chromium on its page; the time from saving a text of testi/ (then a partner's file) to the reloaded
// page showing the change, median of several saves. Goals: under 1 s for a text, under 2 s for a partner file.
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from '../src/render/browser.js';

/** Medians (and every run) of save → reloaded page, in milliseconds. */
export interface PreviewResult {
  textMs: number;
  partnerMs: number;
  textRuns: number[];
  partnerRuns: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs the preview on a copy of `brescia` in `work`; null when Chromium is missing. */
export async function benchPreview(cli: string, brescia: string, work: string, runs: number): Promise<PreviewResult | null> {
  const found = findBrowser();
  if (!('path' in found)) return null;
  const project = path.join(work, 'anteprima');
  await cp(brescia, project, { recursive: true, filter: (source) => !/[/\\]out$/.test(source) });
  const child = spawn(process.execPath, [cli, 'anteprima', project], { stdio: ['ignore', 'pipe', 'pipe'] });
  const browser = await puppeteer.launch({
    executablePath: found.path,
    headless: true,
    pipe: true,
    // The report's printer resolves no host; this browser must reach the preview on 127.0.0.1.
    args: BROWSER_ARGS.filter((arg) => !arg.startsWith('--host-resolver-rules')),
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
        if (match) resolve(match[0]);
      });
      child.on('exit', (code) => reject(new Error(`anteprima exited ${code}`)));
    });
    const page = await browser.newPage();
    await page.goto(url);
    // Save → the page has `marker` and has painted it. The page is looked at when its DOM changes (a
    // look every few milliseconds would take the CPU the preview needs: the report is 1.5 MB), with
    // textContent, which lays nothing out; then two animation frames: the new text laid out and painted.
    const timeSave = async (save: () => Promise<void>, marker: string): Promise<number> => {
      const began = performance.now();
      await save();
      await page.waitForFunction(`document.body.textContent.includes(${JSON.stringify(marker)})`, {
        timeout: 120_000,
        polling: 'mutation',
      });
      await page.evaluate('new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))');
      return performance.now() - began;
    };
    const letter = path.join(project, 'testi', 'lettera.md');
    const letterSource = await readFile(letter, 'utf8');
    const textRuns: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const marker = `Prova di lettura numero ${i}`;
      textRuns.push(await timeSave(() => writeFile(letter, letterSource.replace('Care concittadine', marker)), marker));
    }
    // A partner's file: an error on one row (its place shows on the page), then the file as it was.
    const partner = path.join(project, 'contributi', 'auser', '2024', 'erogazioni_auser.csv');
    const partnerSource = await readFile(partner, 'latin1');
    const partnerRuns: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const broken = partnerSource.replace(/^(2024;Brescia Antica;COMPAGNIA_ANZIANI;auser;)\d+;/m, `$1prova${i};`);
      partnerRuns.push(await timeSave(() => writeFile(partner, broken, 'latin1'), `prova${i}`));
    }
    return { textMs: median(textRuns), partnerMs: median(partnerRuns), textRuns, partnerRuns };
  } finally {
    await browser.close();
    child.kill('SIGINT');
  }
}
