import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser.js';
import { repoRoot } from '../helpers/paths.js';

// The printing thread, as the installed command runs it: the compiled printer (dist/, built by the
// global setup) starts its worker; from the TypeScript sources it would print in the same thread.

const hasBrowser = 'path' in findBrowser();
type PrinterModule = typeof import('../../src/render/printer.js');
const load = (): Promise<PrinterModule> => import(path.join(repoRoot, 'dist/render/printer.js')) as Promise<PrinterModule>;

const pdfText = (pdf: Uint8Array): string => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');

describe.skipIf(!hasBrowser)('the printing thread', () => {
  it('prints documents one after the other, tells which requests it refused, and closes', async () => {
    const { startPrinter } = await load();
    const printer = startPrinter();
    try {
      const renderer = await printer.renderer();
      const refused: string[] = [];
      const [first, second] = await Promise.all([
        renderer.printPdf('<h1>Primo</h1><img src="http://127.0.0.1:9/x.png" alt="x">', { lang: 'it', onBlockedRequest: (url) => refused.push(url) }),
        renderer.printPdf('<h1>Secondo</h1>', { lang: 'it', date: new Date(Date.UTC(2026, 0, 15)) }),
      ]);
      expect(pdfText(first)).toContain('Primo');
      expect(pdfText(second)).toContain('Secondo');
      expect(refused).toEqual(['http://127.0.0.1:9/x.png']);
      expect(execFileSync('pdfinfo', ['-'], { input: second }).toString()).toMatch(/^CreationDate:\s+Thu Jan 15 00:00:00 2026 UTC$/m);
    } finally {
      await printer.close();
      await printer.close();
    }
    // After close, a print is refused rather than left waiting.
    await expect((await printer.renderer()).printPdf('<p>tardi</p>', { lang: 'it' })).rejects.toThrow();
  });

  it('brings the missing-browser error across with its code (the CLI turns it into exit code 3)', async () => {
    const { startPrinter } = await load();
    const printer = startPrinter({ env: { PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' } });
    try {
      const error = await (await printer.renderer()).printPdf('<p>x</p>', { lang: 'it' }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('browser-not-found');
      expect((error as Error).message).toMatch(/^Nessun browser Chromium trovato\..*\/no\/such\/chrome\.$/);
    } finally {
      await printer.close();
    }
  });
});
