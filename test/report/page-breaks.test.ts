import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser } from './build.js';
import { markerPages, printWithMarkers } from './page-breaks.js';

// The detector of cut boxes, on pages made to be cut: it must see the cut, and only the cut.

function page(figureCss: string): string {
  return `<!doctype html><html lang="it"><head><style>
    @page { size: A4; margin: 20mm; } body { margin: 0; font-family: 'DejaVu Sans'; }
    .spazio { height: 200mm; } figure { margin: 0; height: 90mm; background: #eee; ${figureCss} }
  </style></head><body><div class="spazio"></div><figure><p>Figura</p></figure><figure><p>Altra</p></figure></body></html>`;
}

describe.skipIf(!hasBrowser)('the page-break detector', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-segni-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function sequences(html: string, name: string): Promise<string[]> {
    const { pdf, marked } = await printWithMarkers(html);
    expect(marked).toBe(2);
    await writeFile(path.join(work, `${name}.pdf`), pdf);
    return markerPages(path.join(work, `${name}.pdf`));
  }

  it('sees a figure that a page break cuts in two', async () => {
    const pages = await sequences(page('break-inside: auto;'), 'tagliata');
    expect(pages[0]).toBe('T');
    expect(pages[1]).toMatch(/^B/);
  }, 60_000);

  it('accepts figures moved whole to the next page', async () => {
    const pages = await sequences(page('break-inside: avoid;'), 'intera');
    expect(pages.every((s) => /^(TB)*$/.test(s))).toBe(true);
    expect(pages.join('')).toBe('TBTB');
  }, 60_000);
});
