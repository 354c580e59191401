import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser.js';
import { withPrinter } from '../../src/render/pdf.js';
import { setPdfInfo } from '../../src/render/pdf-info.js';

// The PDF's Author and Creator (config `autore` and `editore`): Chromium writes neither, so bilancio
// appends an update of the Info dictionary to what Chromium printed. Read back with pdfinfo and pdftotext.

const hasBrowser = 'path' in findBrowser();
const folder = mkdtempSync(join(tmpdir(), 'bilancio-pdf-info-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function poppler(tool: 'pdfinfo' | 'pdftotext', pdf: Uint8Array, name: string): string {
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
}

const HTML =
  '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Bilancio di Forlì</title></head><body><p>Una pagina.</p></body></html>';

describe.skipIf(!hasBrowser)('Author and Creator of a printed PDF', () => {
  it('says any text (accents, quotes, parentheses) and keeps the title, the dates and the pages', async () => {
    const author = 'Comune di Forlì — Ufficio "Welfare" (sociale) \\ 100%';
    const date = new Date('2025-06-30T00:00:00Z');
    const [plain, described] = await withPrinter(async (printer) => [
      await printer.printPdf(HTML, { date }),
      await printer.printPdf(HTML, { date, info: { author, creator: 'Unione dei Comuni' } }),
    ]);
    const before = poppler('pdfinfo', plain, 'plain');
    const info = poppler('pdfinfo', described, 'described');
    expect(before).not.toMatch(/^Author:/m);
    expect(info).toContain(`Author:          ${author}`);
    expect(info).toMatch(/^Creator:\s+Unione dei Comuni$/m);
    expect(info).toMatch(/^Title:\s+Bilancio di Forlì$/m);
    expect(info).toMatch(/^CreationDate:\s+Mon Jun 30 00:00:00 2025 UTC$/m);
    expect(info).toMatch(/^ModDate:\s+Mon Jun 30 00:00:00 2025 UTC$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).not.toMatch(/Syntax (Error|Warning)/);
    expect(poppler('pdftotext', described, 'text')).toContain('Una pagina.');
    // Chromium's bytes are kept as they were: the update only follows them.
    expect(Buffer.from(described.subarray(0, plain.byteLength)).equals(Buffer.from(plain))).toBe(true);
  });
});

describe('setPdfInfo', () => {
  it('leaves a PDF it cannot update, or with nothing to say, as it is', () => {
    const notPdf = new Uint8Array(Buffer.from('not a pdf'));
    expect(setPdfInfo(notPdf, { author: 'X' })).toBe(notPdf);
    expect(setPdfInfo(notPdf, {})).toBe(notPdf);
    expect(setPdfInfo(notPdf, { author: '' })).toBe(notPdf);
  });
});
