import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser.js';
import { withPrinter } from '../../src/render/pdf.js';
import { decodePdfString, setPdfInfo } from '../../src/render/pdf-info.js';

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

describe.skipIf(!hasBrowser)('XMP metadata of a printed PDF', () => {
  it('says the title, the language and the author, as the Info dictionary and the Catalog do', async () => {
    const html = HTML.replace('lang="it"', 'lang="en"').replace('Bilancio di Forlì', 'Social report <of> Forlì & co.');
    const pdf = await withPrinter((printer) => printer.printPdf(html, { info: { author: 'Comune di Forlì', creator: 'Unione' } }));
    const file = join(folder, 'xmp.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).not.toMatch(/Syntax (Error|Warning)/);
    const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(xmp).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Social report &lt;of&gt; Forlì &amp; co.</rdf:li>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Comune di Forlì</rdf:li></rdf:Seq></dc:creator>');
    expect(xmp).toContain('<xmp:CreatorTool>Unione</xmp:CreatorTool>');
    // The document's language in the Catalog (Chromium's, from <html lang>) is kept in the new Catalog.
    const catalogs = [
      ...Buffer.from(pdf)
        .toString('latin1')
        .matchAll(/\/Type \/Catalog[\s\S]*?endobj/g),
    ].map((m) => m[0]);
    expect(catalogs.at(-1)).toMatch(/\/Lang \(en\)/);
    expect(catalogs.at(-1)).toMatch(/\/Metadata \d+ 0 R/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Una pagina.');
  });
});

describe('decodePdfString', () => {
  it('reads literal strings with escapes and UTF-16 strings in hex', () => {
    expect(decodePdfString(String.raw`(a \(b\) c\\d\351)`)).toBe('a (b) c\\dé');
    expect(decodePdfString('<FEFF0046006F0072006C00EC>')).toBe('Forlì');
  });
});
