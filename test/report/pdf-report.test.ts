import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bresciaProject } from '../helpers/paths.js';
import { buildReport, hasBrowser, outlineTitles, pageTexts, poppler, type Built } from './build.js';
import { markerPages, printWithMarkers, UNSPLITTABLE } from './page-breaks.js';
import { pageFills } from './page-fill.js';

// The printed report of the embedded Brescia project, read back as a person would: text per page,
// fonts, outline, and the page images (no figure or table cut by a page break, no half-empty page).

export const CHAPTERS = [
  // The project's letter (data/brescia/testi/lettera.md), a chapter of its own before the others.
  'Lettera alla città',
  'Sintesi',
  'Nota metodologica',
  'Il progetto e la rete',
  'La città',
  'La forza della comunità',
  'Prima infanzia',
  'Vivi il quartiere e Officina giovani',
  'Le 100 leve per la città',
  'Contrasto alla povertà e lavoro',
  'Anziani e disabili',
  'La voce della comunità',
  'Le risorse',
  'Le persone',
  'Gli impegni',
  'I quartieri',
  'Appendici',
];

async function quartieriNames(): Promise<string[]> {
  const csv = await readFile(path.join(bresciaProject, 'territorio/quartieri.csv'), 'utf8');
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[2]!);
}

/** The running header: the first non-empty line of the page, left part (chapter) before the report title. */
function header(page: string): string {
  const first = page.split('\n').find((line) => line.trim() !== '') ?? '';
  return first.trim().split(/\s{2,}/)[0] ?? '';
}

/** The /Alt of every Figure in the PDF's structure tree (Skia writes them as literal or UTF-16 hex strings). */
function figureAlts(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/S \/Figure\s*\/Alt\s*(?:<FEFF([0-9A-F]*)>|\(((?:\\.|[^\\)])*)\))/g)].map(([, hex, literal]) =>
    hex !== undefined ? Buffer.from(hex, 'hex').swap16().toString('utf16le') : literal!.replace(/\\(.)/g, '$1'),
  );
}

describe.skipIf(!hasBrowser)('the printed report of data/brescia', () => {
  let built: Built;
  let pdfFile: string;
  let pages: string[];

  beforeAll(async () => {
    built = await buildReport();
    pdfFile = path.join(built.out, 'report.pdf');
    pages = await pageTexts(pdfFile);
  }, 240_000);
  afterAll(async () => {
    await built?.remove();
  });

  it('is A4, tagged, with an outline that holds every chapter', async () => {
    const info = await poppler('pdfinfo', [pdfFile]);
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const titles = outlineTitles(await readFile(pdfFile));
    for (const chapter of CHAPTERS) expect(titles).toContain(chapter);
    for (const name of await quartieriNames()) expect(titles).toContain(name);
  });

  it('keeps the long survey detail on screen: the HTML holds the table, the PDF says where it is', async () => {
    const html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    const table = /<table class="tabella" id="(tab-questionario-quartieri-distribuzione)">[\s\S]*?<\/table>/.exec(html);
    expect(table?.[0].match(/<td/g)?.length).toBeGreaterThan(1000);
    const label = /<span class="numero">(Tabella \d+)\.<\/span> Distribuzione delle risposte per quartiere/.exec(html)?.[1];
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(
      `${label}. Distribuzione delle risposte per quartiere, dimensione e domanda, 2024: la tabella completa è nella versione HTML del bilancio e nei dati aperti.`,
    );
    // Its caption appears once (that line), never as the title of a printed table.
    expect(text.split('Distribuzione delle risposte per quartiere, dimensione').length - 1).toBe(1);
  });

  it('keeps the annex of every indicator for every area on screen, and says so in their place', async () => {
    const html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    const numbers = [...html.matchAll(/<span class="numero">Tabella (\d+)\.<\/span> Indicatori per territorio/g)].map((m) => m[1]);
    expect(numbers.length).toBeGreaterThan(1);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(
      `Le tabelle ${numbers[0]}–${numbers[numbers.length - 1]}, con ogni indicatore per la città, le zone e i quartieri, sono nella versione HTML del bilancio e nei dati aperti.`,
    );
    expect(text).not.toContain('Indicatori per territorio');
  });

  it('tags every chart and map as a Figure whose Alt is its text alternative', async () => {
    const alts = figureAlts(await readFile(pdfFile));
    const html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    const images = [...html.matchAll(/<div class="grafico" role="img" aria-label="([^"]+)"><svg aria-hidden="true"/g)];
    expect(images.length).toBeGreaterThan(40);
    const entities: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&#x27;': "'",
      '&#x60;': '`',
      '&#x3D;': '=',
    };
    for (const [, alt] of images) expect(alts).toContain(alt!.replace(/&[#\w]+;/g, (e) => entities[e] ?? e));
    expect(alts.some((alt) => /^Grafico a barre: Residenti per zona\. Centro 44\.456;/.test(alt))).toBe(true);
  });

  it('opens every chapter on a page whose running header names it', () => {
    for (const chapter of CHAPTERS) {
      const opening = pages.findIndex((page) => header(page) === chapter);
      expect(opening, chapter).toBeGreaterThan(0);
      // The chapter's title, as the heading of its first page.
      expect(
        pages[opening]!.split('\n').map((line) => line.trim()),
        chapter,
      ).toContain(chapter);
    }
    // Between chapters, every page but the cover carries the name of the chapter it belongs to.
    const allowed = new Set(['Indice', ...CHAPTERS]);
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      const name = header(page);
      expect(allowed.has(name) || name.startsWith('I quartieri · '), `page ${i + 1}: "${name}"`).toBe(true);
    }
  });

  it('gives each entry of the printed index the page on which its chapter or quartiere opens', async () => {
    const index = pages.find((page) => header(page) === 'Indice')!;
    // "  3. La città      6", two quartieri to a line in two columns.
    const entries = new Map(
      [...index.matchAll(/(\d+)\. (\S.*?) {2,}(\d+)(?= {2,}|\s*$)/gm)].map((m) => [m[2]!.trim(), Number(m[3])] as const),
    );
    const opens = (page: number, name: string) => header(pages[page - 1] ?? '') === name && header(pages[page - 2] ?? '') !== name;
    for (const chapter of CHAPTERS) expect(opens(entries.get(chapter) ?? 0, chapter), chapter).toBe(true);
    const names = await quartieriNames();
    for (const name of names) expect(opens(entries.get(name) ?? 0, `I quartieri · ${name}`), name).toBe(true);
    expect(entries.size).toBe(CHAPTERS.length + names.length);
  });

  it('bookmarks every entry of the index, in its order, each opening on the page the index gives', async () => {
    const index = pages.find((page) => header(page) === 'Indice')!;
    const printed = [...index.matchAll(/(\d+)\. (\S.*?) {2,}(\d+)(?= {2,}|\s*$)/gm)].map((m) => `${m[2]!.trim()} ${m[3]}`);
    // Poppler reads the outline as a reader's viewer does: each bookmark's title and the page it opens.
    const xml = await poppler('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', '1', pdfFile]);
    const decode = (text: string) =>
      text
        .replace(/&amp;/g, '&')
        .replace(/&apos;|&#39;/g, "'")
        .replace(/&quot;/g, '"');
    const bookmarks = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => `${decode(m[2]!)} ${m[1]}`);
    expect(bookmarks.length).toBe(CHAPTERS.length + (await quartieriNames()).length);
    // The index prints its quartieri in two columns, so compare as sets.
    expect(new Set(bookmarks)).toEqual(new Set(printed));
    expect(bookmarks.slice(0, 3)).toEqual(printed.slice(0, 3));
  });

  it('keeps every table caption on the page of its table', () => {
    for (const [i, page] of pages.entries()) {
      const lines = page.split('\n').filter((line) => line.trim() !== '');
      // The last line above the foot ("Comune di Brescia … pag. N di M") must not be a table's caption.
      expect(lines.at(-2)?.trim() ?? '', `page ${i + 1}`).not.toMatch(/^Tabella \d+\. /);
    }
  });

  it('gives each of the 33 quartieri its own page, titled with its name', async () => {
    const names = await quartieriNames();
    expect(names).toHaveLength(33);
    for (const name of names) {
      const own = pages.filter((page) => header(page) === `I quartieri · ${name}`);
      expect(own.length, name).toBeGreaterThanOrEqual(1);
      // The page title: the name on a line of its own, under the running header.
      expect(
        own[0]!.split('\n').map((l) => l.trim()),
        name,
      ).toContain(name);
    }
  });

  it('fits each quartiere on one page: the next quartiere opens on the next page', async () => {
    const names = await quartieriNames();
    const openings = names.map((name) => pages.findIndex((page) => header(page) === `I quartieri · ${name}`));
    const spilled = names.filter((name) => pages.filter((page) => header(page) === `I quartieri · ${name}`).length !== 1);
    expect(spilled, 'quartieri on more than one page').toEqual([]);
    // Zone by zone, in the order of the index: each page follows the previous one.
    const sorted = [...openings].sort((a, b) => a - b);
    expect(sorted.at(-1)! - sorted[0]!).toBe(names.length - 1);
  });

  it('leaves no page less than 60% full, except the last page of a chapter or a quartiere', async () => {
    // Chapters and quartieri start on a new page (each has its own running header, a named page), so
    // their last page may be short. Any other page ends early only because the next box kept whole (a
    // figure, a short table) did not fit: charts are at most 165 mm tall on paper (style.css) so that they
    // fit below the opening text of their section, and no page of Brescia needs to be under 64% full.
    const fills = await pageFills(pdfFile);
    expect(fills.length).toBe(pages.length);
    const halfEmpty = fills
      .map((fill, i) => ({ page: i + 1, fill: Math.round(fill * 100), section: header(pages[i]!) }))
      .filter(({ page, fill, section }) => fill < 60 && section === header(pages[page] ?? ''));
    expect(halfEmpty).toEqual([]);
    // The measure sees what is printed: most pages read as well filled, none as blank.
    expect(fills.filter((fill) => fill > 0.8).length).toBeGreaterThan(pages.length / 2);
    expect(Math.min(...fills)).toBeGreaterThan(0);
  });

  it('numbers every page "pag. N di M", except the cover', () => {
    const total = pages.length;
    expect(total).toBeGreaterThanOrEqual(50);
    expect(pages[0]).not.toMatch(/pag\. \d+ di/);
    pages.slice(1).forEach((page, i) => expect(page, `page ${i + 2}`).toContain(`pag. ${i + 2} di ${total}`));
  });

  it('repeats the header row of a long table on every page it covers', () => {
    // The indicator definitions take more than a page: each page starts the table again with its header.
    const withHeader = pages.filter((page) => /Indicatore\s+Definizione\s+Calcolo\s+Obiettivo/.test(page));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
  });

  it('breaks no word of the indicator definitions: each column is as wide as its longest word', async () => {
    const html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    const table = /<table[^>]*id="tab-definizioni"[\s\S]*?<\/table>/.exec(html)![0];
    const decode = (text: string) =>
      text
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const words = new Set(decode(table).split(/\s+/));
    // A line may end after a dash ("età 14–" / "29)"), never inside a word.
    for (const word of [...words]) for (const part of word.split(/(?<=–)/)) words.add(part);
    const caption = pages.findIndex((page) => /Tabella \d+\. Definizione degli indicatori/.test(page));
    expect(caption).toBeGreaterThan(0);
    const first = pages[caption]!;
    const lines = [first.slice(first.search(/Tabella \d+\. Definizione degli indicatori/))]
      .concat(pages.slice(caption + 1).filter((page) => /Indicatore\s+Definizione\s+Calcolo\s+Obiettivo/.test(page)))
      .flatMap((page) => page.split('\n'))
      .filter((line) => !/Tabella \d+\.|pag\. \d+ di|Bilancio sociale|Comune di/.test(line));
    // The table ends where the glossary, the next section of the annex, begins.
    const end = lines.findIndex((line) => line.trim() === 'Glossario');
    const rows = end < 0 ? lines : lines.slice(0, end);
    expect(rows.filter((line) => line.includes('Obiettivo UE')).length).toBeGreaterThan(0);
    const broken = rows.flatMap((line) => line.trim().split(/\s+/)).filter((w) => w && !words.has(w));
    expect(broken).toEqual([]);
  });

  it('cites figures and tables by number in the text, with working links', async () => {
    const html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    expect(html).toMatch(/\(<a href="#fig-residenti-zona">Figura 1<\/a>\)/);
    expect(html).toMatch(/La <a href="#fig-[a-z_0-9-]+">Figura \d+<\/a> confronta ogni quartiere/);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(60);
    expect(targets.filter((id) => !ids.has(id))).toEqual([]);
    expect(pages.join('\n')).toMatch(/residenti in 33 quartieri e 5 zone \(Figura 1\)/);
  });

  it('embeds every font, and the charts print their numbers as text', async () => {
    const fonts = (await poppler('pdffonts', [pdfFile])).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
    // No Type 3 fonts: they are glyphs drawn as pictures (stroked text), which nobody can search or copy.
    expect(fonts.filter((line) => /Type 3/.test(line))).toEqual([]);
    // Tick labels of the residents-by-zone chart: searchable, Italian grouping.
    expect(pages.join('\n')).toMatch(/44\.456/);
    // Names print as letters: no ligature glyph (ﬀ, ﬁ) stands for "ff" in "Buffalora" or "fi" in "Crocifissa".
    expect(pages.join('\n')).not.toMatch(/[\uFB00-\uFB06]/);
  });

  it('cuts no figure, short table or table row across pages', async () => {
    const html = await readFile(path.join(built.out, 'report.html'), 'utf8');
    const { pdf, marked, tooWide } = await printWithMarkers(html);
    expect(tooWide, 'wider than the A4 text column').toEqual([]);
    const file = path.join(built.work, 'segnato.pdf');
    await writeFile(file, pdf);
    const sequences = await markerPages(file);
    expect(sequences.length).toBe(pages.length);
    const cut = sequences.map((s, i) => ({ page: i + 1, s })).filter(({ s }) => !/^(TB)*$/.test(s));
    expect(cut, `boxes (${UNSPLITTABLE.join(', ')}) split across pages`).toEqual([]);
    const tops = sequences.join('').split('T').length - 1;
    expect(tops).toBe(marked);
  }, 180_000);
});
